import { createColors } from 'picocolors';
import type { GateFinding } from '../core/gateFinding.js';
import type { GateResult } from '../core/gateResult.js';
import { describeGateFindings, gateFindingDetail, type GateFindingText } from './renderGateFinding.js';
import { gateComparison, gateSections, gateSummary, type GateReportOptions } from './renderGateSummary.js';

export { gateExitCode } from './renderGateSummary.js';

/** One finding as text: the label and summary on the first line (failures marked ✗), why and what to do indented below. */
function findingLines(finding: GateFinding, text: GateFindingText, c: ReturnType<typeof createColors>): string[] {
  const head = finding.severity === 'error' ? c.red(`✗ ${text.label.padEnd(12)}  ${text.summary}`) : `${text.label.padEnd(17)}  ${text.summary}`;
  return [head, ...gateFindingDetail(text).map((line) => `    ${line}`)];
}

/** `mesos-matrix gate` for a terminal or a CI log: the changes, the failures, the notes, and the verdict. */
export function renderGateText(result: GateResult, options: GateReportOptions = { color: false }): string {
  const c = createColors(options.color);
  const { changes, failures, notes } = gateSections(result);
  const out = [`mesos-matrix gate — ${gateComparison(result)}`, ''];
  const section = (title: string, items: readonly GateFinding[]) => {
    const texts = describeGateFindings(items, result.findings);
    if (items.length > 0) out.push(c.bold(`${title}:`), ...items.flatMap((finding, index) => findingLines(finding, texts[index] as GateFindingText, c).map((line) => `  ${line}`)), '');
  };
  section('Changes', changes);
  if (changes.length === 0) out.push('No change to the table.', '');
  section('Failures', failures);
  section('Notes', notes);
  const summary = gateSummary(result);
  out.push(summary.ok ? summary.text : c.red(summary.text));
  return `${out.join('\n')}\n`;
}
