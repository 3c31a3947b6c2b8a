import type { MatrixPlan, MatrixSelection } from '../core/planMatrix.js';
import { planMatrix } from '../core/planMatrix.js';
import { selectMatrix, type SelectionOptions } from '../core/selectMatrix.js';
import type { VersionTable } from '../core/versionTable.js';
import { readTable } from './readTable.js';

/** The plan stage: where the table is, and what to select from it. */
export interface PlanRunOptions extends SelectionOptions {
  /** The version table folder (`versions/`). */
  readonly tableDir: string;
  /** Where derived files (compiled schema validators) are kept. */
  readonly cacheDir: string;
}

/** What every matrix pipeline starts from: the table read and validated, the selection resolved, the plan made. */
export interface PlannedRun {
  readonly table: VersionTable;
  readonly selection: MatrixSelection;
  readonly plan: MatrixPlan;
}

/** The plan stage of `matrix`, `merge` and `plan`: read → select → plan (the last two pure). */
export async function planRun(options: PlanRunOptions): Promise<PlannedRun> {
  const table = await readTable(options.tableDir, options.cacheDir);
  const selection = selectMatrix(table, options);
  return { table, selection, plan: planMatrix(selection) };
}
