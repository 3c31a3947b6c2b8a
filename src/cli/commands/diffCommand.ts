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
      const [{ diffReleases, safeMinimum }, { findRelease, selectKinds, selectReleases }, { DIFF_RENDERERS }, { readTable }] = await Promise.all([
        import('../../core/diffInterfaces.js'),
        import('../../core/selectReleases.js'),
        import('../../report/renderDiff.js'),
        import('../readTable.js'),
      ]);
      const selection = selectionFrom(raw);
      const table = await readTable(selection.tableDir, cacheDirFrom(raw, io));
      const [a, b] = [findRelease(table, from, 'diff'), findRelease(table, to, 'diff')];
      const kinds = raw['kind'] === undefined ? undefined : selectKinds([a, b], String(raw['kind']));
      // Safe minimums are counted over the selected releases, up to and including <to>.
      const within = [...new Set([...selectReleases(table, selection.releases), b])].filter((release) => table.releases.indexOf(release) <= table.releases.indexOf(b));
      within.sort((x, y) => table.releases.indexOf(x) - table.releases.indexOf(y));
      const safeMinimums = Object.fromEntries([...b.host.kinds.keys()].filter((kind) => !kinds || kinds.has(kind)).sort().map((kind) => [kind, safeMinimum(within, table.interfaces, kind, b.release)]));
      const report = { from, to, kinds: diffReleases(a, b, table.interfaces, kinds), safeMinimums, within: selection.releases };
      io.stdout(DIFF_RENDERERS[raw['format'] as DiffFormat](report));
    });
}
