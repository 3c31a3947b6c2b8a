import type { MatrixPlan } from '../core/planMatrix.js';
import { planRun, type PlanRunOptions } from './planRun.js';

/** What `listMatrix` reads: a selection and where the table and cache are (the plan stage's options). */
export type ListOptions = PlanRunOptions;

/** The releases, kinds, cells and scenario rows a selection yields, without building anything: the plan stage alone. */
export async function listMatrix(options: ListOptions): Promise<MatrixPlan> {
  return (await planRun(options)).plan;
}
