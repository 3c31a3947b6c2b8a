import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDir } from '../../test/helpers/temporaryDir.js';
import { sweepCache, sweepFolder } from './sweepStale.js';

const MINUTE = 60_000;
const dead = spawnSync('true').pid ?? 0;

/** Writes `name` in `dir` with an mtime `ageMs` ago; returns its path. */
function file(dir: string, name: string, ageMs: number, text = ''): string {
  mkdirSync(dir, { recursive: true });
  const at = path.join(dir, name);
  writeFileSync(at, text);
  const when = new Date(Date.now() - ageMs);
  utimesSync(at, when, when);
  return at;
}

describe('sweepFolder', () => {
  it('removes what dead or long-gone writers left, and nothing a live run or the cache needs', async () => {
    const dir = temporaryDir('sweep');
    const gone = [
      file(dir, `libIsolator-0.24.1.so.${dead}.0a1b2c3d.tmp`, 5 * MINUTE),
      file(dir, `stamp.json.${dead}.tmp`, 5 * MINUTE), // as earlier versions named them
      file(dir, `fixture.cpp.${process.pid}.0a1b2c3d.tmp.cpp`, 2 * 60 * MINUTE), // a pid reused by now
      file(dir, 'other.tmp', 2 * 60 * MINUTE),
    ];
    const kept = [
      file(dir, `libIsolator-0.24.1.so.${dead}.99999999.tmp`, 10_000), // within the grace: perhaps another machine's
      file(dir, `fixture.cpp.${process.pid}.0a1b2c3d.tmp`.replace('0a1b', 'ffff'), 5 * MINUTE), // a live writer's
      file(dir, 'libIsolator-0.24.1.so', 3 * 60 * MINUTE),
      file(dir, 'build.lock', 5 * MINUTE, `${dead}\n`), // locks only when asked
    ];
    expect((await sweepFolder(dir)).sort()).toEqual(gone.sort());
    expect(kept.every((at) => existsSync(at))).toBe(true);
    expect(await sweepFolder(dir, Date.now(), true)).toEqual([path.join(dir, 'build.lock')]);
  });
});

describe('sweepCache', () => {
  it('sweeps every level of the cache at most once an hour', async () => {
    const cache = temporaryDir('sweep-cache');
    const leftovers = [
      file(path.join(cache, 'fixtures', 'abc'), `stamp.json.${dead}.0a1b2c3d.tmp`, 5 * MINUTE),
      file(path.join(cache, 'fixtures', 'abc'), 'build.lock', 5 * MINUTE, `${dead}\n`),
      file(path.join(cache, 'recipes', 'ab'), `cdef.${dead}.0a1b2c3d.tmp`, 5 * MINUTE),
      file(cache, `compiler.json.${dead}.0a1b2c3d.tmp`, 5 * MINUTE),
    ];
    expect((await sweepCache(cache)).sort()).toEqual(leftovers.sort());
    const later = file(path.join(cache, 'fixtures', 'abc'), `libX.so.${dead}.0a1b2c3d.tmp`, 5 * MINUTE);
    expect(await sweepCache(cache, Date.now() + 10 * MINUTE)).toEqual([]);
    expect(await sweepCache(cache, Date.now() + 61 * MINUTE)).toEqual([later]);
  });
});
