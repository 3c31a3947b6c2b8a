import { describeChange } from './describeChange.js';
import { safeMinimumsHeading, type DiffReport } from './diffReport.js';
import { escapeHtml, htmlPage } from './htmlPage.js';

/** `diff` as one self-contained page: a row per kind with its changes, and its safe minimum. */
export function renderDiffHtml(report: DiffReport): string {
  const rows = report.kinds.map(({ kind, changes }) => {
    const minimum = report.safeMinimums[kind];
    const shown = changes.length === 0 ? '<span class=muted>unchanged</span>' : `<pre>${escapeHtml(changes.flatMap(describeChange).join('\n'))}</pre>`;
    return `<tr><th scope=row>${escapeHtml(kind)}<td>${shown}<td>${minimum === undefined ? '' : escapeHtml(minimum ?? '(no interface data)')}`;
  });
  const title = `Interface changes ${report.from} → ${report.to}`;
  const body = [`<h1>${escapeHtml(title)}</h1>`, `<p class=muted>${escapeHtml(safeMinimumsHeading(report))}.</p>`, '<table class=plain><thead><tr><th>kind<th>changes<th>safe minimum</thead><tbody>', ...rows, '</tbody></table>'];
  return htmlPage({ title, body: body.join('\n') });
}
