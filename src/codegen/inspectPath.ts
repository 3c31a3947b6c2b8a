import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';

/** What lies at a relative path inside a folder, found without following any symbolic link. */
export type PathState = { readonly state: 'absent' } | { readonly state: 'file'; readonly content: string } | { readonly state: 'blocked'; readonly reason: string };

/**
 * Looks at `rel` under `dir` one segment at a time with `lstat`: a symbolic link anywhere on the
 * way, a `node_modules` folder, or a file where a folder should be, blocks it. Reading through a link could read (and a
 * later write could replace) a file of another tree.
 */
export async function inspectPath(dir: string, rel: string): Promise<PathState> {
  const segments = rel.split('/');
  let at = dir;
  for (const [index, segment] of segments.entries()) {
    at = path.join(at, segment);
    const shown = segments.slice(0, index + 1).join('/');
    if (segment === 'node_modules') return { state: 'blocked', reason: `${shown} belongs to the package manager (generate never enters node_modules)` };
    const stat = await lstat(at).catch(() => null);
    if (stat === null) return { state: 'absent' };
    if (stat.isSymbolicLink()) return { state: 'blocked', reason: `${shown} is a symbolic link (generate follows none)` };
    const last = index === segments.length - 1;
    if (!last && !stat.isDirectory()) return { state: 'blocked', reason: `${shown} is not a folder` };
    if (last && !stat.isFile()) return { state: 'blocked', reason: `${shown} is not a regular file` };
  }
  return { state: 'file', content: await readFile(at, 'utf8') };
}
