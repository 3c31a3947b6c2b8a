import { readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive, isStale } from './entryLock.js';

/** Files of a writer that may still be at work are left alone this long, even when its pid looks dead here (a cache shared with another machine). */
const GRACE_MS = 2 * 60_000;
/** A temporary this old is a leftover whoever wrote it; so is the interval between full sweeps. */
export const STALE_TEMPORARY_MS = 60 * 60_000;
/** `<name>.<pid>.<random>.tmp[.cpp]` (fixtureCache.ts `temporaryPath`), or `<name>.<pid>.tmp` as earlier versions wrote them. */
const TEMPORARY = /\.(\d+)(?:\.[0-9a-f]+)?\.tmp(?:\.\w+)?$/;
const ANY_TEMPORARY = /\.tmp(?:\.\w+)?$/;
const LOCK = 'build.lock';
const MARKER = 'swept';

/**
 * Removes what killed runs left in one folder: temporaries whose writer is gone (and that are
 * past a grace period), or that are older than an hour; with `locks`, also a `build.lock` whose
 * holder is gone. Best effort: a file another run removes first, or that cannot be removed, is
 * skipped; the run's own writes report real faults. Returns the paths removed.
 */
export async function sweepFolder(dir: string, now = Date.now(), locks = false): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const stale = ANY_TEMPORARY.test(name) ? await isStaleTemporary(file, name, now) : locks && name === LOCK && (await isStale(file));
      return stale && (await rm(file, { force: true }).then(() => true, () => false)) ? [file] : [];
    }),
  );
  return removed.flat();
}

async function isStaleTemporary(file: string, name: string, now: number): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const age = now - info.mtimeMs;
  const pid = TEMPORARY.exec(name)?.[1];
  return age > STALE_TEMPORARY_MS || (pid !== undefined && age > GRACE_MS && !isAlive(Number(pid)));
}

/**
 * The whole cache's sweep, at most once an hour (the time is kept as the mtime of `swept`), so
 * that a warm run pays one `stat`: the leftovers of an entry being rebuilt are swept when it is
 * rebuilt (buildFixtures), and this catches those of entries no run needs any more. The cache
 * is shallow: the top folder, `fixtures/<key>/`, `recipes/<xx>/`, `validators/`.
 */
export async function sweepCache(cacheDir: string, now = Date.now()): Promise<string[]> {
  const marker = path.join(cacheDir, MARKER);
  const last = await stat(marker).then((info) => info.mtimeMs, () => 0);
  if (now - last < STALE_TEMPORARY_MS) return [];
  // Marked first, so that runs started together do not all sweep.
  await writeFile(marker, '').then(() => utimes(marker, now / 1000, now / 1000));
  const removed: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    removed.push(...(await sweepFolder(dir, now, true)));
    if (depth === 0) return;
    const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(children.filter((child) => child.isDirectory()).map((child) => walk(path.join(dir, child.name), depth - 1)));
  };
  await walk(cacheDir, 2);
  return removed;
}
