import { Option, type Command } from 'commander';
import { LAYOUTS, MATRIX_FORMAT_ALIASES } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { addBuildOptions, addSelectionOptions, addWhatIfOption, buildFrom, selectionFrom } from '../options.js';
import { addReportOptions } from '../writeOutput.js';

export function matrixCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('matrix')
    .description('build a fixture dynlib per kind and release, open each as every host release would, and check the loadable matrix');
  addWhatIfOption(addSelectionOptions(command));
  addReportOptions(addBuildOptions(command), MATRIX_FORMAT_ALIASES)
    .addOption(new Option('--layout <layout>', 'text and markdown layout: a grid of hosts, or one line per kind (auto: grid up to 8 hosts)').choices(LAYOUTS).default('auto'))
    .option('--update', 'rewrite the expected matrix (<table>/expected/matrix.json) with what was observed', false)
    .option('--recheck', 'open every library for real, instead of reusing what opening the same bytes did before', false)
    .option('--shard <i/n>', 'build and judge only the i-th of n shares of the fixtures, each against every host (for CI machines; see mesos-matrix plan and merge)')
    .action(async (raw: Record<string, unknown>, self: Command) => {
      const [{ runMatrix }, { createBuildProgress }, { matrixExitCode }, { writeMatrixReport }] = await Promise.all([
        import('../../app/runMatrix.js'),
        import('../buildProgress.js'),
        import('../../core/matrixRun.js'),
        import('../writeMatrixReport.js'),
      ]);
      const progress = createBuildProgress(io);
      const selection = selectionFrom(raw);
      const run = await runMatrix({ ...selection, ...buildFrom(raw, io), update: raw['update'] === true, recheck: raw['recheck'] === true, shard: raw['shard'] as string | undefined, env: io.env, onBuildEvent: progress.onEvent }).finally(progress.stop);
      await writeMatrixReport(io, raw, self, run, selection.tableDir);
      setExitCode(matrixExitCode(run));
    });
}
