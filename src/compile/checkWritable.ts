import { rm } from 'node:fs/promises';
import path from 'node:path';
import { temporaryPath, writeNew } from './fixtureCache.js';

// More than any fixture library (about 16 KB): a disk with less room than this cannot take one.
const PROBE_BYTES = 64 * 1024;

/**
 * Throws the file system's own error (ENOSPC, EDQUOT, EROFS, EACCES, with the path) when `dir`
 * cannot take a library. A compiler writing into a full or read-only cache fails like a broken
 * fixture ("final link failed: No space left on device"); asked after a failure, this tells the
 * two apart with an error the caller can name exactly.
 */
export async function checkWritable(dir: string): Promise<void> {
  const file = temporaryPath(path.join(dir, 'space-check'));
  try {
    await writeNew(file, Buffer.alloc(PROBE_BYTES));
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
}
