import { groupBy } from '../core/groupBy.js';
import type { MatrixRun } from '../core/matrixRun.js';
import { STAGES, type Stage } from '../core/stage.js';
import { findingLinesBySubject } from './describeCell.js';
import { escapeHtml, htmlPage, scriptJson } from './htmlPage.js';
import { MATRIX_HTML_CSS, MATRIX_HTML_SCRIPT, stageClass } from './matrixHtmlAssets.js';
import { matrixSummary, matrixTitle } from './matrixSummary.js';
import { messageTemplates } from './messageTemplates.js';
import { STAGE_LABELS } from './stageLabels.js';

/**
 * One self-contained page: every build × every host as one coloured `<table>` (60 × 777 cells
 * for the whole history), where hovering or focusing a cell shows its stage and Mesos's message,
 * with a filter by kind; then the documented table and the findings. Cells carry only a class
 * and at most one character: the messages travel once as templates in a JSON block and are
 * expanded by the page when a cell is shown, which keeps the page near 1 MB and quick to lay out.
 */
export function renderMatrixHtml(run: MatrixRun): string {
  const { result } = run;
  const hosts = result.plan.hosts.map((release) => release.release);
  const notes = findingLinesBySubject(run);
  const templates = messageTemplates();
  const byFixture = groupBy(result.cells, (cell) => cell.fixture);
  const data = {
    hosts,
    rows: result.plan.rows.map((fixture) => [fixture.kind, fixture.builtFor, fixture.moduleName]),
    stages: STAGES.map((stage) => [stage, STAGE_LABELS[stage].label, STAGE_LABELS[stage].legend]),
    cells: result.plan.rows.map((fixture) =>
      (byFixture.get(fixture.id) ?? []).map((cell) => templates.index(cell.observed.message, { h: cell.host, b: cell.builtFor, k: cell.kind, m: fixture.moduleName })),
    ),
    msgs: templates.list,
    notes: {} as Record<string, string>,
  };

  const bodies: string[] = [];
  let first = true;
  let rowIndex = 0;
  for (const [kind, fixtures] of groupBy(result.plan.rows, (fixture) => fixture.kind)) {
    const rows = fixtures.map((fixture, index) => {
      const r = rowIndex + index;
      const cells = (byFixture.get(fixture.id) ?? []).map((cell, c) => {
        if (!cell.asExpected) data.notes[`${r}:${c}`] = (notes.get(cell.id) ?? []).join('\n');
        const mark = !cell.asExpected ? '!' : cell.observed.loadable ? '✓' : '';
        const attributes = `${first ? ' tabindex="0"' : ''}`;
        first = false;
        return `<td class=${stageClass(cell.observed.stage)}${cell.asExpected ? '' : ' x'}${attributes}>${mark}`;
      });
      const head = index === 0 ? `<th class=k scope=rowgroup rowspan=${fixtures.length}>${escapeHtml(kind)}` : '';
      return `<tr>${head}<th class=b scope=row>${escapeHtml(fixture.builtFor)}${cells.join('')}`;
    });
    bodies.push(`<tbody data-kind="${escapeHtml(kind)}" data-r0=${rowIndex}>\n${rows.join('\n')}\n</tbody>`);
    rowIndex += fixtures.length;
  }

  const { ok, text } = matrixSummary(run);
  const kinds = [...new Set(result.plan.rows.map((fixture) => fixture.kind))];
  const present = new Set<Stage>(result.cells.map((cell) => cell.observed.stage));
  const body = [
    `<h1>${escapeHtml(matrixTitle(run, 8))}</h1>`,
    `<p class="${ok ? 'ok' : 'bad'}"><strong>${escapeHtml(text)}</strong></p>`,
    result.plan.rows.length === 0
      ? ''
      : [
          `<div class=controls><label>Kind <select id=kind><option value="">every kind (${kinds.length})</option>${kinds.map((kind) => `<option>${escapeHtml(kind)}</option>`).join('')}</select></label>`,
          `<output id=shown>${result.plan.rows.length} of ${result.plan.rows.length} builds shown</output>`,
          `<span class=muted>Hover or focus a cell (arrow keys move) for its stage and Mesos's message; ! marks a cell not as expected.</span></div>`,
          `<ul class=legend>${STAGES.filter((stage) => present.has(stage))
            .map((stage) => `<li><span class="sw ${stageClass(stage)}"></span>${escapeHtml(stage === 'loaded' ? 'loads' : `${STAGE_LABELS[stage].label}: ${STAGE_LABELS[stage].legend}`)}`)
            .join('')}</ul>`,
          `<div class=scroll><table id=grid aria-label="builds (rows) by host release (columns)">`,
          `<thead><tr><th class=k scope=col>kind<th class=b scope=col>built for${hosts.map((host) => `<th class=h scope=col><span>${escapeHtml(host)}</span>`).join('')}</thead>`,
          ...bodies,
          `</table></div>`,
          `<div id=tip role=tooltip hidden></div>`,
        ].join('\n'),
    ...documented(run),
    ...findings(notes),
    `<script type="application/json" id="matrix-data">${scriptJson(data)}</script>`,
  ];
  return htmlPage({ title: matrixTitle(run, 8), body: body.join('\n'), css: MATRIX_HTML_CSS, script: result.plan.rows.length === 0 ? '' : MATRIX_HTML_SCRIPT });
}

function documented(run: MatrixRun): string[] {
  return [...groupBy(run.result.scenarioCells, (cell) => cell.planned.scenario)].map(([scenario, rows]) =>
    [
      `<h2>${escapeHtml(scenario.title)}</h2>`,
      `<p class=muted>from ${escapeHtml(scenario.source)}: ${rows.filter((row) => row.asDocumented).length}/${rows.length} rows as documented</p>`,
      '<table class=plain><tr><th>Mesos<th>kind version<th>library<th>loadable<th>documented reason<th>Mesos\'s message<th>',
      ...rows.map(
        ({ planned, observed, asDocumented }) =>
          `<tr><td>${planned.row.mesos}<td>${planned.row.kindMinimum}<td>${planned.row.library}<td>${observed.loadable ? '✓ yes' : `✗ NO ${escapeHtml(STAGE_LABELS[observed.stage].label)}`}<td>${escapeHtml(planned.row.documentedReason)}<td><code>${escapeHtml(observed.message)}</code><td class=${asDocumented ? 'ok' : 'bad'}>${asDocumented ? 'as documented' : '! differs'}`,
      ),
      '</table>',
    ].join('\n'),
  );
}

function findings(notes: ReadonlyMap<string, readonly string[]>): string[] {
  if (notes.size === 0) return [];
  return [`<h2 class=bad>Not as expected (${notes.size})</h2>`, `<pre>${escapeHtml([...notes.values()].map((lines) => lines.join('\n')).join('\n'))}</pre>`];
}
