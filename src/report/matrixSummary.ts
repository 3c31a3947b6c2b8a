import type { MatrixCell } from '../core/evaluateMatrix.js';
import { groupBy } from '../core/groupBy.js';
import type { MatrixRun } from '../core/matrixRun.js';
import type { Stage } from '../core/stage.js';
import { plural } from './plural.js';

/**
 * The closing sentence of every matrix report: the cells, how many load, and whether all is as
 * expected (`28 cells: 7 load, 21 refused — all as expected (…); documented rows 6/6`).
 */
export function matrixSummary(run: MatrixRun): { readonly ok: boolean; readonly text: string } {
  const { cells, scenarioCells, findings } = run.result;
  const loads = cells.filter((cell) => cell.observed.loadable).length;
  const shape = `${plural(cells.length, 'cell')}: ${loads} load, ${cells.length - loads} refused`;
  const documented = scenarioCells.length > 0 ? `; documented rows ${scenarioCells.filter((cell) => cell.asDocumented).length}/${scenarioCells.length}` : '';
  const updated = run.updated ? `; updated ${run.expectedFile} (${run.updated.changedCells} cells changed)` : '';
  const admitted = cells.filter((cell) => cell.observed.loadable && cell.builtFor !== cell.host);
  const soundness = admitted.length > 0 ? `; ${admitted.filter((cell) => cell.sound).length}/${admitted.length} admissions of other releases' builds sound` : '';
  const against = run.selection.whatIf.length > 0 ? 'table prediction' : `table prediction, ${run.expectedFile}`;
  if (findings.length === 0) return { ok: true, text: `${shape} — all as expected (${against})${soundness}${documented}${updated}` };
  const off = new Set(findings.map((finding) => finding.subject)).size;
  return { ok: false, text: `${shape} — ${off} not as expected${soundness}${documented}${updated}` };
}

/**
 * `780 verdicts reused, 0 libraries opened`: what the verdict cache answered and how many
 * libraries the run really opened in prober children; empty for a merged run (its shards opened them).
 */
export function probeSummary(run: MatrixRun): string {
  if (run.probes === undefined) return '';
  return `${plural(run.probes.reused, 'verdict')} reused, ${run.probes.opened} ${run.probes.opened === 1 ? 'library' : 'libraries'} opened`;
}

/** `Mesos module matrix — releases default (0.23.1 0.24.1 0.25.0 0.26.0): 7 fixtures × 4 hosts`, with the hosts shortened beyond `maxHosts`. */
export function matrixTitle(run: MatrixRun, maxHosts: number): string {
  const hosts = run.result.plan.hosts.map((release) => release.release);
  const shown = hosts.length === 0 ? '' : hosts.length <= maxHosts ? ` (${hosts.join(' ')})` : ` (${hosts[0]} … ${hosts.at(-1)})`;
  const what = run.selection.only === null ? `releases ${run.selection.spec}` : `only ${run.selection.only}`;
  const rows = run.result.plan.rows.length;
  const size = rows > 0 ? `: ${plural(rows, 'fixture')} × ${plural(hosts.length, 'host')}` : '';
  return `Mesos module matrix — ${what}${shown}${size}`;
}

/** One kind's line of the summary layout: its builds, where they load, what refused them. */
export interface KindSummary {
  readonly kind: string;
  /** `0.23.0 … 1.11.0 (54)`, or the one release. */
  readonly builds: string;
  /** Cells that break "each build loads only into its own release". */
  readonly strays: readonly MatrixCell[];
  /** Refusals by stage, in the order they first occur. */
  readonly refusals: ReadonlyArray<readonly [Stage, number]>;
  readonly notAsExpected: number;
}

export function kindSummaries(cells: readonly MatrixCell[]): KindSummary[] {
  return [...groupBy(cells, (cell) => cell.kind)].map(([kind, group]) => {
    const builds = [...new Set(group.map((cell) => cell.builtFor))];
    return {
      kind,
      builds: builds.length === 1 ? (builds[0] ?? '') : `${builds[0]} … ${builds.at(-1)} (${builds.length})`,
      strays: group.filter((cell) => cell.observed.loadable !== (cell.builtFor === cell.host)),
      refusals: [...groupBy(group.filter((cell) => !cell.observed.loadable), (cell) => cell.observed.stage)].map(([stage, refused]) => [stage, refused.length] as const),
      notAsExpected: group.filter((cell) => !cell.asExpected).length,
    };
  });
}

/** `0.23.1 also into 0.24.1, …` — the first few strays of a kind, and how many more. */
export function describeStrays(strays: readonly MatrixCell[], shown = 3): string {
  const listed = strays.slice(0, shown).map((cell) => `${cell.builtFor}${cell.observed.loadable ? ' also into ' : ' not into '}${cell.host}`);
  return listed.join(', ') + (strays.length > shown ? ` (+${strays.length - shown})` : '');
}
