import path from 'node:path';
import type { Command } from 'commander';
import type { GeneratedFile } from '../../codegen/renderShims.js';
import type { GenerateTarget } from '../../report/renderGenerate.js';
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
      const [{ checkGenerated, writeGenerated }, { renderInterfaceHeaders }, { renderShims }, { selectKinds, selectReleases }, { generateExitCode, renderGenerate }, { readTable }, { readTemplates }] =
        await Promise.all([
          import('../../codegen/generatedFiles.js'),
          import('../../codegen/renderInterfaceHeader.js'),
          import('../../codegen/renderShims.js'),
          import('../../core/selectReleases.js'),
          import('../../report/renderGenerate.js'),
          import('../readTable.js'),
          import('../readTemplates.js'),
        ]);
      const selection = selectionFrom(raw);
      const table = await readTable(selection.tableDir, cacheDirFrom(raw, io));
      const releases = selectReleases(table, selection.releases);
      const chosen = { releases, kinds: selectKinds(releases, selection.kinds), interfaces: table.interfaces };
      const templates = await readTemplates({ shim: 'shim.ts.hbs', types: 'shim-types.ts.hbs', index: 'shim-index.ts.hbs', header: 'interface.hpp.hbs' });
      const outputs: Array<[string, string, GeneratedFile[]]> = [['TypeScript shims', String(raw['out']), renderShims(chosen, templates)]];
      if (raw['cppOut'] !== undefined) outputs.push(['C++ interface headers', String(raw['cppOut']), renderInterfaceHeaders(chosen, templates.header)]);
      const targets: GenerateTarget[] = [];
      for (const [label, folder, files] of outputs) {
        const dir = path.resolve(folder);
        const outcome = raw['check'] === true ? { mode: 'check' as const, findings: await checkGenerated(files, dir, folder) } : { mode: 'write' as const, ...(await writeGenerated(files, dir)) };
        targets.push({ label, folder, files: files.length, outcome });
      }
      io.stdout(renderGenerate(targets));
      setExitCode(generateExitCode(targets));
    });
}
