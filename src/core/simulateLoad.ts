import type { Host } from './host.js';
import type { LibraryOutcome } from './libraryOutcome.js';
import { libraryVerdict } from './libraryVerdict.js';
import type { Manifest } from './manifest.js';
import { libraryString, type ModulesConfig, type ModulesModule } from './modulesConfig.js';
import type { Stage } from './stage.js';

/**
 * Stages of `load()` beyond the library and verify stages; `flags` is the command line itself
 * (the flag parser refuses the value), `manifest-file` a file of `--modules_dir` that cannot be
 * listed, read or parsed, `strict` this tool's stricter advice (`--strict` only),
 * `left-processes` a library that left processes running (a note: Mesos loads it).
 */
export type LoadStage = Stage | 'library-unnamed' | 'module-unnamed' | 'duplicate' | 'flags' | 'manifest-file' | 'strict' | 'left-processes';

/** One problem `load()` meets, in the manifest's order. */
export interface LoadProblem {
  /** The library string (`null` when the entry names none). */
  readonly library: string | null;
  readonly module: string | null;
  readonly stage: LoadStage;
  /** Mesos's text, as it follows "Error loading modules: ". */
  readonly message: string;
  /** Advice worded where the problem was found (our parser's line and column), instead of the stage's. */
  readonly hint?: string;
}

export interface ModuleOutcome {
  readonly name: string | null;
  readonly library: string | null;
  /** From the manifest, when the module was found. */
  readonly kind: string | null;
  readonly builtFor: string | null;
  readonly loadable: boolean;
}

export interface LoadResult {
  readonly ok: boolean;
  /** Mesos's message (what follows "Error loading modules: "), or `null` when everything loads. */
  readonly error: string | null;
  /** Every problem, the one Mesos stops at first. */
  readonly problems: readonly LoadProblem[];
  readonly modules: readonly ModuleOutcome[];
}

/** What opening a library string did, and what each of its modules looked like. */
export interface ProbedLibraries {
  /** Outcome for (library string, module name); absent only for a library string that is `null`. */
  outcome(library: string, module: string): LibraryOutcome;
}

interface Registered {
  readonly library: string;
  readonly parameters: ModulesModule['parameters'];
  readonly manifest: Manifest;
}

/**
 * One manifest to load: `--modules`, or one file of `--modules_dir` (`source` is its path); a
 * file `load(modulesDir)` cannot read or parse is its `refused` problem, met in its turn.
 */
export type SourcedConfig = { readonly source: string | null; readonly config: ModulesConfig } | { readonly source: string; readonly refused: LoadProblem };

/**
 * `ModuleManager::load` of one release, manifest by manifest and in each manifest's order, with
 * that release's rules (loader-facts §6 for 0.2x, §7 for 1.x); the manager's state carries over
 * from one manifest to the next, as it does for `--modules_dir`. Mesos stops at the first
 * error; this goes on as if the failing entry were absent, to report every problem.
 */
export function simulateLoad(host: Host, manifests: readonly SourcedConfig[], probed: ProbedLibraries): LoadResult {
  const registry = new Map<string, Registered>();
  const problems: LoadProblem[] = [];
  const modules: ModuleOutcome[] = [];
  for (const manifest of manifests) {
    if ('refused' in manifest) {
      problems.push(manifest.refused);
      continue;
    }
    const { source, config } = manifest;
    const before = problems.length;
    loadManifest(host, config, probed, registry, problems, modules);
    // `load(modulesDir)` wraps each file's error (1.0.0 on, loader-facts §7).
    if (source !== null) for (let i = before; i < problems.length; i++) problems[i] = { ...(problems[i] as LoadProblem), message: `Error loading modules from '${source}': ${problems[i]?.message}` };
  }
  const first = problems[0];
  return { ok: first === undefined, error: first?.message ?? null, problems, modules };
}

function loadManifest(host: Host, config: ModulesConfig, probed: ProbedLibraries, registry: Map<string, Registered>, problems: LoadProblem[], modules: ModuleOutcome[]): void {
  const duplicates = host.loader.duplicateModules;
  for (const library of config.libraries) {
    const lib = libraryString(library);
    if (lib === null) {
      problems.push({ library: null, module: null, stage: 'library-unnamed', message: 'Library name or path not provided' });
      for (const module of library.modules) modules.push({ name: module.name, library: null, kind: null, builtFor: null, loadable: false });
      continue;
    }
    // The library is opened before its modules are read, even when it lists none (loader-facts §6
    // step 2): a library without modules is probed as symbol '' for its opening alone.
    if (library.modules.length === 0) reportUnopenable(host, lib, probed.outcome(lib, ''), problems);
    for (const module of library.modules) {
      // A nameless module is probed as '' too.
      const outcome = probed.outcome(lib, module.name ?? '');
      const found = outcome.stage === 'manifest' ? outcome.manifest : null;
      const record = (loadable: boolean) => modules.push({ name: module.name, library: lib, kind: found?.kind ?? null, builtFor: found?.mesosVersion ?? null, loadable });
      if (reportUnopenable(host, lib, outcome, problems)) {
        record(false);
        continue;
      }
      if (module.name === null) {
        // `!has_name()`, the same text in every release (loader-facts §6 step 3a, §7).
        problems.push({ library: lib, module: null, stage: 'module-unnamed', message: `Error: module name not provided with library '${lib}'` });
        record(false);
        continue;
      }
      const name = module.name;
      const previous = registry.get(name);
      if (previous && duplicates === 'reject-before-lookup') {
        // <= 0.27.x: any repeated name fails, before the symbol is even looked up.
        problems.push({ library: lib, module: name, stage: 'duplicate', message: `Error loading duplicate module '${name}'` });
        record(false);
        continue;
      }
      const verdict = libraryVerdict(host, lib, name, outcome);
      if (!verdict.loadable) {
        problems.push({ library: lib, module: name, stage: verdict.stage, message: verdict.message });
        record(false);
        continue;
      }
      if (previous && found) {
        const reason = identicalModuleProblem(previous, lib, module.parameters, found);
        if (reason !== null) {
          const intro = duplicates === 'accept-identical-misspelled' ? 'this is  potenatially due to duplicate module names' : 'this is potentially due to duplicate module names';
          problems.push({ library: lib, module: name, stage: 'duplicate', message: `Error loading module '${name}'; ${intro}; ${reason}` });
          record(false);
          continue;
        }
        record(true); // an identical re-declaration is skipped
        continue;
      }
      if (found) registry.set(name, { library: lib, parameters: module.parameters, manifest: found });
      record(true);
    }
  }
}

/** An unopenable library fails before its modules: Mesos reports it once. Whether it could not be opened. */
function reportUnopenable(host: Host, lib: string, outcome: LibraryOutcome, problems: LoadProblem[]): boolean {
  if (!(outcome.stage === 'open' || ((outcome.stage === 'crash' || outcome.stage === 'timeout' || outcome.stage === 'protocol') && outcome.during === 'open'))) return false;
  if (!problems.some((problem) => problem.library === lib && problem.module === null && problem.stage !== 'module-unnamed')) {
    const verdict = libraryVerdict(host, lib, '', outcome);
    problems.push({ library: lib, module: null, stage: verdict.stage, message: verdict.message });
  }
  return true;
}

/** `verifyIdenticalModule` (0.28.0 on, loader-facts §7): the reason in Mesos's order, or null when identical. */
function identicalModuleProblem(previous: Registered, library: string, parameters: ModulesModule['parameters'], manifest: Manifest): string | null {
  // Library *strings* are compared, not files.
  if (previous.library !== library) return `The same module appears in two different module libraries - '${library}' and '${previous.library}'`;
  const sameParameters =
    previous.parameters.length === parameters.length &&
    previous.parameters.every((parameter, index) => parameter.key === parameters[index]?.key && parameter.value === parameters[index]?.value);
  if (!sameParameters) return 'A module with same name but different parameters already exists';
  const fields = ['moduleApiVersion', 'mesosVersion', 'kind', 'authorName', 'authorEmail', 'description'] as const;
  // The same library string and symbol give the same object, so `compatible` is the same pointer too.
  if (fields.some((field) => previous.manifest[field] !== manifest[field])) return 'A module with same name but different module manifest already exists';
  return null;
}
