import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { recentEntries } from './recentEntries.js';
import { makeDirectory } from '../fs/makeDirectory.js';

/** One library as last hashed: its file's identity then, and its content digest. */
interface IndexEntry {
  readonly stat: string;
  readonly sha256: string;
  /** When the file was stat'ed before hashing (ms since the epoch). */
  readonly at: number;
}

/**
 * A file changed within this long before it was hashed may change again without its size,
 * mtime and ctime moving (the kernel's file clock ticks coarsely): such an entry is re-hashed
 * next time rather than trusted — git's "racily clean" rule.
 */
const RACY_MS = 2_000;

const INDEX_FILE = 'library-index.json';

/**
 * The content digest (sha256) of each library, through an index in `<cacheDir>/verdicts/` read
 * once per run: a library whose device, inode, size, mtime and ctime are as recorded keeps its
 * recorded digest, and only a new or changed one is read and hashed. Any write to a file (even
 * one restoring its size and mtime) moves its ctime, which no user can set. A library that cannot
 * be read has no digest (`undefined`), so nothing is cached for it.
 */
export async function libraryDigests(cacheDir: string, libraries: readonly string[]): Promise<Map<string, string | undefined>> {
  const file = path.join(cacheDir, 'verdicts', INDEX_FILE);
  const index = await readIndex(file);
  let changed = false;
  const digests = await Promise.all(
    [...new Set(libraries)].map(async (library) => {
      const at = Date.now();
      const identity = statIdentity(library);
      if (identity === null) return [library, undefined] as const;
      const known = index[library];
      if (known && known.stat === identity.key && identity.changedMs < known.at - RACY_MS) return [library, known.sha256] as const;
      const bytes = await readFile(library).catch(() => null);
      if (bytes === null) return [library, undefined] as const;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      index[library] = { stat: identity.key, sha256, at };
      changed = true;
      return [library, sha256] as const;
    }),
  );
  // An index not written only costs hashing again.
  if (changed) await writeAtomically(file, JSON.stringify(recentEntries(index, digests.map(([library]) => library)))).catch(() => undefined);
  return new Map(digests);
}

/**
 * Synchronous on purpose: a stat is a few microseconds, while 800 of them through libuv's
 * thread pool cost ~40 ms of CPU and far more wall time on a busy machine.
 */
function statIdentity(file: string): { key: string; changedMs: number } | null {
  const info = statSync(file, { bigint: true, throwIfNoEntry: false });
  if (info === undefined || !info.isFile()) return null;
  return { key: `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`, changedMs: Number(info.ctimeMs > info.mtimeMs ? info.ctimeMs : info.mtimeMs) };
}

async function readIndex(file: string): Promise<Record<string, IndexEntry>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, IndexEntry>) : {};
  } catch {
    return {}; // missing or damaged: every library is hashed again
  }
}

/** Written under a temporary name and renamed, so a concurrent run reads a whole file or none. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await makeDirectory(path.dirname(file));
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
