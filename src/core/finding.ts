import type { LeftProcess } from './libraryOutcome.js';
import type { Stage } from './stage.js';

/**
 * A finding is data: a code, the subject it concerns, and what was wanted versus seen. The
 * prose comes from the renderers (`src/report`).
 */
export const FINDING_CODES = ['differs-from-table', 'differs-from-expected', 'not-in-expected', 'differs-from-documented', 'unsound-admission', 'left-processes'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

interface Observed {
  readonly stage: Stage;
  readonly message: string;
}

export type Finding =
  | {
      readonly code: 'differs-from-table' | 'differs-from-expected' | 'differs-from-documented';
      /** A cell id (`Isolator/0.24.1@0.25.0`) or a scenario row id (`documented#4`). */
      readonly subject: string;
      /** What the library did. */
      readonly observed: Observed;
      /** What the table, the expected matrix or the documentation says. */
      readonly wanted: { readonly stage: Stage; readonly message: string | null };
    }
  | { readonly code: 'not-in-expected'; readonly subject: string; readonly observed: Observed }
  | {
      /** A host admits a build of another release although the kind's interface differs between them. */
      readonly code: 'unsound-admission';
      readonly subject: string;
      readonly observed: Observed;
      /** The methods (or `structure`, `class`, `vtable order`) that differ. */
      readonly differences: readonly string[];
    }
  | {
      /**
       * Opening the fixture left processes running (the prober killed them). No host's verdict
       * changes — Mesos would load the library — but a module that does this in an agent leaves
       * them running there.
       */
      readonly code: 'left-processes';
      /** The fixture id (`Isolator/0.24.1`): the same for every host. */
      readonly subject: string;
      readonly library: string;
      readonly processes: readonly LeftProcess[];
    };
