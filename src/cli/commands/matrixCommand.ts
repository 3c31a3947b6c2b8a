import { Option, type Command } from 'commander';
import { LAYOUTS, MATRIX_FORMAT_ALIASES, type Layout } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { addBuildOptions, addSelectionOptions, addWhatIfOption, buildFrom, selectionFrom } from '../options.js';
import { addReportOptions, reportColor, reportTargetFrom, writeReport } from '../writeOutput.js';

export function matrixCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('matrix')
    .description('build a fixture dynlib per kind and release, open each as every host release would, and check the loadable matrix');
  addWhatIfOption(addSelectionOptions(command));
  addReportOptions(addBuildOptions(command), MATRIX_FORMAT_ALIASES)
    .addOption(new Option('--layout <layout>', 'text and markdown layout: a grid of hosts, or one line per kind (auto: grid up to 8 hosts)').choices(LAYOUTS).default('auto'))
    .option('--update', 'rewrite the expected matrix (<table>/expected/matrix.json) with what was observed', false)
    .action(async (raw: Record<string, unknown>, self: Command) => {
      const [{ runMatrix }, { createBuildProgress }, { MATRIX_RENDERERS }, { matrixExitCode }, { tableLocator }] = await Promise.all([
        import('../../app/runMatrix.js'),
        import('../buildProgress.js'),
        import('../../report/matrixFormats.js'),
        import('../../core/matrixRun.js'),
        import('../../app/tableLocator.js'),
      ]);
      const progress = createBuildProgress(io);
      const selection = selectionFrom(raw);
      const run = await runMatrix({ ...selection, ...buildFrom(raw, io), update: raw['update'] === true, env: io.env, onBuildEvent: progress.onEvent }).finally(progress.stop);
      const target = reportTargetFrom(raw);
      const options = {
        color: reportColor(self, io, target),
        layout: raw['layout'] as Layout,
        locate: tableLocator(selection.tableDir, process.cwd()),
        // A summarised Markdown grid names the file holding every cell, when the run wrote one.
        fullReport: target.format === 'markdown' ? null : (target.output ?? null),
      };
      await writeReport(io, target, (format) => MATRIX_RENDERERS[format](run, options));
      setExitCode(matrixExitCode(run));
    });
}
