import { Option, type Command } from 'commander';
import type { CliIo } from '../cliIo.js';
import { addBuildOptions, addReleasesOption, addTableOptions, buildFrom, projectFrom } from '../options.js';
import { addReportOptions, reportColor, reportTargetFrom, writeReport } from '../writeOutput.js';

export function checkCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('check')
    .description('what a Mesos release would do with a --modules configuration and its real libraries: loads, or the exact error and every further problem')
    .option('--modules <value>', 'the configuration as Mesos takes it: inline JSON, file:///path or /path')
    .option('--modules-dir <dir>', 'a folder of configurations, as --modules_dir (Mesos 1.0.0 on)')
    .option('--mesos <release>', 'one release (default: every release of --releases)')
    .addOption(new Option('--binary <program>', 'the program that reads --modules: names it in errors about an empty "file"').choices(['agent', 'master']).default('agent'))
    .option('--strict', "also refuse what Mesos accepts but this tool warns about: unknown keys, a library with both file and name")
    .option('--stub-missing', 'open stand-ins for missing needed libraries (libmesos-X.so) and undefined Mesos symbols first, so that real modules can be read');
  addReportOptions(addReleasesOption(command, 'all', 'the releases to check without --mesos'));
  addBuildOptions(addTableOptions(command)).action(async (raw: Record<string, unknown>, self: Command) => {
    const [{ checkModules }, { CHECK_RENDERERS }, { checkExitCode }] = await Promise.all([import('../../app/checkModules.js'), import('../../report/renderCheck.js'), import('../../core/checkRun.js')]);
    const optional = (key: string) => (raw[key] === undefined ? undefined : String(raw[key]));
    const run = await checkModules({
      modules: optional('modules'),
      modulesDir: optional('modulesDir'),
      mesos: optional('mesos'),
      releases: String(raw['releases']),
      strict: raw['strict'] === true,
      binary: raw['binary'] === 'master' ? 'master' : 'agent',
      stubMissing: raw['stubMissing'] === true,
      tableDir: projectFrom(raw).tableDir,
      ...buildFrom(raw, io),
    });
    for (const warning of run.warnings) io.stderr(`mesos-matrix: warning: ${warning}\n`);
    const target = reportTargetFrom(raw);
    const color = reportColor(self, io, target);
    await writeReport(io, target, (format) => CHECK_RENDERERS[format](run, color));
    setExitCode(checkExitCode(run));
  });
}
