import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/errors.js';

/** Where a target's files go, as the user gave it and as resolved. */
export interface OutputFolder {
  /** `--out`, `--cpp-out`: named in every message. */
  readonly flag: string;
  /** As given (shown in the report). */
  readonly given: string;
  readonly dir: string;
}

/**
 * Resolves an output folder and refuses the ones where a mistake destroys a user's work: an
 * empty path (which resolves to the current folder), the current folder or one holding it, a
 * project root (a folder holding `package.json` or `.git`), a folder inside `node_modules`, a
 * symbolic link, or something that is not a folder. A refusal is a usage error (exit 2) saying
 * what to give instead. `generate --out .` once deleted a module author's headers and 41 files
 * inside `node_modules`; a folder of its own makes that impossible.
 */
export async function resolveOutputFolder(flag: string, given: string, cwd: string, suggestion: string): Promise<OutputFolder> {
  const refuse = (why: string) => new UsageError(`${flag} ${JSON.stringify(given)}: ${why}`, `give a folder of its own for the generated files, for example ${flag} ${suggestion}`);
  if (given.trim() === '') throw refuse('an empty path is the current folder; generate writes only into a folder of its own');
  const dir = path.resolve(cwd, given);
  if (dir === path.resolve(cwd)) throw refuse('is the current folder');
  if (isInside(dir, cwd)) throw refuse(`holds the current folder (${cwd})`);
  if (dir.split(path.sep).includes('node_modules')) throw refuse('is inside node_modules, which belongs to the package manager');
  const stat = await lstat(dir).catch(() => null);
  if (stat === null) return { flag, given, dir };
  if (stat.isSymbolicLink()) throw refuse('is a symbolic link; generate follows none (give the folder it points to, if that is meant)');
  if (!stat.isDirectory()) throw refuse('exists and is not a folder');
  for (const marker of ['package.json', '.git']) {
    if ((await lstat(path.join(dir, marker)).catch(() => null)) !== null) throw refuse(`holds ${marker}: it is a project root, not a folder for generated files`);
  }
  return { flag, given, dir };
}

/** Refuses two targets where one folder holds the other: each folder's manifest must describe it alone. */
export function refuseNested(folders: readonly OutputFolder[]): void {
  for (const a of folders) {
    for (const b of folders) {
      if (a === b) continue;
      if (a.dir === b.dir || isInside(a.dir, b.dir)) {
        throw new UsageError(`${b.flag} ${JSON.stringify(b.given)} is ${a.dir === b.dir ? 'the same folder as' : 'inside'} ${a.flag} ${JSON.stringify(a.given)}`, 'give each language a folder of its own, for example --out src/shims --cpp-out include/mesos-matrix');
      }
    }
  }
}

/** Whether `inner` lies strictly below `outer`. */
function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
