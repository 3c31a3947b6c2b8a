import type { Command } from 'commander';
import type { MatrixRun } from '../core/matrixRun.js';
import type { Layout } from '../report/formats.js';
import type { CliIo } from './cliIo.js';
import { reportColor, reportTargetFrom, writeReport } from './writeOutput.js';

/** Renders a matrix run in the format asked for and writes it (`--output`, the step summary): what `matrix` and `merge` share. */
export async function writeMatrixReport(io: CliIo, raw: Record<string, unknown>, self: Command, run: MatrixRun, tableDir: string): Promise<void> {
  const [{ MATRIX_RENDERERS }, { tableLocator }] = await Promise.all([import('../report/matrixFormats.js'), import('../app/tableLocator.js')]);
  const target = reportTargetFrom(raw);
  const options = {
    color: reportColor(self, io, target),
    layout: raw['layout'] as Layout,
    locate: tableLocator(tableDir, process.cwd()),
    // A summarised Markdown grid names the file holding every cell, when the run wrote one.
    fullReport: target.format === 'markdown' ? null : (target.output ?? null),
  };
  await writeReport(io, target, (format) => MATRIX_RENDERERS[format](run, options));
}
