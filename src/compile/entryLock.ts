import { link, readFile, rm, stat } from 'node:fs/promises';
import { temporaryPath, writeNew } from './fixtureCache.js';

/** A lock older than this is stale whoever holds it: no compile of a fixture takes so long (its timeout is 2 minutes). */
export const STALE_LOCK_MS = 10 * 60_000;
const POLL_MS = 25;

/** A held lock; `release` removes it. */
export interface EntryLock {
  release(): Promise<void>;
}

/**
 * Takes the lock file `lock` (a cache entry's `build.lock`) if no live process holds it, else
 * returns null at once. The file is written whole under a private name and hard-linked into
 * place — `link` fails with EEXIST when the lock exists, atomically, so two runs never both
 * hold it and nobody reads a half-written pid. A lock whose holder is dead (or that is older
 * than {@link STALE_LOCK_MS}) is broken. Faults of the file system (a full disk, no
 * permission) are thrown as they are, for the caller to name.
 */
export async function tryLock(lock: string): Promise<EntryLock | null> {
  const mine = temporaryPath(lock);
  try {
    await writeNew(mine, `${process.pid}\n`);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(mine, lock);
        return { release: () => rm(lock, { force: true }) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await isStale(lock))) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
          throw error;
        }
        // Breaking a stale lock races with another run breaking it too; at worst both compile
        // the entry, each from its own sources into its own temporary, which is still correct.
        await rm(lock, { force: true });
      }
    }
    return null;
  } finally {
    await rm(mine, { force: true });
  }
}

/** Waits (polling) until the lock is taken by us; the holder's work is then usually done. */
export async function waitForLock(lock: string): Promise<EntryLock> {
  for (;;) {
    const held = await tryLock(lock);
    if (held) return held;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Whether the writer of a pid file (a lock, or a `*.<pid>.*.tmp`) is gone or the file is too old to be live. */
export async function isStale(file: string, maxAgeMs = STALE_LOCK_MS): Promise<boolean> {
  try {
    const [info, text] = await Promise.all([stat(file), readFile(file, 'utf8')]);
    return Date.now() - info.mtimeMs > maxAgeMs || !isAlive(Number.parseInt(text, 10));
  } catch {
    return false; // gone already, or unreadable: not ours to break
  }
}

/** Whether a process with this pid exists on this machine (EPERM: it exists, as another user's). */
export function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
