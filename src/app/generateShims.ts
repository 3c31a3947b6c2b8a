import path from 'node:path';
import { checkGenerated, writeGenerated } from '../codegen/generatedFiles.js';
import { renderInterfaceHeaders } from '../codegen/renderInterfaceHeader.js';
import { renderShims, type GeneratedFile } from '../codegen/renderShims.js';
import { selectKinds, selectReleases } from '../core/selectReleases.js';
import type { GenerateTarget } from '../report/renderGenerate.js';
import { readTable } from './readTable.js';
import { readTemplates } from './readTemplates.js';

/** What `generateShims` renders and where it goes. */
export interface GenerateOptions {
  /** `--releases` (default `default`). */
  readonly releases: string;
  /** `--kinds`, comma-separated (default: every kind of the selected releases). */
  readonly kinds: string | undefined;
  /** Where the TypeScript shims go, as given (shown in findings) and resolved against `cwd`. */
  readonly out: string;
  /** Where the C++ interface headers go, if wanted. */
  readonly cppOut: string | undefined;
  /** Write nothing; report stale, missing and orphaned files. */
  readonly check: boolean;
  readonly tableDir: string;
  readonly cacheDir: string;
}

/** Renders the per-release interface shims (and C++ headers) and writes them, or checks them against disk. */
export async function generateShims(options: GenerateOptions): Promise<GenerateTarget[]> {
  const table = await readTable(options.tableDir, options.cacheDir);
  const releases = selectReleases(table, options.releases);
  const chosen = { releases, kinds: selectKinds(releases, options.kinds), interfaces: table.interfaces };
  const templates = await readTemplates({ shim: 'shim.ts.hbs', types: 'shim-types.ts.hbs', index: 'shim-index.ts.hbs', header: 'interface.hpp.hbs' });
  const outputs: Array<[string, string, GeneratedFile[]]> = [['TypeScript shims', options.out, renderShims(chosen, templates)]];
  if (options.cppOut !== undefined) outputs.push(['C++ interface headers', options.cppOut, renderInterfaceHeaders(chosen, templates.header)]);
  const targets: GenerateTarget[] = [];
  for (const [label, folder, files] of outputs) {
    const dir = path.resolve(folder);
    const outcome = options.check ? { mode: 'check' as const, findings: await checkGenerated(files, dir, folder) } : { mode: 'write' as const, ...(await writeGenerated(files, dir)) };
    targets.push({ label, folder, files: files.length, outcome });
  }
  return targets;
}
