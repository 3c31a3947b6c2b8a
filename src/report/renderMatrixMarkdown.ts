import type { MatrixCell } from '../core/evaluateMatrix.js';
import { groupBy } from '../core/groupBy.js';
import type { MatrixRun } from '../core/matrixRun.js';
import type { Stage } from '../core/stage.js';
import { findingLinesBySubject } from './describeCell.js';
import { MARKDOWN_BUDGET, markdownCell, markdownCode, markdownFence } from './markdownText.js';
import type { MatrixReportOptions } from './matrixReportOptions.js';
import { describeStrays, kindSummaries, matrixSummary, matrixTitle } from './matrixSummary.js';
import { GRID_MAX_HOSTS } from './renderMatrixTable.js';
import { STAGE_LABELS } from './stageLabels.js';

/** Findings listed one by one; beyond this the report counts them and points to the full report. */
export const MARKDOWN_FINDINGS_SHOWN = 20;

/**
 * For a pull-request comment or `$GITHUB_STEP_SUMMARY`: the verdict first, then the grid when
 * it is small (else one line per kind), the documented table and the findings. It stays below
 * GitHub's comment limit whatever the size of the run, pointing to the full report for the rest.
 */
export function renderMatrixMarkdown(run: MatrixRun, options: MatrixReportOptions = { color: false }): string {
  const { ok, text } = matrixSummary(run);
  const head = [`### ${ok ? '✅' : '❌'} ${markdownCell(matrixTitle(run, GRID_MAX_HOSTS))}`, '', `**${markdownCell(text)}**`, ''];
  const grid = run.result.plan.rows.length === 0 ? [] : wantsGrid(run, options) ? gridSection(run) : summarySection(run, options);
  const rest = [...documentedSection(run), ...findingsSection(run, options)];
  const whole = [...head, ...grid, ...rest];
  // A grid that would not fit a comment gives way to the summary, which always does.
  const fitted = size(whole) > MARKDOWN_BUDGET && wantsGrid(run, options) ? [...head, ...summarySection(run, options), ...rest] : whole;
  return `${fitted.join('\n').trimEnd()}\n`;
}

function wantsGrid(run: MatrixRun, options: MatrixReportOptions): boolean {
  const hosts = run.result.plan.hosts.length;
  return options.layout === 'grid' || (options.layout !== 'summary' && hosts <= GRID_MAX_HOSTS);
}

function gridSection(run: MatrixRun): string[] {
  const hosts = run.result.plan.hosts.map((release) => release.release);
  const byFixture = groupBy(run.result.cells, (cell) => cell.fixture);
  const rows = run.result.plan.rows.map((fixture, index) => {
    const kind = index > 0 && run.result.plan.rows[index - 1]?.kind === fixture.kind ? '' : fixture.kind;
    return `| ${kind} | ${fixture.builtFor} | ${(byFixture.get(fixture.id) ?? []).map(showCell).join(' | ')} |`;
  });
  return [`| kind | built for | ${hosts.join(' | ')} |`, `|---|---|${hosts.map(() => ':-:').join('|')}|`, ...rows, '', ...legend(run.result.cells), ''];
}

function showCell(cell: MatrixCell): string {
  const { label } = STAGE_LABELS[cell.observed.stage];
  if (cell.sound === false) return '**! unsound**';
  if (!cell.asExpected) return `**! ${label}**`;
  if (cell.observed.loadable) return cell.builtFor === cell.host ? '✓' : '✓ same';
  return `✗ ${label}`;
}

function legend(cells: readonly MatrixCell[]): string[] {
  const present = new Set<Stage>(cells.map((cell) => cell.observed.stage));
  const entries = (Object.keys(STAGE_LABELS) as Stage[]).filter((stage) => present.has(stage)).map((stage) => `${markdownCode(STAGE_LABELS[stage].label)} ${markdownCell(STAGE_LABELS[stage].legend)}`);
  const admitted = cells.filter((cell) => cell.sound !== null && cell.builtFor !== cell.host);
  if (admitted.some((cell) => cell.sound)) entries.push("`✓ same` admits another release's build whose kind interface is identical to the host's");
  if (admitted.some((cell) => !cell.sound)) entries.push("`! unsound` admits a build although the kind's interface differs (interface-identical is not ABI-compatible)");
  return [`<sub>✗ refused, **!** not as expected · ${entries.join(' · ')}</sub>`];
}

function summarySection(run: MatrixRun, options: MatrixReportOptions): string[] {
  const rows = kindSummaries(run.result.cells).map((kind) => {
    const loads = kind.strays.length === 0 ? '✓ each only into its own release' : markdownCell(describeStrays(kind.strays));
    const refusals = kind.refusals.map(([stage, count]) => `${STAGE_LABELS[stage].label} ${count}`).join(' · ');
    return `| ${kind.kind} | ${kind.builds} | ${loads} | ${refusals} | ${kind.notAsExpected > 0 ? `**! ${kind.notAsExpected}**` : '0'} |`;
  });
  const { rows: fixtures, hosts } = run.result.plan;
  return [
    `The grid (${fixtures.length} builds × ${hosts.length} hosts) is summarised per kind; ${fullReport(run, options)}.`,
    '',
    '| kind | builds | where they load | refused by other hosts | not as expected |',
    '|---|---|---|---|--:|',
    ...rows,
    '',
  ];
}

/** Where to read every cell: the report the run also wrote, or how to write it. */
function fullReport(run: MatrixRun, options: MatrixReportOptions): string {
  if (options.fullReport) return `every cell is in ${markdownCode(options.fullReport)}`;
  const whatIf = run.selection.whatIf.map(({ kind, minimum }) => ` --what-if ${kind}=${minimum}`).join('');
  const releases = /^[\w.,-]+$/.test(run.selection.spec) ? run.selection.spec : `'${run.selection.spec.replaceAll("'", `'\\''`)}'`;
  return `every cell, with Mesos's message, is in the HTML report: ${markdownCode(`mesos-matrix matrix --releases ${releases}${whatIf} --format html --output mesos-matrix.html`)}`;
}

function documentedSection(run: MatrixRun): string[] {
  const groups = groupBy(run.result.scenarioCells, (cell) => cell.planned.scenario);
  return [...groups].flatMap(([scenario, rows]) => [
    `<details${rows.every((row) => row.asDocumented) ? '' : ' open'}><summary>${markdownCell(scenario.title)}: ${rows.filter((row) => row.asDocumented).length}/${rows.length} rows as documented</summary>`,
    '',
    '| Mesos | kind version | library | loadable | documented reason | |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      ({ planned, observed, asDocumented }) =>
        `| ${planned.row.mesos} | ${planned.row.kindMinimum} | ${planned.row.library} | ${observed.loadable ? '✓ yes' : `✗ NO ${STAGE_LABELS[observed.stage].label}`} | ${markdownCell(planned.row.documentedReason)} | ${asDocumented ? 'as documented' : '**! differs**'} |`,
    ),
    '',
    '</details>',
    '',
  ]);
}

function findingsSection(run: MatrixRun, options: MatrixReportOptions): string[] {
  const bySubject = [...findingLinesBySubject(run)];
  if (bySubject.length === 0) return [];
  const shown = bySubject.slice(0, MARKDOWN_FINDINGS_SHOWN);
  const more = bySubject.length - shown.length;
  const out = [`#### Not as expected (${bySubject.length})`, '', markdownFence(shown.flatMap(([, lines]) => lines).join('\n'))];
  if (more > 0) out.push('', `…and ${more} more; ${fullReport(run, options)}.`);
  if (run.result.findings.some((finding) => finding.code === 'differs-from-expected' || finding.code === 'not-in-expected')) {
    out.push('', `If the change is intended, record it: run the same command again with ${markdownCode('--update')} (rewrites ${markdownCode(run.expectedFile)}).`);
  }
  return [...out, ''];
}

function size(lines: readonly string[]): number {
  return lines.reduce((total, line) => total + line.length + 1, 0);
}
