#!/usr/bin/env -S npx tsx
/**
 * npm run bench — the tool against baselines doing the same work, run in turn (A B A B …) on
 * the same machine, with medians and ranges of each and of the per-round ratio, against the
 * targets of issue 12. Baselines: `make -j<jobs>` over the very fixture sources a run renders,
 * with the tool's own compiler command line (one rule per fixture, and one translation unit per
 * release), and `node -e 0` for runs that compile nothing. Peak memory is the summed RSS of the
 * whole process tree. Needs a C++ compiler and make; not ../shared.
 *
 *   npm run bench [-- --quick] [-- --json] [-- --rounds 5 --all-rounds 3 --no-build]
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeMakeBaselines } from './bench/baselines.js';
import type { Command } from './bench/measure.js';
import { renderBench, type BenchRow } from './bench/renderBench.js';
import { rotate, type Contender } from './bench/rotate.js';
import { spread } from './bench/stats.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    'all-rounds': { type: 'string' },
    build: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'mesos-matrix.js');
// The tool's default --jobs, which make gets too.
const jobs = availableParallelism();
const rounds = Number(flags.rounds ?? (flags.quick ? 2 : 5));
// A cold `all` round costs half a minute for the tool and as much for its baselines: 3 rounds, no warm-up (the cold `default` rounds warmed the compiler and the page cache).
const allRounds = Number(flags['all-rounds'] ?? (flags.quick ? 1 : 3));
const warmup = 1;
const log = (line: string) => process.stderr.write(`${line}\n`);
const compiler = [process.env['CXX'] ?? 'c++'];
const scratch = await mkdtemp(path.join(tmpdir(), 'mesos-matrix-bench-'));

const tool = (...args: string[]): Command => ({ argv: [process.execPath, bin, ...args], cwd: root, okCodes: [0, 1] });
const nodeStart: Contender = { name: 'node -e 0', command: () => ({ argv: [process.execPath, '-e', '0'] }) };

let fresh = 0;
/** The tool on a fresh, empty cache folder each run; the last one is kept (it warms the warm rows). */
function coldTool(name: string, releases: string): Contender & { lastCache: () => string } {
  let cache = '';
  return {
    name,
    before: async () => {
      if (cache !== '') await rm(cache, { recursive: true, force: true });
      cache = path.join(scratch, `cold-${fresh++}`);
    },
    command: () => tool('matrix', '--releases', releases, '--cache-dir', cache),
    lastCache: () => cache,
  };
}

function makeIn(name: string, dir: string): Contender {
  return { name, before: () => rm(path.join(dir, 'out'), { recursive: true, force: true }), command: () => ({ argv: ['make', '-s', `-j${jobs}`], cwd: dir }) };
}

/** Cold rows: the tool against make over the same fixtures, a source per fixture (the target's baseline) and the tool's own library sources (the compiler's floor for them). */
async function coldRow(releases: string, count: number, target: number): Promise<{ rows: BenchRow[]; cache: string }> {
  const made = await writeMakeBaselines(releases, path.join(scratch, `make-${releases}`), compiler);
  const perRelease = makeIn(`make -j${jobs}, the tool's libraries`, made.perRelease);
  const compiles = await measureOnce(perRelease);
  const contenders = [coldTool(`cold ${releases}`, releases), makeIn(`make -j${jobs}`, made.perFixture), ...(compiles ? [perRelease] : [])];
  log(`cold ${releases}: ${made.fixtures} fixtures; baselines: ${made.fixtures} sources, and the ${made.units} library sources the tool compiles${compiles ? '' : ' (which do not compile: no floor row)'}`);
  const samples = await rotate(contenders, count, releases === 'all' ? 0 : warmup, log);
  const rows: BenchRow[] = [
    row(`cold ${releases} (${made.fixtures} fixtures)`, samples, 1, `make -j${jobs}, same flags, ${made.fixtures} sources`, target),
    ...(compiles ? [row(`cold ${releases}`, samples, 2, `make -j${jobs}, same flags, the tool's ${made.units} library sources`, null)] : []),
  ];
  if (!compiles) rows.push({ scenario: `cold ${releases}`, baseline: 'the library sources do not compile', tool: spread([]), base: spread([]), ratio: spread([]), target: null, rssMb: spread([]) });
  return { rows, cache: (contenders[0] as ReturnType<typeof coldTool>).lastCache() };
}

async function measureOnce(contender: Contender): Promise<boolean> {
  try {
    await rotate([contender], 1, 0, () => undefined);
    return true;
  } catch (error) {
    log(`${contender.name}: ${(error as Error).message.split('\n').slice(0, 4).join('\n')}`);
    return false;
  }
}

/** The row of contender 0 against contender `against`: times, per-round ratios, and contender 0's peak RSS. */
function row(scenario: string, samples: ReadonlyArray<ReadonlyArray<{ seconds: number; peakRssMb: number }>>, against: number, baseline: string, target: number | null): BenchRow {
  const mine = samples[0] ?? [];
  const theirs = samples[against] ?? [];
  return {
    scenario,
    baseline,
    tool: spread(mine.map((sample) => sample.seconds)),
    base: spread(theirs.map((sample) => sample.seconds)),
    ratio: spread(mine.map((sample, index) => sample.seconds / (theirs[index]?.seconds ?? Number.NaN))),
    target,
    rssMb: spread(mine.map((sample) => sample.peakRssMb)),
  };
}

async function warmRow(scenario: string, contender: Contender, target: number): Promise<BenchRow> {
  log(scenario);
  return row(scenario, await rotate([contender, nodeStart], rounds, warmup, log), 1, 'node -e 0', target);
}

/** A compiled fixture library from the warm cache, copied out, for `check` on one library. */
async function oneLibrary(cache: string): Promise<string> {
  const entries = await readdir(cache, { recursive: true });
  const found = entries.find((entry) => entry.endsWith('libIsolator-0.25.0.so')) ?? entries.find((entry) => entry.endsWith('.so'));
  if (found === undefined) throw new Error(`no library in ${cache}`);
  const library = path.join(scratch, 'check', 'libexample.so');
  await mkdir(path.dirname(library), { recursive: true });
  await copyFile(path.join(cache, found), library);
  return library;
}

try {
  if (flags.build) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  log(`bench: ${jobs} cores (make -j${jobs}, the tool's default --jobs), ${rounds} rounds after ${warmup} warm-up; cold all ${allRounds} rounds`);
  const coldDefault = await coldRow('default', rounds, 0.6);
  const coldAll = await coldRow('all', allRounds, 0.4);
  const warm = coldAll.cache; // the last cold `all` run's cache holds every fixture and verdict
  const warmDefault = await warmRow('warm default', { name: 'warm default', command: () => tool('matrix', '--cache-dir', warm) }, 2.5);
  const warmAll = await warmRow('warm all', { name: 'warm all', command: () => tool('matrix', '--releases', 'all', '--cache-dir', warm) }, 4);
  const library = await oneLibrary(warm);
  const modules = JSON.stringify({ libraries: [{ file: library, modules: [{ name: 'org_apache_mesos_matrix_Isolator' }] }] });
  const check = await warmRow('check --mesos 0.25.0, one library', { name: 'check', command: () => tool('check', '--mesos', '0.25.0', '--modules', modules, '--cache-dir', warm) }, 2.5);
  const rows = [...coldDefault.rows, ...coldAll.rows, warmDefault, warmAll, check];
  const memory = [
    { scenario: 'cold all', rssMb: coldAll.rows[0]?.rssMb ?? spread([]), targetMb: 200 },
    { scenario: 'warm default', rssMb: warmDefault.rssMb, targetMb: 100 },
  ];
  const machine = { cores: jobs, node: process.version, compiler: execFileSync(compiler[0] ?? 'c++', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? '' };
  const report = { date: new Date().toISOString(), machine, rounds, allRounds, warmup, rows, memory };
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderBench(report));
} finally {
  await rm(scratch, { recursive: true, force: true });
}
