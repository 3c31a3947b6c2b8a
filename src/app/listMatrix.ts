import { planMatrix, type MatrixPlan } from '../core/planMatrix.js';
import { selectMatrix, type SelectionOptions } from '../core/selectMatrix.js';
import { readTable } from './readTable.js';

/** What `listMatrix` reads: a selection and where the table and cache are. */
export interface ListOptions extends SelectionOptions {
  /** The version table folder (`versions/`). */
  readonly tableDir: string;
  /** Where derived files (compiled schema validators) are kept. */
  readonly cacheDir: string;
}

/** The releases, kinds, cells and scenario rows a selection yields, without building anything. */
export async function listMatrix(options: ListOptions): Promise<MatrixPlan> {
  return planMatrix(selectMatrix(await readTable(options.tableDir, options.cacheDir), options));
}
