import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDirectory } from '../fs/makeDirectory.js';

/**
 * A content-addressed store of compiled fixtures: the key covers everything that determines
 * the output (rendered source, compiler command and identity, flags). An entry is a library and
 * a stamp holding the library's digest, written last; an entry whose stamp is missing or does
 * not match its library is rebuilt, never trusted.
 */
export function cacheKey(source: string, compiler: { command: readonly string[]; identity: string }, flags: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([source, compiler.command, compiler.identity, flags])).digest('hex');
}

export interface CacheEntry {
  readonly directory: string;
  readonly library: string;
  readonly stamp: string;
  /** The rendered source, kept beside the library for people (and the bench's make baseline); never compiled in place. */
  readonly source: string;
  /** Held by the run compiling the entry (see entryLock.ts). */
  readonly lock: string;
}

export function cacheEntry(cacheDir: string, key: string, fileName: string): CacheEntry {
  const directory = path.join(cacheDir, 'fixtures', key.slice(0, 24));
  return {
    directory,
    library: path.join(directory, fileName),
    stamp: path.join(directory, 'stamp.json'),
    source: path.join(directory, 'fixture.cpp'),
    lock: path.join(directory, 'build.lock'),
  };
}

export function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A private name beside `file`: `<file>.<pid>.<random>.tmp`, and `suffix` after it for a
 * reader that goes by the extension (a compiler wrapper such as ccache, a test's fake compiler,
 * sees a `.cpp`). Everything the cache holds is written under such a name and renamed into
 * place, so a killed run leaves no file that looks whole; the pid in the name lets a later run
 * tell a dead writer's leftovers (sweepStale.ts).
 */
export function temporaryPath(file: string, suffix = ''): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp${suffix}`;
}

/**
 * Writes a new file. A failed write(2) (ENOSPC, EDQUOT) comes without the path that `open`
 * errors carry; it is added, so that the fault can be named with the file it hit.
 */
export async function writeNew(file: string, data: string | Buffer): Promise<void> {
  await writeFile(file, data).catch((error: unknown) => {
    if (error instanceof Error && (error as NodeJS.ErrnoException).path === undefined) Object.assign(error, { path: file });
    throw error;
  });
}

/** Writes `file` whole or not at all (a temporary, then a rename, which is atomic on one file system). */
export async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const temporary = temporaryPath(file);
  try {
    await writeNew(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    // A full disk can leave a partial temporary behind: it is ours, remove it now.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Whether the entry is complete and intact. */
export async function isIntact(entry: CacheEntry, known?: ReadonlyMap<string, string | undefined>): Promise<boolean> {
  try {
    // A digest the library index vouches for (its file unchanged since hashed) spares reading it again.
    const [stamp, sha256] = await Promise.all([readFile(entry.stamp, 'utf8'), known?.get(entry.library) ?? readFile(entry.library).then(digest)]);
    return (JSON.parse(stamp) as { sha256?: unknown }).sha256 === sha256;
  } catch {
    return false;
  }
}

/** The content key a recipe rendered to last time, if remembered. */
export async function readRecipe(cacheDir: string, recipe: string): Promise<string | undefined> {
  try {
    const key = (await readFile(recipePath(cacheDir, recipe), 'utf8')).trim();
    return /^[0-9a-f]{64}$/.test(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

export async function writeRecipe(cacheDir: string, recipe: string, key: string): Promise<void> {
  const file = recipePath(cacheDir, recipe);
  await makeDirectory(path.dirname(file));
  await writeAtomically(file, `${key}\n`);
}

function recipePath(cacheDir: string, recipe: string): string {
  return path.join(cacheDir, 'recipes', recipe.slice(0, 2), recipe.slice(2, 40));
}
