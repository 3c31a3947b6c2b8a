import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { ShardRequest, ShardStamp } from '../core/shardStamp.js';

/** Where a run's fixtures and verdicts come from, besides the tool itself. */
export interface StampSources {
  readonly tableDir: string;
  readonly templatesDir: string;
}

/** This tool and the table and templates of this checkout: what shards must share with the merge. */
export async function localStamp(sources: StampSources): Promise<Pick<ShardStamp, 'tool' | 'table'>> {
  const { name, version } = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };
  const hash = createHash('sha256');
  // The expected matrix is left out: it judges observations, it does not shape them, and
  // `merge --update` may rewrite it.
  await hashFolder(hash, 'versions', sources.tableDir, (file) => !file.startsWith('expected/'));
  await hashFolder(hash, 'templates', sources.templatesDir, () => true);
  return { tool: `${name} ${version}`, table: hash.digest('hex') };
}

/** The stamp of one shard (`index`), or of the merge of all (`index: null`). */
export async function stampShard(request: ShardRequest, index: number | null, total: number, sources: StampSources): Promise<ShardStamp> {
  const local = await localStamp(sources);
  const fingerprint = createHash('sha256').update(JSON.stringify({ ...local, request, total })).digest('hex');
  return { index, total, fingerprint, ...local, request };
}

async function hashFolder(hash: ReturnType<typeof createHash>, label: string, dir: string, include: (file: string) => boolean): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: Error) => {
    throw new ConfigError(`${dir}: cannot list: ${error.message}`, 'check that the folder exists and is readable');
  });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter(include)
    .sort();
  for (const file of files) hash.update(`${label}/${file}\0`).update(await readFile(path.join(dir, file))).update('\0');
}
