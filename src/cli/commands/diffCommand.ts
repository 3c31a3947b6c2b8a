import type { Command } from 'commander';
import type { CliIo } from '../cliIo.js';
import { addReleasesOption, addTableOptions, cacheDirFrom, projectFrom } from '../options.js';
import { addReportOptions, reportTargetFrom, writeReport } from '../writeOutput.js';

export function diffCommand(program: Command, io: CliIo): void {
  const command = program
    .command('diff')
    .description("per kind, how the interface changed between two releases, and each kind's safe minimum at the second")
    .argument('<from>', 'a release of the table')
    .argument('<to>', 'a release of the table');
  // One kind (--kind), not a selection of kinds: --kinds and --only are not taken.
  addReportOptions(addReleasesOption(addTableOptions(command), 'default', 'the releases safe minimums are counted over').option('--kind <kind>', 'only this kind')).action(
    async (from: string, to: string, raw: Record<string, unknown>) => {
      const [{ diffInterfaces }, { DIFF_RENDERERS }] = await Promise.all([import('../../app/diffInterfaces.js'), import('../../report/renderDiff.js')]);
      const report = await diffInterfaces({
        from,
        to,
        kind: raw['kind'] === undefined ? undefined : String(raw['kind']),
        releases: String(raw['releases']),
        tableDir: projectFrom(raw).tableDir,
        cacheDir: cacheDirFrom(raw, io),
      });
      await writeReport(io, reportTargetFrom(raw), (format) => DIFF_RENDERERS[format](report));
    },
  );
}
