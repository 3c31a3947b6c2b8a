import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { LAYOUTS, MATRIX_FORMAT_ALIASES, MATRIX_FORMATS, type Layout, type MatrixFormat } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { addTableOptions, cacheDirFrom, colorFrom, formatOption, projectFrom } from '../options.js';

export function mergeCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('merge')
    .description('combine the JSON of every matrix --shard i/n run into the whole matrix, judged once as an unsharded run would be')
    .argument('<files...>', 'the shard reports (matrix --shard i/n --format json), every shard once');
  addTableOptions(command)
    .addOption(formatOption(MATRIX_FORMATS, 'text', MATRIX_FORMAT_ALIASES))
    .addOption(new Option('--layout <layout>', 'text layout: a grid of hosts, or one line per kind (auto: grid up to 8 hosts)').choices(LAYOUTS).default('auto'))
    .option('--update', 'rewrite the expected matrix (<table>/expected/matrix.json) with what the shards observed', false)
    .option('--output <file>', 'write the report to this file instead of stdout')
    .action(async (files: string[], raw: Record<string, unknown>, self: Command) => {
      const [{ mergeShards }, { MATRIX_RENDERERS }, { matrixExitCode }] = await Promise.all([
        import('../../app/mergeShards.js'),
        import('../../report/matrixFormats.js'),
        import('../../core/matrixRun.js'),
      ]);
      const run = await mergeShards({ files, ...projectFrom(raw), cacheDir: cacheDirFrom(raw, io), update: raw['update'] === true });
      const output = raw['output'] === undefined ? null : String(raw['output']);
      // A file is read later, elsewhere: no terminal colours in it.
      const report = MATRIX_RENDERERS[raw['format'] as MatrixFormat](run, { color: output === null && colorFrom(self, io), layout: raw['layout'] as Layout });
      if (output === null) io.stdout(report);
      else {
        await writeFile(output, report).catch((error: Error) => {
          throw new UsageError(`--output ${output}: cannot write: ${error.message}`, 'give a file in a folder that exists and is writable');
        });
      }
      setExitCode(matrixExitCode(run));
    });
}
