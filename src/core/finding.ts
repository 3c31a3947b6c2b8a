import type { Stage } from './stage.js';

/**
 * A finding is data: a code, the subject it concerns, and what was wanted versus seen. The
 * prose comes from the renderers (`src/report`).
 */
export const FINDING_CODES = ['differs-from-table', 'differs-from-expected', 'not-in-expected', 'differs-from-documented'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  readonly code: FindingCode;
  /** A cell id (`Isolator/0.24.1@0.25.0`) or a scenario row id (`documented#4`). */
  readonly subject: string;
  /** What the library did. */
  readonly observed: { readonly stage: Stage; readonly message: string };
  /** What the table, the expected matrix or the documentation says; `null` when nothing does. */
  readonly wanted: { readonly stage: Stage; readonly message: string | null } | null;
}
