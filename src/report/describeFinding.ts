import type { Finding, FindingCode } from '../core/finding.js';
import { describeLeftovers } from '../core/leftoverProblems.js';
import { STAGE_LABELS } from './stageLabels.js';

export interface FindingContext {
  /** Where the committed expected matrix lives, as shown to the user. */
  readonly expectedFile: string;
}

type Describe<C extends FindingCode> = (finding: Finding & { readonly code: C }, context: FindingContext) => string[];

const stage = (finding: Extract<Finding, { readonly observed: unknown }>) => `${finding.observed.stage} (${STAGE_LABELS[finding.observed.stage].label})`;

/** One finding as lines of prose; each code says what differs and what to do. */
export const DESCRIBE_FINDING: { readonly [C in FindingCode]: Describe<C> } = {
  'differs-from-table': (finding) => [
    `${finding.subject}: the compiled library gives ${stage(finding)}, the table predicts ${finding.wanted.stage}`,
    `    library: ${finding.observed.message || '(loads)'}`,
    `    table:   ${finding.wanted.message || '(loads)'}`,
  ],
  'differs-from-expected': (finding, context) => [
    `${finding.subject}: differs from ${context.expectedFile}`,
    `  - ${finding.wanted.stage}  (expected)`,
    `  + ${finding.observed.stage}  (observed${finding.observed.message ? `: ${finding.observed.message}` : ''})`,
  ],
  'not-in-expected': (finding, context) => [`${finding.subject}: not recorded in ${context.expectedFile} (observed ${finding.observed.stage}); record it with --update`],
  'differs-from-documented': (finding) => [
    `${finding.subject}: the documentation says ${finding.wanted.stage}${finding.wanted.message ? ` ("${finding.wanted.message}")` : ''}, the library gives ${stage(finding)}`,
    `    ${finding.observed.message || '(loads)'}`,
  ],
  'unsound-admission': (finding) => {
    const [kind, builtFor, host] = finding.subject.split(/[/@]/);
    return [`${finding.subject}: ${host} admits the ${kind} built for ${builtFor}, but the interface differs: ${finding.differences.join(', ')}`];
  },
  'left-processes': (finding) => [
    `${finding.subject}: ${finding.library} ${describeLeftovers(finding.processes)}`,
    '    the prober killed them; loaded into Mesos, the library would leave them running there',
  ],
};

export function describeFinding(finding: Finding, context: FindingContext): string[] {
  return (DESCRIBE_FINDING[finding.code] as Describe<FindingCode>)(finding as never, context);
}
