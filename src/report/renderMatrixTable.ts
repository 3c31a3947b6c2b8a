import Table from 'cli-table3';
import { createColors } from 'picocolors';
import type { MatrixCell, ScenarioCell } from '../core/evaluateMatrix.js';
import { groupBy } from '../core/groupBy.js';
import { PHASES, type MatrixRun } from '../core/matrixRun.js';
import type { Stage } from '../core/stage.js';
import { describeFinding } from './describeFinding.js';
import { describeStrays, kindSummaries, matrixSummary, matrixTitle, probeSummary } from './matrixSummary.js';
import type { Layout } from './formats.js';
import { STAGE_LABELS } from './stageLabels.js';
import { plural } from './plural.js';

/** Beyond this many host columns a grid no longer fits a terminal: `auto` summarises per kind. */
export const GRID_MAX_HOSTS = 8;

export interface TableOptions {
  /** ANSI colour; the CLI turns it on only for a TTY without NO_COLOR. */
  readonly color: boolean;
  /** `grid`: rows × host columns; `summary`: one line per kind; `auto` (default): grid up to 8 hosts. */
  readonly layout?: Layout;
}

type Colors = ReturnType<typeof createColors>;

const BORDERLESS = {
  chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' },
  style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
};

/** The terminal form: rows × host columns with ✓ / ✗ and a reason code, a legend, the documented table, findings and a summary. */
export function renderMatrixTable(run: MatrixRun, options: TableOptions): string {
  const c = createColors(options.color);
  const { result } = run;
  const hosts = result.plan.hosts.map((release) => release.release);
  const out: string[] = [c.bold(matrixTitle(run, GRID_MAX_HOSTS)), ''];

  const layout = options.layout === 'grid' || (options.layout !== 'summary' && hosts.length <= GRID_MAX_HOSTS) ? renderGrid : renderSummary;
  if (run.selection.whatIf.length > 0) {
    out.splice(1, 0, c.bold(`What if ${run.selection.whatIf.map(({ kind, minimum }) => `${kind}'s minimum were ${minimum}`).join(' and ')} (the expected matrix is not consulted)`));
  }
  if (result.plan.rows.length > 0) out.push(layout(run, c), '', ...legend(result.cells, c));

  if (result.scenarioCells.length > 0) out.push(...(out.at(-1) === '' ? [] : ['']), ...renderScenarios(result.scenarioCells, c));

  const context = { expectedFile: run.expectedFile };
  if (result.findings.length > 0) {
    out.push('', c.bold(c.red(`Findings (${result.findings.length}):`)));
    for (const finding of result.findings) out.push(...describeFinding(finding, context).map((line) => `  ${line}`));
    if (result.findings.some((finding) => finding.code === 'differs-from-expected' || finding.code === 'not-in-expected')) {
      out.push('', `If the change is intended, record it: run the same command again with --update (rewrites ${run.expectedFile}).`);
    }
  }
  out.push('', summary(run, c), buildLine(run, c));
  return `${out.join('\n')}\n`;
}

/** cli-table3 pads every cell, the last column included. */
function trimLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

function renderGrid(run: MatrixRun, c: Colors): string {
  const { result } = run;
  const table = new Table({ ...BORDERLESS, head: ['kind', 'built for', ...result.plan.hosts.map((release) => release.release)].map((title) => c.dim(title)) });
  const byFixture = groupBy(result.cells, (cell) => cell.fixture);
  let previousKind = '';
  for (const fixture of result.plan.rows) {
    table.push([fixture.kind === previousKind ? '' : fixture.kind, fixture.builtFor, ...(byFixture.get(fixture.id) ?? []).map((cell) => showCell(cell, c))]);
    previousKind = fixture.kind;
  }
  return trimLines(table.toString());
}

/** One line per kind: its builds, where they load, and what refused them. */
function renderSummary(run: MatrixRun, c: Colors): string {
  const table = new Table({ ...BORDERLESS, head: ['kind', 'builds', 'where they load', 'refused by other hosts'].map((title) => c.dim(title)) });
  for (const kind of kindSummaries(run.result.cells)) {
    const loads = kind.strays.length === 0 ? c.green('✓ each only into its own release') : describeStrays(kind.strays);
    const refusals = kind.refusals.map(([stage, count]) => `${STAGE_LABELS[stage].label} ${count}`).join(' · ');
    table.push([kind.kind, kind.builds, kind.notAsExpected > 0 ? `${loads} ${c.bold(c.red(`! ${kind.notAsExpected} not as expected`))}` : loads, c.dim(refusals)]);
  }
  return trimLines(table.toString());
}

function showCell(cell: MatrixCell, c: Colors): string {
  if (cell.sound === false) return c.bold(c.red('! unsound'));
  const { label } = STAGE_LABELS[cell.observed.stage];
  if (!cell.asExpected) return c.bold(c.red(`! ${label}`));
  if (cell.observed.loadable) return c.green(cell.builtFor === cell.host ? label : `${label} same`);
  return c.dim(`✗ ${label}`);
}

function legend(cells: readonly MatrixCell[], c: Colors): string[] {
  const present = new Set(cells.map((cell) => cell.observed.stage));
  const lines = (Object.keys(STAGE_LABELS) as Stage[])
    .filter((stage) => present.has(stage))
    .map((stage) => `  ${STAGE_LABELS[stage].label.padEnd(9)} ${STAGE_LABELS[stage].legend}`);
  const admitted = cells.filter((cell) => cell.sound !== null && cell.builtFor !== cell.host);
  if (admitted.some((cell) => cell.sound)) lines.push(`  ${'✓ same'.padEnd(9)} admits a build of another release that no change of the kind's interface breaks`);
  if (admitted.some((cell) => !cell.sound)) lines.push(`  ${'! unsound'.padEnd(9)} admits a build although the kind's interface changed since its release in a way that breaks it`);
  if (admitted.length > 0) lines.push(`  ${''.padEnd(9)} (judged on the interface by the rules of breakingRules.ts, not ABI-checked: Mesos types inside the signatures can change layout while their text does not)`);
  return [c.dim('Legend (✗ refused, ! not as expected):'), ...lines.map((line) => c.dim(line))];
}

function renderScenarios(cells: readonly ScenarioCell[], c: Colors): string[] {
  const groups = groupBy(cells, (cell) => cell.planned.scenario);
  const out: string[] = [];
  for (const [scenario, rows] of groups) {
    const ok = rows.filter((row) => row.asDocumented).length;
    out.push(c.bold(scenario.title), c.dim(`from ${scenario.source}`));
    const table = new Table({ ...BORDERLESS, head: ['Mesos', 'kind version', 'library', 'loadable', 'reason', ''].map((title) => c.dim(title)) });
    for (const { planned, observed, asDocumented } of rows) {
      const verdict = observed.loadable ? c.green('✓ yes') : `✗ NO ${STAGE_LABELS[observed.stage].label}`;
      table.push([planned.row.mesos, planned.row.kindMinimum, planned.row.library, verdict, planned.row.documentedReason, asDocumented ? c.green('as documented') : c.bold(c.red('! differs'))]);
    }
    out.push(trimLines(table.toString()), c.dim(`${ok}/${rows.length} rows as documented`));
  }
  return out;
}

function summary(run: MatrixRun, c: Colors): string {
  const { ok, text } = matrixSummary(run);
  return ok ? c.green(text) : c.red(text);
}

function buildLine(run: MatrixRun, c: Colors): string {
  const count = (status: string) => run.fixtures.filter((fixture) => fixture.build.status === status).length;
  const failed = count('failed');
  const phases = PHASES.map((phase) => `${phase} ${run.phasesMs[phase]} ms`).join(' · ');
  const probes = probeSummary(run);
  return c.dim(`${plural(run.fixtures.length, 'fixture')}: ${count('compiled')} compiled, ${count('cached')} cached${failed > 0 ? `, ${failed} failed` : ''}${probes ? ` · ${probes}` : ''} · ${phases}`);
}
