import type { KindDiff } from '../core/diffInterfaces.js';

/** What `mesos-matrix diff` shows: the changes between two releases and the safe minimums at the second. */
export interface DiffReport {
  readonly from: string;
  readonly to: string;
  readonly kinds: readonly KindDiff[];
  /** Kind → the earliest release (of `within`, or `from`/`to`) from which every build loads into `to` without a breaking change. */
  readonly safeMinimums: Readonly<Record<string, string | null>>;
  /** The release selection the safe minimums are computed over. */
  readonly within: string;
}

/** What the safe minimums mean, as every format words it. */
export function safeMinimumsHeading(report: DiffReport): string {
  return `Safe minimums at ${report.to} — the earliest release (of ${report.within}, ${report.from} or ${report.to}) from which every build loads into ${report.to} without a breaking change (judged on the interface; Mesos types inside the signatures are not compared by layout)`;
}
