import { Option, type Command } from 'commander';
import { LAYOUTS, MATRIX_FORMAT_ALIASES } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { addTableOptions, cacheDirFrom, projectFrom } from '../options.js';
import { addReportOptions } from '../writeOutput.js';

export function mergeCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('merge')
    .description('combine the JSON of every matrix --shard i/n run into the whole matrix, judged once as an unsharded run would be')
    .argument('<files...>', 'the shard reports (matrix --shard i/n --format json), every shard once');
  addReportOptions(addTableOptions(command), MATRIX_FORMAT_ALIASES)
    .addOption(new Option('--layout <layout>', 'text layout: a grid of hosts, or one line per kind (auto: grid up to 8 hosts)').choices(LAYOUTS).default('auto'))
    .option('--update', 'rewrite the expected matrix (<table>/expected/matrix.json) with what the shards observed', false)
    .action(async (files: string[], raw: Record<string, unknown>, self: Command) => {
      const [{ mergeShards }, { matrixExitCode }, { writeMatrixReport }] = await Promise.all([import('../../app/mergeShards.js'), import('../../core/matrixRun.js'), import('../writeMatrixReport.js')]);
      const project = projectFrom(raw);
      const run = await mergeShards({ files, ...project, cacheDir: cacheDirFrom(raw, io), update: raw['update'] === true });
      await writeMatrixReport(io, raw, self, run, project.tableDir);
      setExitCode(matrixExitCode(run));
    });
}
