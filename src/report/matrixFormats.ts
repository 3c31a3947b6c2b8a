import type { MatrixRun } from '../core/matrixRun.js';
import type { MatrixFormat } from './formats.js';
import type { MatrixReportOptions } from './matrixReportOptions.js';
import { renderMatrixGithub } from './renderMatrixGithub.js';
import { renderMatrixHtml } from './renderMatrixHtml.js';
import { renderMatrixJson } from './renderMatrixJson.js';
import { renderMatrixJunit } from './renderMatrixJunit.js';
import { renderMatrixMarkdown } from './renderMatrixMarkdown.js';
import { renderMatrixTable } from './renderMatrixTable.js';

/** Renderers return strings; only the CLI writes them. A format missing here fails to compile. */
export const MATRIX_RENDERERS = {
  text: renderMatrixTable,
  json: (run) => renderMatrixJson(run),
  markdown: renderMatrixMarkdown,
  junit: (run) => renderMatrixJunit(run),
  github: renderMatrixGithub,
  html: (run) => renderMatrixHtml(run),
} as const satisfies Record<MatrixFormat, (run: MatrixRun, options: MatrixReportOptions) => string>;
