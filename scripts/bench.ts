#!/usr/bin/env -S npx tsx
/**
 * npm run bench — medians of the cold and warm matrix for the `default` and `all` selections,
 * peak memory, and the approach this tool replaces measured in the same run on the same fixture
 * sources: a generated Makefile built with `make -j<cores>`.
 *
 *   npm run bench [-- --runs 5 --cold-runs 3 --out bench-results/bench.json]
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { $, argv, fs, glob, os, path } from 'zx';

$.quiet = true;
const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'bin', 'mesos-matrix.js');
const warmRuns = Number(argv['runs'] ?? 5);
const coldRuns = Number(argv['cold-runs'] ?? 3);
const out = path.resolve(String(argv['out'] ?? path.join(root, 'bench-results', 'bench.json')));
const cores = os.availableParallelism();
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'mesos-matrix-bench-'));
const gnuTime = (await fs.pathExists('/usr/bin/time')) ? '/usr/bin/time' : null;

interface Sample {
  seconds: number;
  maxRssMb: number | null;
}

/** One timed command, started directly (no shell, no wrapper): the figure is the command's own wall time. */
function timed(command: string[], env: Record<string, string> = {}, cwd = root): Sample {
  const [file = '', ...args] = command;
  const started = performance.now();
  const result = spawnSync(file, args, { env: { ...process.env, ...env }, cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return { seconds, maxRssMb: null };
}

/** Peak RSS of the largest process in the command's tree, from GNU time; null without /usr/bin/time. */
function peakMemory(command: string[], env: Record<string, string>): number | null {
  if (!gnuTime) return null;
  const result = spawnSync(gnuTime, ['-f', '%M', ...command], { env: { ...process.env, ...env }, cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kb) ? kb / 1024 : null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const matrix = (releases: string) => ['node', cli, 'matrix', '--releases', releases];

/** Cold: a fresh cache every run. Returns the samples and the last cache folder (its sources feed the baseline). */
async function cold(releases: string): Promise<{ samples: Sample[]; cache: string }> {
  const samples: Sample[] = [];
  let cache = '';
  for (let run = 0; run < coldRuns; run++) {
    cache = path.join(scratch, `cache-${releases}-${run}`);
    samples.push(timed(matrix(releases), { MESOS_MATRIX_CACHE: cache }));
  }
  // Peak memory of a cold run: a fresh cache once more, under GNU time.
  samples.push({ seconds: Number.NaN, maxRssMb: peakMemory(matrix(releases), { MESOS_MATRIX_CACHE: path.join(scratch, `cache-${releases}-memory`) }) });
  return { samples, cache };
}

async function warm(releases: string, cache: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  timed(matrix(releases), { MESOS_MATRIX_CACHE: cache }); // warm-up, not counted: brings the cache into the page cache
  for (let run = 0; run < warmRuns; run++) samples.push(timed(matrix(releases), { MESOS_MATRIX_CACHE: cache }));
  samples.push({ seconds: Number.NaN, maxRssMb: peakMemory(matrix(releases), { MESOS_MATRIX_CACHE: cache }) });
  return samples;
}

/** The replaced approach: the same rendered fixture sources, one Makefile rule per library, `make -j<cores>`. */
async function makeBaseline(cache: string, flags: string): Promise<Sample[]> {
  const dir = path.join(scratch, `make-${path.basename(cache)}-${flags.length}`);
  const sources = await glob('fixtures/*/fixture.cpp', { cwd: cache });
  await fs.ensureDir(path.join(dir, 'src'));
  for (const source of sources) await fs.copy(path.join(cache, source), path.join(dir, 'src', `${path.basename(path.dirname(source))}.cpp`));
  await fs.writeFile(
    path.join(dir, 'Makefile'),
    ['CXX ?= c++', 'SOURCES := $(wildcard src/*.cpp)', 'all: $(SOURCES:src/%.cpp=out/%.so)', 'out/%.so: src/%.cpp', '\t@mkdir -p out', `\t$(CXX) ${flags} -o $@ $<`, ''].join('\n'),
  );
  const samples: Sample[] = [];
  for (let run = 0; run < coldRuns; run++) {
    await fs.remove(path.join(dir, 'out'));
    samples.push(timed(['make', '-s', `-j${cores}`], {}, dir));
  }
  return samples;
}

const { FIXTURE_FLAGS } = await import('../src/compile/compilerArgs.js');
// How module builds are written in Makefiles like mesos-module-dvdi's: the compiler driver links the C++ runtime.
const CONVENTIONAL = '-std=c++11 -shared -fPIC -O0 -g0 -w';

console.error(`bench: ${cores} cores, ${coldRuns} cold and ${warmRuns} warm runs each; scratch ${scratch}`);
await $`npm run build --silent`;
const coldDefault = await cold('default');
const warmDefault = await warm('default', coldDefault.cache);
const makeConventional = await makeBaseline(coldDefault.cache, CONVENTIONAL);
const makeSameFlags = await makeBaseline(coldDefault.cache, FIXTURE_FLAGS.join(' '));
const coldAll = await cold('all');
const warmAll = await warm('all', coldAll.cache);

const seconds = (samples: Sample[]) => median(samples.map((sample) => sample.seconds).filter((value) => !Number.isNaN(value)));
const peak = Math.max(...[...coldDefault.samples, ...warmDefault, ...coldAll.samples, ...warmAll].map((sample) => sample.maxRssMb ?? 0));
const ratio = seconds(coldDefault.samples) / seconds(makeConventional);
const rows: Array<[string, number | null, number, string]> = [
  ['cold default (fresh cache)', seconds(coldDefault.samples), coldRuns, `${ratio.toFixed(2)}× make -j${cores} (target <= 1.0) ${ratio <= 1 ? 'ok' : 'MISSED'}`],
  ['warm default', seconds(warmDefault), warmRuns, `target < 0.6 s ${seconds(warmDefault) < 0.6 ? 'ok' : 'MISSED'}`],
  ['cold all (fresh cache)', seconds(coldAll.samples), coldRuns, ''],
  ['warm all', seconds(warmAll), warmRuns, `target < 2 s ${seconds(warmAll) < 2 ? 'ok' : 'MISSED'}`],
  [`make -j${cores}, conventional module link`, seconds(makeConventional), coldRuns, `${CONVENTIONAL} (baseline)`],
  [`make -j${cores}, same flags as mesos-matrix`, seconds(makeSameFlags), coldRuns, `${(seconds(coldDefault.samples) / seconds(makeSameFlags)).toFixed(2)}× (compile only, no load or check)`],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`${'scenario'.padEnd(width)}  median    runs  note`);
for (const [name, value, runs, note] of rows) console.log(`${name.padEnd(width)}  ${value === null ? '   –   ' : `${value.toFixed(2).padStart(6)} s`}  ${String(runs).padStart(4)}  ${note}`);
console.log(`${'peak memory (largest process)'.padEnd(width)}  ${gnuTime ? `${peak.toFixed(0).padStart(5)} MB` : 'n/a (no /usr/bin/time)'}        target < 300 MB ${peak < 300 ? 'ok' : 'MISSED'}`);

const compiler = (await $`${process.env['CXX'] ?? 'c++'} --version`).stdout.split('\n')[0];
await fs.outputJson(
  out,
  {
    date: new Date().toISOString(),
    machine: { cores, node: process.version, compiler },
    runs: { cold: coldRuns, warm: warmRuns },
    medianSeconds: {
      coldDefault: seconds(coldDefault.samples),
      warmDefault: seconds(warmDefault),
      coldAll: seconds(coldAll.samples),
      warmAll: seconds(warmAll),
      makeConventional: seconds(makeConventional),
      makeSameFlags: seconds(makeSameFlags),
    },
    ratioColdDefaultToMake: ratio,
    peakMemoryMb: gnuTime ? peak : null,
    samples: { coldDefault, warmDefault, coldAll, warmAll, makeConventional, makeSameFlags },
  },
  { spaces: 2 },
);
console.error(`bench: figures written to ${path.relative(root, out)}`);
await fs.remove(scratch);
