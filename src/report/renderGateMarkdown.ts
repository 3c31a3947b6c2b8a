import type { GateFinding } from '../core/gateFinding.js';
import type { GateResult } from '../core/gateResult.js';
import { escapeMarkdown, MARKDOWN_BUDGET, markdownCell, markdownCode, markdownFence } from './markdownText.js';
import { describeGateFindings, type GateFindingText } from './renderGateFinding.js';
import { gateComparison, gateReportSections, gateSummary } from './renderGateSummary.js';

interface Cut {
  /** Whether shims' diffs are shown (folded). */
  readonly diffs: boolean;
  /** The most findings listed per section. */
  readonly limit: number;
}

/** A finding as a list item: label and summary, then the declarations, why it breaks a build, the diff and the fix. */
function item(text: GateFindingText, failing: boolean, cut: Cut): string[] {
  const lines = [`- ${failing ? '❌ ' : ''}**${text.label}** — ${escapeMarkdown(text.summary)}`];
  lines.push(...text.declarations.map((declaration) => `  - ${markdownCode(declaration)}`));
  if (text.why !== null) lines.push(`  - *why it breaks a build:* ${escapeMarkdown(text.why)}`);
  if (text.diff && cut.diffs) lines.push('  <details><summary>diff</summary>', '', ...markdownFence(text.diff.trimEnd(), 'diff').split('\n').map((line) => `  ${line}`), '', '  </details>');
  if (text.fix !== null) lines.push(`  - *fix:* ${escapeMarkdown(text.fix)}`);
  return lines;
}

function render(result: GateResult, cut: Cut): string {
  const summary = gateSummary(result);
  const sections = gateReportSections(result);
  const out = [`### ${summary.ok ? '✅' : '❌'} mesos-matrix gate: ${summary.verdict}`, '', escapeMarkdown(gateComparison(result)), ''];
  if (sections.minimums.length > 0) {
    out.push('#### Changed minimums', '', '| release | kind | minimum | change | where |', '|---|---|---|---|---|');
    for (const f of sections.minimums) out.push(`| ${f.release ?? ''} | ${f.kind ?? ''} | ${f.from} → ${f.to} | ${f.code === 'minimum-raised' ? 'bump' : 'relax'} | ${markdownCode(`${f.file} ${f.pointer}`)} |`);
    out.push('');
  }
  const list = (title: string, findings: readonly GateFinding[]) => {
    if (findings.length === 0) return;
    const shown = findings.slice(0, cut.limit);
    const texts = describeGateFindings(shown, result.findings);
    out.push(`#### ${title}`, '', ...shown.flatMap((finding, index) => item(texts[index] as GateFindingText, finding.severity === 'error', cut)));
    if (findings.length > shown.length) out.push(`- …and ${findings.length - shown.length} more: ${markdownCode('mesos-matrix gate --format html')} lists them all`);
    out.push('');
  };
  list('Other changes', sections.otherChanges);
  if (sections.minimums.length + sections.otherChanges.length === 0) out.push('No change to the table.', '');
  list('Failures', sections.breaking);
  list('Stale files', sections.stale);
  list('Could relax', sections.notes);
  out.push(`**${markdownCell(summary.text)}**`);
  return `${out.join('\n')}\n`;
}

/**
 * `gate` for a pull-request comment or the job summary: the verdict, a table of the changed
 * minimums, each failing finding with its rule, why it breaks a build and the fix, the stale
 * files, the could-relax notes. Kept under `MARKDOWN_BUDGET`: the diffs go first, then findings
 * beyond the first few per section (the HTML report keeps them all).
 */
export function renderGateMarkdown(result: GateResult): string {
  for (const cut of [{ diffs: true, limit: Infinity }, { diffs: false, limit: Infinity }, { diffs: false, limit: 50 }, { diffs: false, limit: 10 }]) {
    const text = render(result, cut);
    if (text.length <= MARKDOWN_BUDGET) return text;
  }
  return render(result, { diffs: false, limit: 3 });
}
