import type { Command } from 'commander';
import type { CliIo } from '../cliIo.js';
import { addReleasesOption, cacheDirFrom } from '../options.js';

export function initCommand(program: Command, io: CliIo): void {
  const command = program
    .command('init')
    .description("lay out a project's own version table (versions/) for the chosen releases, from this package's, ready for matrix --root")
    .option('--root <dir>', 'the folder to write into (created if missing)', '.')
    .option('--force', 'overwrite files that exist', false);
  addReleasesOption(command, 'default', 'the releases to start from').action(async (raw: Record<string, unknown>) => {
    const [{ initProject }, { renderInit }] = await Promise.all([import('../../app/initProject.js'), import('../../report/renderInit.js')]);
    const root = String(raw['root']);
    const summary = await initProject({ root, releases: String(raw['releases']), force: raw['force'] === true, cacheDir: cacheDirFrom(raw, io) });
    io.stdout(renderInit(summary, root));
  });
}
