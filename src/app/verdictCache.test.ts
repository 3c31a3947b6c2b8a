import { copyFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixtures, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { startProber } from '../loader/probeLibraries.js';
import { cachingProber } from './verdictCache.js';

// Real libraries, really compiled; opened (or not) through the real prober.
const SPECS = [variant('built-0.23.1', {}), variant('built-0.24.1', { builtFor: '0.24.1', declared: { mesosVersion: '0.24.1' } }), variant('crash-on-load', { onLoad: 'crash' })];
const NAME = 'org_apache_mesos_matrix_TestModule';
const built = new Map<string, string>();
let scratch = '';

beforeAll(async () => {
  scratch = temporaryDir('verdicts');
  for (const [id, outcome] of await compileFixtures(SPECS, path.join(scratch, 'build'))) {
    if (outcome.status === 'failed') throw new Error(`${id} did not compile: ${outcome.stderr}`);
    built.set(id, outcome.library);
  }
});

/** One run: a fresh caching prober on the cache folder, as each `matrix` run makes; counts the children it had to start. */
async function run(cacheDir: string, library: string, recheck = false): Promise<{ outcome: LibraryOutcome | undefined; reused: number; opened: number; started: number }> {
  let started = 0;
  const prober = cachingProber(() => {
    started++;
    return startProber({ jobs: 1, timeoutMs: 10_000 });
  }, { cacheDir, recheck });
  try {
    const [outcome] = await prober.probe([{ library, symbol: NAME }]);
    return { outcome, ...prober.counts(), started };
  } finally {
    prober.close();
  }
}

const mesosVersion = (outcome: LibraryOutcome | undefined) => (outcome?.stage === 'manifest' ? outcome.manifest.mesosVersion : outcome?.stage);

describe('the verdict cache', () => {
  it('reuses what opening unchanged bytes did, without starting a child, and re-opens a library rewritten in place', async () => {
    const cacheDir = temporaryDir('verdict-cache');
    const library = path.join(scratch, 'libTarget.so');
    copyFileSync(built.get('built-0.23.1') ?? '', library);
    // Older than the index's racy window, so that the second run trusts the file's identity
    // instead of hashing it again: the rewrite below must be caught by that identity.
    await new Promise((resolve) => setTimeout(resolve, 2_100));

    expect(await run(cacheDir, library)).toMatchObject({ reused: 0, opened: 1, started: 1 });
    const second = await run(cacheDir, library);
    expect(second).toMatchObject({ reused: 1, opened: 0, started: 0 });
    expect(mesosVersion(second.outcome)).toBe('0.23.1');

    // Same path, same inode, same size, the old mtime put back: only the bytes (and the ctime) differ.
    const before = statSync(library);
    const replacement = readFileSync(built.get('built-0.24.1') ?? '');
    expect(replacement.length).toBe(before.size);
    writeFileSync(library, replacement);
    utimesSync(library, before.atime, before.mtime);
    expect(statSync(library).ino).toBe(before.ino);
    const third = await run(cacheDir, library);
    expect(third).toMatchObject({ reused: 0, opened: 1, started: 1 });
    expect(mesosVersion(third.outcome)).toBe('0.24.1');
  });

  it('re-opens a library whose bytes changed within the index’s racy window', async () => {
    const cacheDir = temporaryDir('verdict-cache');
    const library = path.join(scratch, 'libFresh.so');
    copyFileSync(built.get('built-0.23.1') ?? '', library);
    expect(mesosVersion((await run(cacheDir, library)).outcome)).toBe('0.23.1');
    const mtime = statSync(library).mtime;
    writeFileSync(library, readFileSync(built.get('built-0.24.1') ?? ''));
    utimesSync(library, mtime, mtime);
    expect(await run(cacheDir, library)).toMatchObject({ opened: 1, started: 1 });
  });

  it('never records a crash: such a library is opened on every run', async () => {
    const cacheDir = temporaryDir('verdict-cache');
    const library = built.get('crash-on-load') ?? '';
    const first = await run(cacheDir, library);
    expect(first.outcome?.stage).toBe('crash');
    expect(await run(cacheDir, library)).toMatchObject({ reused: 0, opened: 1, started: 1, outcome: first.outcome });
  });

  it('opens the library for real under --recheck, and names what it found', async () => {
    const cacheDir = temporaryDir('verdict-cache');
    const library = built.get('built-0.23.1') ?? '';
    await run(cacheDir, library);
    const rechecked = await run(cacheDir, library, true);
    expect(rechecked).toMatchObject({ reused: 0, opened: 1, started: 1 });
    expect(mesosVersion(rechecked.outcome)).toBe('0.23.1');
  });

  it('does not trust a damaged verdict file: the library is opened again', async () => {
    const cacheDir = temporaryDir('verdict-cache');
    const library = built.get('built-0.23.1') ?? '';
    await run(cacheDir, library);
    const [file = ''] = (await import('node:fs')).readdirSync(path.join(cacheDir, 'verdicts')).filter((name) => name !== 'library-index.json');
    writeFileSync(path.join(cacheDir, 'verdicts', file), '{"truncated');
    expect(await run(cacheDir, library)).toMatchObject({ reused: 0, opened: 1, started: 1 });
  });
});
