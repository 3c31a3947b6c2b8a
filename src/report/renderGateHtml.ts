import type { GateFinding } from '../core/gateFinding.js';
import type { GateResult } from '../core/gateResult.js';
import { escapeHtml, htmlPage } from './htmlPage.js';
import { describeGateFindings, type GateFindingText } from './renderGateFinding.js';
import { gateComparison, gateReportSections, gateSummary } from './renderGateSummary.js';

/** A finding as a list item: label and summary, then the declarations, why it breaks a build, the diff (folded) and the fix. */
function item(finding: GateFinding, text: GateFindingText): string {
  const parts = [`<strong${finding.severity === 'error' ? ' class=bad' : ''}>${escapeHtml(text.label)}</strong> — ${escapeHtml(text.summary)}`];
  if (text.declarations.length > 0) parts.push(`<pre>${escapeHtml(text.declarations.join('\n'))}</pre>`);
  if (text.why !== null) parts.push(`<br><em>why it breaks a build:</em> ${escapeHtml(text.why)}`);
  if (text.diff) parts.push(`<details><summary>diff</summary><pre>${escapeHtml(text.diff.trimEnd())}</pre></details>`);
  if (text.fix !== null) parts.push(`<br><em>fix:</em> ${escapeHtml(text.fix)}`);
  return `<li>${parts.join('')}`;
}

/** `gate` as one self-contained page: the same sections as the Markdown report, with every finding and every diff. */
export function renderGateHtml(result: GateResult): string {
  const summary = gateSummary(result);
  const sections = gateReportSections(result);
  const body = [`<h1>mesos-matrix gate</h1>`, `<p class="${summary.ok ? 'ok' : 'bad'}"><strong>${escapeHtml(summary.verdict)}</strong></p>`, `<p class=muted>${escapeHtml(gateComparison(result))}</p>`];
  if (sections.minimums.length > 0) {
    body.push('<h2>Changed minimums</h2>', '<table class=plain><thead><tr><th>release<th>kind<th>minimum<th>change<th>where</thead><tbody>');
    for (const f of sections.minimums) body.push(`<tr><td>${escapeHtml(f.release ?? '')}<td>${escapeHtml(f.kind ?? '')}<td>${escapeHtml(`${f.from} → ${f.to}`)}<td>${f.code === 'minimum-raised' ? 'bump' : 'relax'}<td><code>${escapeHtml(`${f.file} ${f.pointer}`)}</code>`);
    body.push('</tbody></table>');
  }
  const list = (title: string, findings: readonly GateFinding[]) => {
    const texts = describeGateFindings(findings, result.findings);
    if (findings.length > 0) body.push(`<h2>${escapeHtml(title)}</h2>`, '<ul>', ...findings.map((finding, index) => item(finding, texts[index] as GateFindingText)), '</ul>');
  };
  list('Other changes', sections.otherChanges);
  if (sections.minimums.length + sections.otherChanges.length === 0) body.push('<p>No change to the table.</p>');
  list('Failures', sections.breaking);
  list('Stale files', sections.stale);
  list('Could relax', sections.notes);
  body.push(`<p><strong>${escapeHtml(summary.text)}</strong></p>`);
  return htmlPage({ title: `mesos-matrix gate — ${summary.verdict}`, body: body.join('\n') });
}
