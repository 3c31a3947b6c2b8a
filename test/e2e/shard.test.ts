import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { copyOfTable, runCli, type Transcript } from '../helpers/runCli.js';

// One cache for every run of this file: each fixture compiles once, in the first (unsharded) run.
const cache = temporaryDir('shard-cache');
const work = temporaryDir('shards');
const made = [cache, work];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const env = { MESOS_MATRIX_CACHE: cache };
/** Runs in `work`, so that shard files are named as a workflow names them (`shard-1.json`). */
const cli = (args: readonly string[]) => runCli(args, env, work);

/** Runs `matrix --shard i/n` for every i, writing `<prefix>-<i>.json`; returns the file names. */
async function runShards(prefix: string, releases: string, total: number): Promise<string[]> {
  const files: string[] = [];
  for (let index = 1; index <= total; index++) {
    const run = await cli(['matrix', '--releases', releases, '--shard', `${index}/${total}`, '--format', 'json']);
    expect(run.exitCode, run.stderr).toBe(0);
    const file = `${prefix}-${index}.json`;
    writeFileSync(path.join(work, file), run.stdout);
    files.push(file);
  }
  return files;
}

/** The report without what may differ between equal runs: timings, cache hits, and where the result came from. */
function comparable(transcript: Transcript) {
  const { phasesMs: _phases, shard: _shard, ...report } = JSON.parse(transcript.stdout);
  report.fixtures = report.fixtures.map(({ build: { stderr }, ...fixture }: { build: { stderr: string } }) => ({ ...fixture, stderr }));
  return report;
}

/** The text without its last line (build counts and timings). */
const textBody = (transcript: Transcript) => transcript.stdout.replace(/\n[^\n]*fixtures: \d+ compiled[^\n]*\n?$/, '');

describe.each([
  { releases: 'default', counts: [1, 2, 5], timeout: 180_000 },
  // `all` compiles ~780 fixtures cold (40-50 s of a 2-core machine, the bulk of this file); the
  // shard runs and merges after it are warm (about 15 s for the three splits).
  { releases: 'all', counts: [1, 2, 5], timeout: 420_000 },
])('merge on --releases $releases', ({ releases, counts, timeout }) => {
  it(
    `of ${counts.join(', ')} shards equals the unsharded run: same cells, order, findings and JSON but timings; the same text`,
    async () => {
      const whole = await cli(['matrix', '--releases', releases, '--format', 'json']);
      expect(whole.exitCode, whole.stderr).toBe(0);
      const wholeText = await cli(['matrix', '--releases', releases]);
      const want = comparable(whole);
      expect(JSON.stringify(want)).not.toContain(cache);
      expect(JSON.stringify(want)).not.toContain(tmpdir());
      for (const total of counts) {
        const files = await runShards(`${releases}-${total}`, releases, total);
        const merged = await cli(['merge', ...files, '--format', 'json']);
        expect(merged.exitCode, merged.stderr).toBe(0);
        expect(comparable(merged)).toEqual(want);
        expect(JSON.parse(merged.stdout).shard).toMatchObject({ index: null, total });
        const mergedText = await cli(['merge', ...files.reverse()]);
        expect(mergedText.exitCode).toBe(0);
        expect(textBody(mergedText)).toBe(textBody(wholeText));
      }
    },
    timeout,
  );
});

describe('merge refuses what is not the shards of one run (exit 2, naming the files)', () => {
  let files: string[] = [];
  const refused = async (args: readonly string[], ...messages: string[]) => {
    if (files.length === 0) files = await runShards('two', 'default', 2);
    const run = await cli(['merge', ...args]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    for (const message of messages) expect(run.stderr).toContain(message);
  };

  it('a missing shard', async () => {
    await refused(['two-1.json'], 'missing shard 2/2 (given: two-1.json = 1/2)');
  }, 120_000);

  it('a shard given twice', async () => {
    await refused(['two-1.json', 'two-2.json', 'two-2.json'], 'shard 2/2 given 2 times: two-2.json, two-2.json');
  }, 120_000);

  it('a shard of another tool version', async () => {
    writeFileSync(path.join(work, 'old-2.json'), readFileSync(path.join(work, 'two-2.json'), 'utf8').replace(/"tool": "mesos-module-matrix [^"]+"/, '"tool": "mesos-module-matrix 0.0.1"'));
    await refused(['two-1.json', 'old-2.json'], 'old-2.json: made by mesos-module-matrix 0.0.1, two-1.json by mesos-module-matrix');
  }, 120_000);

  it('shards of another table than the checkout merging them', async () => {
    const table = copyOfTable();
    made.push(path.dirname(table));
    writeFileSync(path.join(table, 'sets.json'), `${readFileSync(path.join(table, 'sets.json'), 'utf8')}\n`);
    await refused(['--table', table, 'two-1.json', 'two-2.json'], 'two-1.json: made from another version table', 'two-2.json: made from another version table');
  }, 120_000);

  it('a shard of another split, and a whole run', async () => {
    const [third] = await runShards('three', 'default', 3);
    await refused(['two-1.json', 'two-2.json', third ?? ''], `${third}: one of 3 shards, two-1.json one of 2`);
    const whole = await cli(['matrix', '--format', 'json']);
    writeFileSync(path.join(work, 'whole.json'), whole.stdout);
    await refused(['whole.json'], 'whole.json is a whole run, not a shard');
  }, 120_000);
});

describe('merge --update', () => {
  it('records the expected matrix once, from every shard', async () => {
    const table = copyOfTable();
    made.push(path.dirname(table));
    const expectedFile = path.join(table, 'expected', 'matrix.json');
    const committed = readFileSync(expectedFile, 'utf8');
    const expected = JSON.parse(committed);
    // Forget one row's cells at the default hosts (the file holds every release's).
    for (const host of ['0.23.1', '0.24.1', '0.25.0', '0.26.0']) expected.rows['Isolator/0.24.1'][expected.hosts.indexOf(host)] = null;
    writeFileSync(expectedFile, JSON.stringify(expected));
    // The expected matrix judges observations and is left out of the fingerprint: shards of the package's table merge into the copy.
    const files = await runShards('update', 'default', 2);
    const run = await cli(['merge', ...files, '--table', table, '--update', '--format', 'json']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).updated).toEqual({ changedCells: 4 });
    expect(readFileSync(expectedFile, 'utf8')).toBe(committed);
  }, 120_000);
});

describe('plan', () => {
  const planOf = async (...args: string[]) => {
    const run = await cli(['plan', ...args]);
    expect(run.exitCode, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  it("balances --releases all by fixture count, dealing every fixture once and each release's library whole", async () => {
    const list = await planOf('--releases', 'all', '--shards', '1', '--format', 'json');
    const listed = JSON.parse((await cli(['list', '--releases', 'all', '--format', 'json'])).stdout);
    const perRelease = new Map<string, number>();
    for (const id of listed.fixtures as string[]) perRelease.set(id.split('/')[1] ?? '', (perRelease.get(id.split('/')[1] ?? '') ?? 0) + 1);
    const largestRelease = Math.max(...perRelease.values());
    for (const shards of [2, 4, 7, 16]) {
      const plan = await planOf('--releases', 'all', '--shards', String(shards), '--format', 'json');
      const sizes = plan.shards.map((shard: { fixtures: number }) => shard.fixtures);
      expect(plan.total).toBe(shards);
      // Largest library first, each to the lightest shard: sizes differ by at most one release's fixtures.
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(largestRelease);
      expect(plan.shards.flatMap((shard: { ids: string[] }) => shard.ids).sort()).toEqual([...list.shards[0].ids].sort());
      const shardOf = new Map<string, Set<number>>();
      plan.shards.forEach((shard: { ids: string[] }, index: number) => {
        for (const id of shard.ids.filter((each) => !each.includes(':'))) shardOf.set(id.split('/')[1] ?? '', (shardOf.get(id.split('/')[1] ?? '') ?? new Set()).add(index));
      });
      expect([...shardOf.values()].every((shards) => shards.size === 1)).toBe(true);
      expect(list.shards[0].ids).toEqual(expect.arrayContaining(listed.fixtures));
    }
  });

  it('prints the include object of a GitHub Actions matrix, never empty', async () => {
    const run = await cli(['plan', '--shards', '4', '--format', 'github-matrix']);
    expect(run.stdout).toBe(
      '{"include":[{"shard":"1/4","index":1,"total":4,"fixtures":11},{"shard":"2/4","index":2,"total":4,"fixtures":11},{"shard":"3/4","index":3,"total":4,"fixtures":10},{"shard":"4/4","index":4,"total":4,"fixtures":10}]}',
    );
    // More shards than libraries: one per library (one per release, and the 3 documented fixtures'), or one for a single cell.
    expect((await planOf('--shards', '1000', '--format', 'github-matrix')).include.map((entry: { fixtures: number }) => entry.fixtures)).toEqual([10, 10, 10, 9, 1, 1, 1]);
    expect((await planOf('--shards', '5', '--only', 'Isolator/0.24.1@0.25.0', '--format', 'github-matrix')).include).toEqual([{ shard: '1/1', index: 1, total: 1, fixtures: 1 }]);
  });

  it('deals each shard the fixtures matrix --shard builds', async () => {
    const plan = await planOf('--shards', '3', '--format', 'json');
    const shard = await cli(['matrix', '--shard', '2/3', '--format', 'json']);
    expect(JSON.parse(shard.stdout).fixtures.map((fixture: { id: string }) => fixture.id)).toEqual(plan.shards[1].ids);
  }, 120_000);

  it('refuses --shards 0 and a malformed --shard', async () => {
    expect((await cli(['plan', '--shards', '0'])).exitCode).toBe(2);
    const run = await cli(['matrix', '--shard', '3/2']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--shard "3/2" is not <index>/<count>');
  });
});
