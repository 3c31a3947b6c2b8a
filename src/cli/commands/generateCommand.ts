import type { Command } from 'commander';
import type { CliIo } from '../cliIo.js';
import { addSelectionOptions, cacheDirFrom, selectionFrom } from '../options.js';

export function generateCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('generate')
    .description('generate per-release interface shims: TypeScript (and C++ headers with --cpp-out) from the version table');
  addSelectionOptions(command, false)
    .option('--out <dir>', 'where the TypeScript shims go', 'src/shims')
    .option('--cpp-out <dir>', 'also write one C++ interface header per release and kind here')
    .option('--check', 'write nothing; exit 1 listing stale, missing and orphaned files with a diff', false)
    .action(async (raw: Record<string, unknown>) => {
      const [{ generateShims }, { generateExitCode, renderGenerate }] = await Promise.all([import('../../app/generateShims.js'), import('../../report/renderGenerate.js')]);
      const selection = selectionFrom(raw);
      const targets = await generateShims({
        releases: selection.releases,
        kinds: selection.kinds,
        out: String(raw['out']),
        cppOut: raw['cppOut'] === undefined ? undefined : String(raw['cppOut']),
        check: raw['check'] === true,
        tableDir: selection.tableDir,
        cacheDir: cacheDirFrom(raw, io),
      });
      io.stdout(renderGenerate(targets));
      setExitCode(generateExitCode(targets));
    });
}
