import path from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../cliIo.js';
import { cacheDirFrom } from '../options.js';
import { addReportOptions, reportColor, reportTargetFrom, writeReport } from '../writeOutput.js';

export function gateCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('gate')
    .description('the CI gate on a change to the kind table: what changed, unsound admissions, missing bumps, stale shims and expected matrix')
    .option('--base <git-ref>', 'the revision to compare the working tree with (default: the merge base with origin/HEAD, main or master; HEAD~1 on that branch)')
    .option('--root <dir>', 'the folder holding versions/ and src/shims/, inside a git repository', '.')
    .option('--cache-dir <dir>', 'where schema validators are kept (env MESOS_MATRIX_CACHE)');
  addReportOptions(command).action(async (raw: Record<string, unknown>, self: Command) => {
    const [{ gate }, { GATE_RENDERERS }, { gateExitCode }, { tableLocator }] = await Promise.all([
      import('../../app/gate.js'),
      import('../../report/gateFormats.js'),
      import('../../report/renderGateSummary.js'),
      import('../../app/tableLocator.js'),
    ]);
    const root = String(raw['root']);
    const result = await gate({ root, base: raw['base'] === undefined ? undefined : String(raw['base']), cacheDir: cacheDirFrom(raw, io) });
    const target = reportTargetFrom(raw);
    // Findings name files relative to --root; annotations name them relative to the working directory, as GitHub resolves them.
    const options = { color: reportColor(self, io, target), locate: tableLocator(path.join(path.resolve(root), 'versions'), process.cwd()) };
    await writeReport(io, target, (format) => GATE_RENDERERS[format](result, options));
    setExitCode(gateExitCode(result));
  });
}
