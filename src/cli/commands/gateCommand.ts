import type { Command } from 'commander';
import { GATE_FORMATS, type GateFormat } from '../../report/gateFormats.js';
import type { CliIo } from '../cliIo.js';
import { cacheDirFrom, formatOption } from '../options.js';

export function gateCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('gate')
    .description('the CI gate on a change to the kind table: what changed, unsound admissions, missing bumps, stale shims and expected matrix')
    .option('--base <git-ref>', 'the revision to compare the working tree with (default: the merge base with origin/HEAD, main or master; HEAD~1 on that branch)')
    .option('--root <dir>', 'the folder holding versions/ and src/shims/, inside a git repository', '.')
    .option('--cache-dir <dir>', 'where schema validators are kept (env MESOS_MATRIX_CACHE)')
    .addOption(formatOption(GATE_FORMATS, 'text'))
    .action(async (raw: Record<string, unknown>) => {
      const [{ gate }, { GATE_RENDERERS, gateExitCode }] = await Promise.all([import('../../app/gate.js'), import('../../report/renderGate.js')]);
      const result = await gate({ root: String(raw['root']), base: raw['base'] === undefined ? undefined : String(raw['base']), cacheDir: cacheDirFrom(raw, io) });
      io.stdout(GATE_RENDERERS[raw['format'] as GateFormat](result));
      setExitCode(gateExitCode(result));
    });
}
