import { lstat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, UsageError } from '../core/errors.js';
import { selectReleases } from '../core/selectReleases.js';
import type { InitSummary } from '../report/renderInit.js';
import { DEFAULT_TABLE_DIR } from './paths.js';
import { readTable } from './readTable.js';
import { startingLayout } from './startingLayout.js';
import { makeDirectory } from '../fs/makeDirectory.js';

/** What `initProject` lays out, and where. */
export interface InitOptions {
  /** The project folder to write into; created when missing. */
  readonly root: string;
  /** The releases of the package's own table to start from: a set, a list or a semver range (`--releases`, default `default`). */
  readonly releases: string;
  /** Overwrite files that exist (otherwise they are listed and nothing is written). */
  readonly force: boolean;
  /** Where the package's schema validators may be compiled (they are precompiled by the build). */
  readonly cacheDir: string;
}

/**
 * Writes a minimal starting layout for a module author's or a fork maintainer's own table into
 * `root`: `versions/` for the chosen releases, with an expected matrix that matches them, so
 * that `mesos-matrix matrix --root <root>` passes right away. Refuses to overwrite unless `force`.
 */
export async function initProject(options: InitOptions): Promise<InitSummary> {
  const root = path.resolve(options.root);
  const table = await readTable(DEFAULT_TABLE_DIR, options.cacheDir);
  const releases = selectReleases(table, options.releases).map((release) => release.release);
  const files = await startingLayout(table, releases);

  const present = await Promise.all(files.map((file) => exists(path.join(root, file.path))));
  const existing = files.filter((_, index) => present[index]).map((file) => file.path);
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `${options.root}: init would overwrite ${existing.length === 1 ? 'a file that exists' : `${existing.length} files that exist`} (nothing was written):\n${existing.map((file) => `  ${file}`).join('\n')}`,
      'run it in an empty folder (--root <dir>), or pass --force to overwrite them',
    );
  }
  for (const file of files) {
    const target = path.join(root, file.path);
    try {
      await makeDirectory(path.dirname(target));
      await writeFile(target, file.text);
    } catch (error) {
      throw new ConfigError(`${target}: cannot write: ${(error as Error).message}`, 'choose a folder you can write to with --root <dir>');
    }
  }
  return { root, releases, files: files.map((file) => file.path), overwritten: existing };
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}
