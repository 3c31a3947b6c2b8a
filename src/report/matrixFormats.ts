import type { MatrixRun } from '../core/matrixRun.js';
import { renderMatrixJson } from './renderMatrixJson.js';
import { renderMatrixTable, type TableOptions } from './renderMatrixTable.js';

import type { MatrixFormat } from './formats.js';

/** Renderers return strings; only the CLI writes them. A format missing here fails to compile. */
export const MATRIX_RENDERERS = {
  text: renderMatrixTable,
  json: (run) => renderMatrixJson(run),
} as const satisfies Record<MatrixFormat, (run: MatrixRun, options: TableOptions) => string>;
