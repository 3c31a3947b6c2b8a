import { UsageError } from './errors.js';
import { stampDifferences, type ShardRequest, type ShardStamp } from './shardStamp.js';

/** One shard file as `merge` read it. */
export interface ShardInput {
  /** The file as the user named it. */
  readonly file: string;
  readonly stamp: ShardStamp;
  /** The ids of the fixtures it observed, in its order. */
  readonly fixtureIds: readonly string[];
}

const HINT = 'give the shard-*.json of one run, every one of them once (mesos-matrix plan --shards <n> lists the shards), made by one tool version from one table';

/**
 * The selection and shard count the files were run with. Every file must be a shard (not a
 * merged result) with the first file's stamp; otherwise a usage error names each file that differs.
 */
export function agreedShardRun(inputs: readonly ShardInput[]): { request: ShardRequest; total: number } {
  const [first] = inputs;
  if (first === undefined) throw new UsageError('merge needs the shard files to merge', HINT);
  const problems = inputs.flatMap((input) => {
    if (input.stamp.index === null) return [`${input.file}: a merged result, not a shard`];
    const differences = stampDifferences(input.stamp, first.stamp, first.file);
    return differences.map((difference) => `${input.file}: ${difference}`);
  });
  refuse(inputs, problems);
  return { request: first.stamp.request, total: first.stamp.total };
}

/**
 * Checks that the files are exactly the shards of this run of this checkout: made by this tool
 * from this table (`local`), each shard present once, each holding the fixtures its index is
 * dealt (`assignment[index - 1]`). Throws a usage error listing every problem, naming the files.
 */
export function checkShardSet(inputs: readonly ShardInput[], local: Omit<ShardStamp, 'index' | 'fingerprint'>, assignment: readonly (readonly string[])[]): void {
  const problems = inputs.flatMap((input) => stampDifferences(input.stamp, local, 'this checkout').map((difference) => `${input.file}: ${difference}`));
  const byIndex = new Map<number, string[]>();
  for (const input of inputs) byIndex.set(input.stamp.index ?? 0, [...(byIndex.get(input.stamp.index ?? 0) ?? []), input.file]);
  for (const [index, files] of [...byIndex].sort(([a], [b]) => a - b)) {
    if (files.length > 1) problems.push(`shard ${index}/${local.total} given ${files.length} times: ${files.join(', ')}`);
  }
  const missing = assignment.map((_, position) => position + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) problems.push(`missing ${missing.map((index) => `shard ${index}/${local.total}`).join(', ')} (given: ${inputs.map((input) => `${input.file} = ${input.stamp.index}/${input.stamp.total}`).join(', ')})`);
  for (const input of inputs) {
    const dealt = assignment[(input.stamp.index ?? 0) - 1];
    if (dealt !== undefined && dealt.join('\n') !== input.fixtureIds.join('\n')) {
      problems.push(`${input.file}: its fixtures are not those this table deals to shard ${input.stamp.index}/${local.total} (the file was edited, or is damaged)`);
    }
  }
  refuse(inputs, problems);
}

function refuse(inputs: readonly ShardInput[], problems: readonly string[]): void {
  if (problems.length === 0) return;
  throw new UsageError(`cannot merge ${inputs.length} shard file${inputs.length === 1 ? '' : 's'} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`, HINT);
}
