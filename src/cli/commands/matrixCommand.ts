import { Option, type Command } from 'commander';
import { LAYOUTS, MATRIX_FORMAT_ALIASES, MATRIX_FORMATS, type Layout, type MatrixFormat } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { addBuildOptions, addSelectionOptions, addWhatIfOption, buildFrom, colorFrom, formatOption, selectionFrom } from '../options.js';

export function matrixCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('matrix')
    .description('build a fixture dynlib per kind and release, open each as every host release would, and check the loadable matrix');
  addWhatIfOption(addSelectionOptions(command));
  addBuildOptions(command)
    .addOption(formatOption(MATRIX_FORMATS, 'text', MATRIX_FORMAT_ALIASES))
    .addOption(new Option('--layout <layout>', 'text layout: a grid of hosts, or one line per kind (auto: grid up to 8 hosts)').choices(LAYOUTS).default('auto'))
    .option('--update', 'rewrite the expected matrix (<table>/expected/matrix.json) with what was observed', false)
    .option('--shard <i/n>', 'build and judge only the i-th of n shares of the fixtures, each against every host (for CI machines; see mesos-matrix plan and merge)')
    .action(async (raw: Record<string, unknown>, self: Command) => {
      const [{ runMatrix }, { createBuildProgress }, { MATRIX_RENDERERS }, { matrixExitCode }] = await Promise.all([
        import('../../app/runMatrix.js'),
        import('../buildProgress.js'),
        import('../../report/matrixFormats.js'),
        import('../../core/matrixRun.js'),
      ]);
      const progress = createBuildProgress(io);
      const run = await runMatrix({ ...selectionFrom(raw), ...buildFrom(raw, io), update: raw['update'] === true, shard: raw['shard'] as string | undefined, env: io.env, onBuildEvent: progress.onEvent }).finally(progress.stop);
      io.stdout(MATRIX_RENDERERS[raw['format'] as MatrixFormat](run, { color: colorFrom(self, io), layout: raw['layout'] as Layout }));
      setExitCode(matrixExitCode(run));
    });
}
