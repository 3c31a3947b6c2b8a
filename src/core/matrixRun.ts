import type { MatrixResult } from './evaluateMatrix.js';
import type { FixtureSpec } from './fixtureSpec.js';
import type { LibraryOutcome } from './libraryOutcome.js';
import type { MatrixPlan, MatrixSelection, WhatIf } from './planMatrix.js';
import type { ShardRequest, ShardStamp } from './shardStamp.js';

export const PHASES = ['generate', 'compile', 'load', 'verify'] as const;
export type Phase = (typeof PHASES)[number];

/** How one fixture was built and what opening it did. */
export interface FixtureRecord {
  readonly spec: FixtureSpec;
  readonly library: string;
  readonly build: {
    readonly status: 'compiled' | 'cached' | 'failed';
    readonly durationMs: number;
    /** The compiler's diagnostics when it failed, else empty. */
    readonly stderr: string;
  };
  readonly outcome: LibraryOutcome;
}

/** Everything a renderer needs about one `matrix` run. */
export interface MatrixRun {
  readonly selection: {
    /** `--releases` as given. */
    readonly spec: string;
    /** `--only` as given, which overrides `--releases` and `--kinds`. */
    readonly only: string | null;
    /** The kind minimums `--what-if` set in the hosts. */
    readonly whatIf: readonly WhatIf[];
    readonly releases: readonly string[];
    readonly kinds: readonly string[];
  };
  readonly result: MatrixResult;
  readonly fixtures: readonly FixtureRecord[];
  readonly phasesMs: Readonly<Record<Phase, number>>;
  /** The committed expected matrix, as shown to the user. */
  readonly expectedFile: string;
  /** Set when `--update` rewrote the expected matrix: how many recorded cells changed. */
  readonly updated: { readonly changedCells: number } | null;
  /** For `matrix --shard i/n`: which share this is, and its fingerprint; for `merge`: the same with `index: null`; else `null`. */
  readonly shard: ShardStamp | null;
  /** For `matrix`: how many libraries' outcomes were reused from the verdict cache, and how many were really opened (absent for `merge`). */
  readonly probes?: { readonly reused: number; readonly opened: number };
}

/** The selection as a run reports it: the options as given, and the releases and kinds they resolved to. */
export function runSelection(request: ShardRequest, selection: MatrixSelection, plan: MatrixPlan): MatrixRun['selection'] {
  return { spec: request.releases, only: request.only, whatIf: plan.whatIf, releases: selection.hosts.map((release) => release.release), kinds: [...selection.kinds].sort() };
}

/** 0 when every cell and documented row is as expected, 1 on any finding (architecture.md). */
export function matrixExitCode(run: MatrixRun): 0 | 1 {
  return run.result.findings.length === 0 ? 0 : 1;
}
