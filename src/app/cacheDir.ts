import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { makeDirectory } from '../fs/makeDirectory.js';

// What the file system answers when a folder cannot take our files: no permission, a read-only
// or full disk, or a path through (or onto) something that is not a folder.
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'ELOOP', 'ENAMETOOLONG']);

/**
 * Creates the cache folder and checks that it is writable, before anything is compiled: a cache
 * that cannot be written is the user's configuration to fix, not a bug (exit 2, not 3).
 */
export async function ensureWritableCache(cacheDir: string): Promise<void> {
  try {
    await makeDirectory(cacheDir);
    await access(cacheDir, constants.W_OK);
  } catch (error) {
    throw unwritableCache(await underlyingFault(error, cacheDir), cacheDir, true) ?? error;
  }
}

/**
 * Node's recursive mkdir reports ENOENT where a folder cannot be made on a read-only file
 * system; asking the nearest existing folder whether it is writable gives the real cause (EROFS).
 */
async function underlyingFault(error: unknown, cacheDir: string): Promise<unknown> {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  for (let dir = path.dirname(path.resolve(cacheDir)); ; dir = path.dirname(dir)) {
    try {
      await access(dir, constants.F_OK);
    } catch {
      if (path.dirname(dir) === dir) return error;
      continue;
    }
    return access(dir, constants.W_OK).then(
      () => error,
      (fault: unknown) => fault,
    );
  }
}

/**
 * The configuration error for a failed write into the cache, or `undefined` when `error` is
 * something else (another path, another cause), which then stays what it is.
 */
export function unwritableCache(error: unknown, cacheDir: string, creating = false): ConfigError | undefined {
  const { code, path: where } = (error ?? {}) as NodeJS.ErrnoException;
  // ENOENT while making the folder: a file system that takes no new folder there (/proc). Later,
  // a file another run removed is no fault of the folder.
  if (code === undefined || !(UNWRITABLE.has(code) || (creating && code === 'ENOENT'))) return undefined;
  if (where !== undefined && !onPath(path.resolve(where), path.resolve(cacheDir))) return undefined;
  return new ConfigError(
    `cannot write the cache folder ${cacheDir}: ${code}${where !== undefined && path.resolve(where) !== path.resolve(cacheDir) ? ` at ${where}` : ''} (${(ADVICE[code] ?? UNUSABLE).cause})`,
    `${(ADVICE[code] ?? UNUSABLE).remedy}give a writable folder with --cache-dir <dir> or the environment variable MESOS_MATRIX_CACHE=<dir>`,
  );
}

/** Rethrows a failed cache write as {@link unwritableCache}'s configuration error. */
export function rethrowCacheFault(cacheDir: string): (error: unknown) => never {
  return (error) => {
    throw unwritableCache(error, cacheDir) ?? error;
  };
}

/** Whether `file` is inside the cache folder, or one of the folders leading to it (where mkdir fails). */
function onPath(file: string, cacheDir: string): boolean {
  const within = (inner: string, outer: string) => {
    const relative = path.relative(outer, inner);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  return within(file, cacheDir) || within(cacheDir, file);
}

// Per errno: what it means, and what to do about the folder itself before using another one.
const NO_PERMISSION = { cause: 'no permission to write there', remedy: 'make it writable for this user (chmod, chown), or ' };
const FULL = { cause: 'the disk is full or over quota', remedy: 'free space on that disk (or raise the quota), or ' };
const NOT_A_FOLDER = { cause: 'a file stands where a folder is needed', remedy: '' };
const ADVICE: Readonly<Record<string, { cause: string; remedy: string }>> = {
  EACCES: NO_PERMISSION,
  EPERM: NO_PERMISSION,
  EROFS: { cause: 'the file system is read-only', remedy: '' },
  ENOSPC: FULL,
  EDQUOT: FULL,
  ENOTDIR: NOT_A_FOLDER,
  EEXIST: NOT_A_FOLDER,
};
const UNUSABLE = { cause: 'the path cannot be used', remedy: '' };
