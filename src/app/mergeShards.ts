import type { FixtureRecord, MatrixRun } from '../core/matrixRun.js';
import { PHASES, runSelection } from '../core/matrixRun.js';
import { shardFixtureIds } from '../core/shardPlan.js';
import { agreedShardRun, checkShardSet } from '../core/shardSet.js';
import { evaluateRun, refuseUpdateWithWhatIf } from './evaluateRun.js';
import { createPhaseTimer } from './phaseTimer.js';
import { planRun } from './planRun.js';
import { readShardFiles } from './readShardFiles.js';
import { stampShard } from './shardStamp.js';

/** What `merge` reads: the shard files, and the checkout (table, templates) they must come from. */
export interface MergeOptions {
  /** The shard files, as named on the command line. */
  readonly files: readonly string[];
  /** The version table folder (`versions/`). */
  readonly tableDir: string;
  /** The fixture templates; part of the fingerprint shards must share with this checkout. */
  readonly templatesDir: string;
  /** Where derived files (compiled schema validators) are kept. */
  readonly cacheDir: string;
  /** `--update`: rewrite the expected matrix with what the shards observed, once. */
  readonly update: boolean;
}

/**
 * Combines the JSON of `matrix --shard i/n` runs into the run an unsharded `matrix` would have
 * made: the plan stage again (from the selection the shards carry), the shards' observations in
 * place of build and observe, and the evaluate stage once. Shards missing, given twice, or made
 * by another tool version, from another table or selection, are a usage error naming the files.
 * `phasesMs` sums the shards' phases and adds the merge's own.
 */
export async function mergeShards(options: MergeOptions): Promise<MatrixRun> {
  const { phasesMs, timed } = createPhaseTimer();
  const shards = await timed('generate', () => readShardFiles(options.files, options.cacheDir));
  const inputs = shards.map((shard) => shard.input);
  const { request, total } = agreedShardRun(inputs);
  refuseUpdateWithWhatIf(options.update, request.whatIf);
  const planned = await timed('generate', () =>
    planRun({ releases: request.releases, kinds: request.kinds ?? undefined, only: request.only ?? undefined, whatIf: request.whatIf, tableDir: options.tableDir, cacheDir: options.cacheDir }),
  );
  const stamp = await timed('generate', () => stampShard(request, null, total, options));
  checkShardSet(inputs, stamp, shardFixtureIds(planned.plan, total));

  const observed = new Map(shards.flatMap((shard) => [...shard.observed]));
  const fixtures = planned.plan.fixtures.map((spec): FixtureRecord => {
    const entry = observed.get(spec.id);
    // checkShardSet has matched every planned fixture to exactly one shard's.
    if (entry === undefined) throw new Error(`fixture ${spec.id} is in no shard`);
    return { spec, ...entry };
  });
  const { result, updated, expectedFile } = await timed('verify', () => evaluateRun(planned, fixtures, options));
  for (const phase of PHASES) phasesMs[phase] += shards.reduce((sum, shard) => sum + shard.phasesMs[phase], 0);
  return { selection: runSelection(request, planned.selection, planned.plan), result, fixtures, phasesMs, expectedFile, updated, shard: stamp };
}
