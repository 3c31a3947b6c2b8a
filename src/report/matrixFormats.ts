import type { MatrixRun } from '../core/matrixRun.js';
import { renderMatrixJson } from './renderMatrixJson.js';
import { renderMatrixTable, type TableOptions } from './renderMatrixTable.js';

export const MATRIX_FORMATS = ['table', 'json'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

/** Renderers return strings; only the CLI writes them. A format missing here fails to compile. */
export const MATRIX_RENDERERS = {
  table: renderMatrixTable,
  json: (run) => renderMatrixJson(run),
} as const satisfies Record<MatrixFormat, (run: MatrixRun, options: TableOptions) => string>;
