/** The selection a shard was run with, as given on its command line (`null`: not given). */
export interface ShardRequest {
  readonly releases: string;
  readonly kinds: string | null;
  readonly only: string | null;
  readonly whatIf: readonly string[];
}

/**
 * What a shard's JSON carries so that `merge` can tell shards of one run from strays: which
 * share it is, and a fingerprint of everything its fixtures and verdicts depend on.
 */
export interface ShardStamp {
  /** 1-based; `null` in a result merged from all `total` shards. */
  readonly index: number | null;
  readonly total: number;
  /** sha256 over `tool`, `table`, `request` and `total`: equal for every shard of one run. */
  readonly fingerprint: string;
  /** The tool and its version (`mesos-module-matrix 0.1.0`). */
  readonly tool: string;
  /** sha256 of the version table (but its expected matrix) and the fixture templates. */
  readonly table: string;
  readonly request: ShardRequest;
}

/** The selection as a command line, for messages: `--releases all --kinds Isolator`. */
export function describeRequest(request: ShardRequest): string {
  return [
    `--releases ${request.releases}`,
    request.kinds === null ? '' : `--kinds ${request.kinds}`,
    request.only === null ? '' : `--only ${request.only}`,
    ...request.whatIf.map((whatIf) => `--what-if ${whatIf}`),
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** What differs between a shard's stamp and another's (or this checkout's), in words; empty when they match. */
export function stampDifferences(stamp: Omit<ShardStamp, 'index' | 'fingerprint'>, other: Omit<ShardStamp, 'index' | 'fingerprint'>, otherName: string): string[] {
  const differences: string[] = [];
  if (stamp.tool !== other.tool) differences.push(`made by ${stamp.tool}, ${otherName} by ${other.tool}`);
  if (stamp.table !== other.table) differences.push(`made from another version table or fixture templates (${stamp.table.slice(0, 12)}, ${otherName} ${other.table.slice(0, 12)})`);
  if (describeRequest(stamp.request) !== describeRequest(other.request)) differences.push(`run with ${describeRequest(stamp.request)}, ${otherName} with ${describeRequest(other.request)}`);
  if (stamp.total !== other.total) differences.push(`one of ${stamp.total} shards, ${otherName} one of ${other.total}`);
  return differences;
}
