import type { Command } from 'commander';
import { planMatrix } from '../../core/planMatrix.js';
import { selectMatrix } from '../../core/selectMatrix.js';
import { LIST_FORMATS, LIST_RENDERERS, type ListFormat } from '../../report/renderList.js';
import type { CliIo } from '../cliIo.js';
import { addSelectionOptions, cacheDirFrom, formatOption, selectionFrom } from '../options.js';
import { readTable } from '../readTable.js';

export function listCommand(program: Command, io: CliIo): void {
  const command = program.command('list').description('print the releases, kinds and cells a selection yields (the ids --only takes); builds nothing');
  addSelectionOptions(command)
    .addOption(formatOption(LIST_FORMATS, 'text'))
    .action(async (raw: Record<string, unknown>) => {
      const selection = selectionFrom(raw);
      const plan = planMatrix(selectMatrix(await readTable(selection.tableDir, cacheDirFrom(raw, io)), selection));
      io.stdout(LIST_RENDERERS[raw['format'] as ListFormat](plan));
    });
}
