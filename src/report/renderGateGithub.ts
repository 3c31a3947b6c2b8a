import type { GateFinding } from '../core/gateFinding.js';
import type { GateResult } from '../core/gateResult.js';
import { describeGateFinding, gateFindingDetail, gateSubject } from './renderGateFinding.js';
import { gateSections, gateSummary, type GateReportOptions } from './renderGateSummary.js';
import { ANNOTATION_LIMIT, workflowCommands, type WorkflowAnnotation } from './workflowCommand.js';

/**
 * `gate` as GitHub workflow commands: an `::error` per failing finding, placed on the kind's entry
 * in its release file (the line a maintainer edits) or on the stale file, then a `::notice` per
 * changed minimum and per `could-relax` note, then the verdict as a plain line of the log.
 */
export function renderGateGithub(result: GateResult, options: GateReportOptions = { color: false }): string {
  const { changes, failures, notes } = gateSections(result);
  const annotation = (finding: GateFinding, level: WorkflowAnnotation['level']): WorkflowAnnotation => {
    const text = describeGateFinding(finding, result.findings);
    // JSON files are placed on the pointer's line; a shim (TypeScript) or a file the locator cannot read, on the file.
    const place = (finding.file.endsWith('.json') ? options.locate?.(finding.file, finding.pointer) : null) ?? { file: finding.file };
    return { level, title: `${gateSubject(finding)}: ${text.label}${finding.rule ? ` (${finding.rule})` : ''}`, message: [text.summary, ...gateFindingDetail(text)].join('\n'), place };
  };
  const minimums = changes.filter((finding) => finding.code === 'minimum-raised' || finding.code === 'minimum-lowered');
  // Failures first: GitHub shows only so many annotations, and they are what a reviewer must see.
  const annotations = [...failures.map((finding) => annotation(finding, 'error')), ...[...minimums, ...notes].map((finding) => annotation(finding, 'notice'))];
  return `${[...workflowCommands(annotations, ANNOTATION_LIMIT, 'every finding is in --format text or json'), gateSummary(result).text].join('\n')}\n`;
}
