import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, UsageError } from '../core/errors.js';
import { evaluateMatrix, type MatrixCell, type MatrixResult } from '../core/evaluateMatrix.js';
import { groupBy } from '../core/groupBy.js';
import { formatExpectedMatrix, unrecordableCells, updateExpected } from '../core/expectedMatrix.js';
import type { FixtureRecord, MatrixRun } from '../core/matrixRun.js';
import type { PlannedRun } from './planRun.js';

/** The evaluate stage's options. */
export interface EvaluateRunOptions {
  /** The version table folder, whose `expected/matrix.json` `--update` rewrites. */
  readonly tableDir: string;
  /** `--update`: rewrite the expected matrix with what was observed. */
  readonly update: boolean;
}

/** `--update` records the real kind tables: refused with `--what-if` before any work. */
export function refuseUpdateWithWhatIf(update: boolean, whatIf: readonly string[]): void {
  if (update && whatIf.length > 0) {
    throw new UsageError('--update records the real kind tables; it cannot be combined with --what-if', 'run --update without --what-if');
  }
}

/**
 * The evaluate stage of `matrix` and `merge`: judges the observed fixtures against the table,
 * the committed expected matrix and the documentation (pure, in core) and, with `--update`,
 * rewrites the expected matrix once and judges again against what it recorded.
 */
export async function evaluateRun(
  { table, plan }: Pick<PlannedRun, 'table' | 'plan'>,
  fixtures: readonly FixtureRecord[],
  options: EvaluateRunOptions,
): Promise<{ result: MatrixResult; updated: MatrixRun['updated']; expectedFile: string }> {
  const expectedPath = path.join(options.tableDir, 'expected', 'matrix.json');
  const expectedFile = path.join(path.basename(options.tableDir), 'expected', 'matrix.json');
  const opened = new Map(fixtures.map((fixture) => [fixture.spec.id, fixture]));
  // The committed expected matrix describes the real kind tables, not a --what-if.
  const committed = plan.whatIf.length > 0 ? null : table.expected;
  const first = evaluateMatrix(plan, opened, committed);
  if (!options.update) return { result: first, updated: null, expectedFile };
  refuseUnrecordable(first, expectedFile);
  const recorded = updateExpected(table.expected, first);
  await writeFile(expectedPath, formatExpectedMatrix(recorded)).catch((error: Error) => {
    throw new ConfigError(`--update cannot write ${expectedPath}: ${error.message}`, 'make the file writable, or run without --update');
  });
  const changedCells = first.cells.filter((cell) => cell.expected !== cell.observed.stage).length;
  return { result: evaluateMatrix(plan, opened, recorded), updated: { changedCells }, expectedFile };
}

const SHOWN = 10;

/** `--update` records what releases decide; a failed build or probe is refused before anything is written. */
function refuseUnrecordable(result: MatrixResult, expectedFile: string): void {
  const refused = unrecordableCells(result);
  if (refused.length === 0) return;
  // One line per fixture and what happened to it: a build that failed fails on every host alike.
  const groups = [...groupBy(refused, (cell) => JSON.stringify([cell.fixture, cell.observed.stage, cell.observed.message])).values()];
  const lines = groups.slice(0, SHOWN).map((cells) => {
    const [{ fixture, observed }] = cells as [MatrixCell, ...MatrixCell[]];
    return `  ${fixture}@${cells.map((cell) => cell.host).join(',')}: ${observed.stage}: ${observed.message}`;
  });
  if (groups.length > SHOWN) lines.push(`  … and ${groups.length - SHOWN} more fixtures`);
  throw new UsageError(
    `--update refuses to record ${refused.length === 1 ? '1 cell' : `${refused.length} cells`} whose fixture did not build or whose probe failed; ${expectedFile} records only what Mesos releases decide, and was not changed:\n${lines.join('\n')}`,
    'fix what failed (the compiler, the templates, or what crashed the probe), check that the run shows no compile, crash, timeout or protocol cells, then run --update again',
  );
}
