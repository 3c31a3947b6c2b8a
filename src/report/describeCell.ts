import type { MatrixCell } from '../core/evaluateMatrix.js';
import type { Finding } from '../core/finding.js';
import { groupBy } from '../core/groupBy.js';
import type { MatrixRun } from '../core/matrixRun.js';
import { describeFinding } from './describeFinding.js';
import { STAGE_LABELS } from './stageLabels.js';

/** `✓ loads` or `✗ older — built against a release below the kind's minimum (…)`, with `!` when not as expected. */
export function describeVerdict(cell: MatrixCell): string {
  const { label, legend } = STAGE_LABELS[cell.observed.stage];
  const mark = cell.sound === false ? '! unsound' : cell.asExpected ? (cell.observed.loadable ? '✓' : `✗ ${label}`) : `! ${label}`;
  return cell.observed.loadable ? `${mark} loads` : `${mark}: ${legend}`;
}

/** `Isolator built for 0.23.1, on a 0.24.1 host` */
export function describeCellSubject(cell: Pick<MatrixCell, 'kind' | 'builtFor' | 'host'>): string {
  return `${cell.kind} built for ${cell.builtFor}, on a ${cell.host} host`;
}

/** Each subject's findings as prose lines, in the order the run found them. */
export function findingLinesBySubject(run: MatrixRun): Map<string, string[]> {
  const context = { expectedFile: run.expectedFile };
  const grouped = groupBy(run.result.findings, (finding: Finding) => finding.subject);
  return new Map([...grouped].map(([subject, findings]) => [subject, findings.flatMap((finding) => describeFinding(finding, context))]));
}
