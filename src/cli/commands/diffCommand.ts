import type { Command } from 'commander';
import { DIFF_FORMATS, type DiffFormat } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { addSelectionOptions, cacheDirFrom, formatOption, selectionFrom } from '../options.js';

export function diffCommand(program: Command, io: CliIo): void {
  const command = program
    .command('diff')
    .description("per kind, how the interface changed between two releases, and each kind's safe minimum at the second")
    .argument('<from>', 'a release of the table')
    .argument('<to>', 'a release of the table');
  addSelectionOptions(command, false)
    .option('--kind <kind>', 'only this kind')
    .addOption(formatOption(DIFF_FORMATS, 'text'))
    .action(async (from: string, to: string, raw: Record<string, unknown>) => {
      const [{ diffInterfaces }, { DIFF_RENDERERS }] = await Promise.all([import('../../app/diffInterfaces.js'), import('../../report/renderDiff.js')]);
      const selection = selectionFrom(raw);
      const report = await diffInterfaces({ from, to, kind: raw['kind'] === undefined ? undefined : String(raw['kind']), releases: selection.releases, tableDir: selection.tableDir, cacheDir: cacheDirFrom(raw, io) });
      io.stdout(DIFF_RENDERERS[raw['format'] as DiffFormat](report));
    });
}
