import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this file, both as `src/app/*.ts` and as `dist/app/*.js`. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The package's own version table. */
export const DEFAULT_TABLE_DIR = path.join(PACKAGE_ROOT, 'versions');
/** The package's own templates, used when a project (`--root`) has no `templates/` of its own. */
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

/** Where a project keeps what the commands read. */
export interface ProjectPaths {
  /** The project folder (`--root`; default: the package's own root). */
  readonly root: string;
  /** The version table (`--table`; default `<root>/versions`). */
  readonly tableDir: string;
  /** `<root>/templates` when the project has one, else the package's templates. */
  readonly templatesDir: string;
}

/**
 * Resolves `--root` and `--table` (relative to `cwd`). A module author's repository keeps its
 * own `versions/` and, if it wants different fixtures, its own `templates/`.
 */
export function projectPaths(root: string | undefined, table: string | undefined, cwd: string): ProjectPaths {
  const resolvedRoot = root === undefined ? PACKAGE_ROOT : path.resolve(cwd, root);
  const ownTemplates = path.join(resolvedRoot, 'templates');
  return {
    root: resolvedRoot,
    tableDir: table === undefined ? path.join(resolvedRoot, 'versions') : path.resolve(cwd, table),
    templatesDir: isDirectory(ownTemplates) ? ownTemplates : TEMPLATES_DIR,
  };
}

/**
 * The cache of the project being worked on: `node_modules/.cache/mesos-matrix` of the nearest
 * ancestor of `from` holding a `package.json` (the convention of babel, eslint and vite's
 * caches, git-ignored with node_modules); outside any package, the user's cache folder
 * (`$XDG_CACHE_HOME/mesos-matrix`, else `~/.cache/mesos-matrix`).
 */
export function defaultCacheDir(from: string, env: Readonly<Record<string, string | undefined>>): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'mesos-matrix');
    if (path.dirname(dir) === dir) break;
  }
  const xdg = env['XDG_CACHE_HOME'];
  // The XDG spec says a relative $XDG_CACHE_HOME is invalid and must be ignored.
  const userCache = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(env['HOME'] ?? homedir(), '.cache');
  return path.join(userCache, 'mesos-matrix');
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
