import type { Command } from 'commander';
import { LIST_FORMATS, type ListFormat } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { addSelectionOptions, cacheDirFrom, formatOption, selectionFrom } from '../options.js';

export function listCommand(program: Command, io: CliIo): void {
  const command = program.command('list').description('print the releases, kinds and cells a selection yields (the ids --only takes); builds nothing');
  addSelectionOptions(command)
    .addOption(formatOption(LIST_FORMATS, 'text'))
    .action(async (raw: Record<string, unknown>) => {
      const [{ listMatrix }, { LIST_RENDERERS }] = await Promise.all([import('../../app/listMatrix.js'), import('../../report/renderList.js')]);
      const plan = await listMatrix({ ...selectionFrom(raw), cacheDir: cacheDirFrom(raw, io) });
      io.stdout(LIST_RENDERERS[raw['format'] as ListFormat](plan));
    });
}
