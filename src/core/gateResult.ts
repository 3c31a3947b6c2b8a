import type { GateFinding } from './gateFinding.js';

/** The revision the gate compares the working tree with. */
export interface GitBase {
  /** What was asked for or chosen (`HEAD~1`, `origin/main`, a commit). */
  readonly ref: string;
  readonly commit: string;
  /** How it was chosen, for the report (`--base`, `merge base with main`, …). */
  readonly how: string;
}

/** What the gate found, as data: the renderers and the exit code are functions of it. */
export interface GateResult {
  /** `--root` as given. */
  readonly root: string;
  readonly base: GitBase;
  /** `false`: the base has no table (everything is added). */
  readonly baseHasTable: boolean;
  readonly findings: readonly GateFinding[];
  /** How much was checked: releases and (release, kind) entries of the working tree, expected cells, shim files (`null`: no `src/shims`). */
  readonly checked: { readonly releases: number; readonly entries: number; readonly expectedCells: number; readonly shims: number | null };
}
