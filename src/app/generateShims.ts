import { GENERATE_TEMPLATES } from '../codegen/fixtureTemplates.js';
import { checkGenerated, planOutput, writeGenerated } from '../codegen/generatedFiles.js';
import { readManifest, type GeneratedManifest } from '../codegen/generatedManifest.js';
import type { GenerateSelection } from '../codegen/generateSelection.js';
import { refuseNested, resolveOutputFolder } from '../codegen/outputFolder.js';
import { renderCppHeaders } from '../codegen/renderCppHeaders.js';
import { renderShims, type GeneratedFile } from '../codegen/renderShims.js';
import { selectKinds, selectReleases } from '../core/selectReleases.js';
import type { VersionTable } from '../core/versionTable.js';
import type { GenerateLang } from '../report/formats.js';
import type { GenerateTarget } from '../report/renderGenerate.js';
import { readTable } from './readTable.js';
import { readTemplates } from './readTemplates.js';

/** What `generateShims` renders and where it goes. */
export interface GenerateOptions {
  /** `--releases`: a set, list or range (`all` is what the package ships in `src/shims`). */
  readonly releases: string;
  /** `--kinds`, comma-separated; `undefined` for every kind of the selected releases. */
  readonly kinds: string | undefined;
  /** `--lang`: TypeScript shims into `out`, C++ headers into `cppOut`, or both. */
  readonly langs: readonly GenerateLang[];
  /** Where the TypeScript shims go, as given (shown in the report), resolved against `cwd` (`src/shims`). */
  readonly out: string;
  /** Where the C++ headers go, likewise (`include/mesos-matrix`). */
  readonly cppOut: string;
  /** Write nothing; report stale, missing, blocked and orphaned files. */
  readonly check: boolean;
  /** Remove the files the folder's manifest lists that this run does not generate (otherwise they are kept, and regenerated). */
  readonly prune: boolean;
  readonly cwd: string;
  readonly tableDir: string;
  readonly cacheDir: string;
  /** The Handlebars templates (the package's `templates/`). */
  readonly templatesDir: string;
}

const TARGETS = {
  ts: { flag: '--out', label: 'TypeScript shims', suggestion: 'src/shims', folder: (options: GenerateOptions) => options.out, extension: 'ts' },
  cpp: { flag: '--cpp-out', label: 'C++ headers', suggestion: 'include/mesos-matrix', folder: (options: GenerateOptions) => options.cppOut, extension: 'hpp' },
} as const satisfies Record<GenerateLang, unknown>;

/**
 * Renders the per-release TypeScript shims and/or C++ headers and writes them, or checks them
 * against disk. Each output folder keeps a manifest of what was generated there: only those
 * files are ever rewritten or (with `prune`) removed, and the releases and kinds it lists are
 * regenerated alongside the ones asked for, so a narrower `--releases` keeps the others.
 * A caller that has already read the table at `options.tableDir` (the gate) passes it as `read`.
 */
export async function generateShims(options: GenerateOptions, read?: VersionTable): Promise<GenerateTarget[]> {
  const folders = await Promise.all(options.langs.map(async (lang) => [lang, await resolveOutputFolder(TARGETS[lang].flag, TARGETS[lang].folder(options), options.cwd, TARGETS[lang].suggestion)] as const));
  refuseNested(folders.map(([, folder]) => folder));
  const table = read ?? (await readTable(options.tableDir, options.cacheDir));
  const releases = selectReleases(table, options.releases);
  const kinds = selectKinds(releases, options.kinds);
  const requested = new Map(releases.map((release) => [release.release, kinds]));
  const templates = await readTemplates(GENERATE_TEMPLATES, options.templatesDir);
  const render: Record<GenerateLang, (selection: GenerateSelection) => GeneratedFile[]> = { ts: (selection) => renderShims(selection, templates), cpp: (selection) => renderCppHeaders(selection, templates) };

  const targets: GenerateTarget[] = [];
  for (const [lang, folder] of folders) {
    const previous = await readManifest(folder.dir, folder.given);
    const selection = merged(table, requested, options.prune ? null : previous, TARGETS[lang].extension);
    const plan = planOutput(lang, render[lang](selection), previous, options.prune);
    targets.push({
      lang,
      label: TARGETS[lang].label,
      folder: folder.given,
      files: plan.files.length,
      releases: selection.releases.map((release) => release.release),
      outcome: options.check ? { mode: 'check', findings: await checkGenerated(plan, folder.dir, folder.given) } : { mode: 'write', ...(await writeGenerated(plan, folder.dir, folder.given)) },
    });
  }
  return targets;
}

/** The releases and kinds asked for, plus those the folder's manifest lists (files `<release>/<Kind>.<ext>`). */
function merged(table: VersionTable, requested: ReadonlyMap<string, ReadonlySet<string>>, previous: GeneratedManifest | null, extension: string): GenerateSelection {
  const kinds = new Map<string, Set<string>>([...requested].map(([release, wanted]) => [release, new Set(wanted)]));
  const known = new Set(table.releases.map((release) => release.release));
  for (const file of previous?.files ?? []) {
    const match = /^([^/]+)\/([A-Z][A-Za-z0-9]*)\.([a-z]+)$/.exec(file);
    if (!match || match[3] !== extension || !known.has(match[1] ?? '')) continue; // not a kind's file, or a release the table no longer has: an orphan
    const release = match[1] ?? '';
    kinds.set(release, (kinds.get(release) ?? new Set()).add(match[2] ?? ''));
  }
  return { releases: table.releases.filter((release) => kinds.has(release.release)), kinds, interfaces: table.interfaces };
}
