import { findCompiler } from '../compile/findCompiler.js';
import { sweepCache } from '../compile/sweepStale.js';
import { UsageError } from '../core/errors.js';
import { runSelection, type MatrixRun } from '../core/matrixRun.js';
import type { SelectionOptions } from '../core/selectMatrix.js';
import { parseShard, planShard } from '../core/shardPlan.js';
import type { ShardRequest } from '../core/shardStamp.js';
import { startProber } from '../loader/probeLibraries.js';
import { ensureWritableCache, rethrowCacheFault } from './cacheDir.js';
import { evaluateRun, refuseUpdateWithWhatIf } from './evaluateRun.js';
import { observeFixtures, type ObserveEvent } from './observeFixtures.js';
import { createPhaseTimer } from './phaseTimer.js';
import { planRun } from './planRun.js';
import { stampShard } from './shardStamp.js';
import { cachingProber } from './verdictCache.js';

export interface MatrixOptions extends SelectionOptions {
  /** The version table folder (`versions/`). */
  readonly tableDir: string;
  /** The fixture templates (`fixture.cpp.hbs`, `interface.hpp.hbs`). */
  readonly templatesDir: string;
  /** Where compiled fixtures are kept; created if missing, and must be writable. */
  readonly cacheDir: string;
  readonly jobs: number;
  readonly timeoutMs: number;
  /** `--update`: rewrite the expected matrix with what was observed. */
  readonly update: boolean;
  /** `--shard i/n` as given: build and judge only the i-th of n shares of the fixtures (default: all). */
  readonly shard?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--recheck`: open every library for real instead of reusing what opening it did before (default: off). */
  readonly recheck?: boolean | undefined;
  readonly onBuildEvent?: ((event: ObserveEvent) => void) | undefined;
}

/** plan → build → observe → evaluate (→ update the expected matrix); `merge` reuses the plan and evaluate stages. */
export async function runMatrix(options: MatrixOptions): Promise<MatrixRun> {
  const shard = options.shard === undefined ? null : parseShard(options.shard);
  refuseUpdateWithWhatIf(options.update, options.whatIf);
  if (options.update && shard !== null) {
    throw new UsageError('--update with --shard would record one share of the matrix', 'record the whole matrix once: mesos-matrix merge shard-*.json --update');
  }
  const { phasesMs, timed } = createPhaseTimer();
  // Started now, so that it overlaps reading the table: the compiler is identified (from memory
  // when warm, else by running it). The cache is checked first, so that an unwritable one is
  // named as such before any work. A prober child starts only for libraries the verdict cache
  // cannot answer for.
  const compiler = ensureWritableCache(options.cacheDir).then(() => findCompiler(options.env, options.cacheDir).catch(rethrowCacheFault(options.cacheDir)));
  compiler.catch(() => undefined); // awaited, and reported, in the compile phase
  // What killed runs left behind, at most once an hour; best effort, alongside the run (the
  // run's own writes name any fault of the cache).
  const swept = compiler.then(() => sweepCache(options.cacheDir)).catch(() => []);
  const prober = cachingProber(() => startProber({ jobs: options.jobs, timeoutMs: options.timeoutMs }), { cacheDir: options.cacheDir, recheck: options.recheck === true });
  try {
    const request: ShardRequest = { releases: options.releases, kinds: options.kinds ?? null, only: options.only ?? null, whatIf: options.whatIf };
    const planned = await timed('generate', () => planRun(options));
    const plan = shard === null ? planned.plan : planShard(planned.plan, shard);
    const stamp = shard === null ? null : await timed('generate', () => stampShard(request, shard.index, shard.total, options));
    const fixtures = await observeFixtures(plan.fixtures, { compiler, prober }, options, timed);
    const { result, updated, expectedFile } = await timed('verify', () => evaluateRun({ table: planned.table, plan }, fixtures, options));
    return { selection: runSelection(request, planned.selection, plan), result, fixtures, phasesMs, expectedFile, updated, shard: stamp, probes: prober.counts() };
  } finally {
    prober.close();
    await swept;
  }
}
