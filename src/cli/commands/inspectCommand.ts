import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { INSPECT_FORMATS, type InspectFormat } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { useColor } from '../color.js';
import { addBuildOptions, addReleasesOption, addTableOptions, buildFrom, formatOption, projectFrom } from '../options.js';

export function inspectCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('inspect')
    .description("what a module library is (ELF facts, needed libraries, candidate modules), what its manifests say, and each release's verdict")
    .argument('<library...>', 'module libraries (.so files)')
    .addOption(formatOption(INSPECT_FORMATS, 'text'))
    .option('--no-exec', 'static facts only: no code of the library runs (no manifest, no verdicts)')
    .option('--stub-missing', "open stand-ins for missing needed libraries (libmesos-X.so) and undefined Mesos symbols first, so that the manifests can be read");
  addBuildOptions(addTableOptions(addReleasesOption(command, 'default', 'the releases to judge each module against'))).action(async (libraries: string[], raw: Record<string, unknown>, self: Command) => {
    const [{ inspectLibraries }, { INSPECT_RENDERERS }, { inspectExitCode }] = await Promise.all([import('../../app/inspectLibraries.js'), import('../../report/renderInspect.js'), import('../../core/inspectRun.js')]);
    // --no-exec runs no code of a library, and stand-ins serve only a library that is opened.
    if (raw['exec'] === false && raw['stubMissing'] === true) throw new UsageError('--stub-missing opens the library with stand-ins, but --no-exec opens nothing', 'leave out one of them');
    const run = await inspectLibraries({
      libraries,
      releases: String(raw['releases']),
      exec: raw['exec'] !== false,
      stubMissing: raw['stubMissing'] === true,
      tableDir: projectFrom(raw).tableDir,
      env: io.env,
      ...buildFrom(raw, io),
    });
    const flag = self.optsWithGlobals()['color'];
    io.stdout(INSPECT_RENDERERS[raw['format'] as InspectFormat](run, useColor(typeof flag === 'boolean' ? flag : undefined, io.env, io.isTTY)));
    setExitCode(inspectExitCode(run));
  });
}
