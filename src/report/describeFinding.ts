import type { Finding, FindingCode } from '../core/finding.js';
import { STAGE_LABELS } from './stageLabels.js';

export interface FindingContext {
  /** Where the committed expected matrix lives, as shown to the user. */
  readonly expectedFile: string;
}

const stage = (finding: Finding) => `${finding.observed.stage} (${STAGE_LABELS[finding.observed.stage].label})`;

/** One finding as lines of prose; each code says what differs and what to do. */
export const DESCRIBE_FINDING = {
  'differs-from-table': (finding) => [
    `${finding.subject}: the compiled library gives ${stage(finding)}, the table predicts ${finding.wanted?.stage ?? '?'}`,
    `    library: ${finding.observed.message || '(loads)'}`,
    `    table:   ${finding.wanted?.message || '(loads)'}`,
  ],
  'differs-from-expected': (finding, context) => [
    `${finding.subject}: differs from ${context.expectedFile}`,
    `  - ${finding.wanted?.stage ?? '?'}  (expected)`,
    `  + ${finding.observed.stage}  (observed${finding.observed.message ? `: ${finding.observed.message}` : ''})`,
  ],
  'not-in-expected': (finding, context) => [`${finding.subject}: not recorded in ${context.expectedFile} (observed ${finding.observed.stage}); record it with --update`],
  'differs-from-documented': (finding) => [
    `${finding.subject}: the documentation says ${finding.wanted?.stage ?? '?'}${finding.wanted?.message ? ` ("${finding.wanted.message}")` : ''}, the library gives ${stage(finding)}`,
    `    ${finding.observed.message || '(loads)'}`,
  ],
} as const satisfies Record<FindingCode, (finding: Finding, context: FindingContext) => string[]>;

export function describeFinding(finding: Finding, context: FindingContext): string[] {
  return DESCRIBE_FINDING[finding.code](finding, context);
}
