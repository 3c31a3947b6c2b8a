import { adviseLoadProblem, type Advice } from '../core/loadAdvice.js';
import type { CheckRun, CheckVerdict } from '../core/checkRun.js';
import { UsageError } from '../core/errors.js';
import { leftoverProblems } from '../core/leftoverProblems.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { libraryString, mainProgram, type MesosBinary } from '../core/modulesConfig.js';
import { findRelease, selectReleases } from '../core/selectReleases.js';
import { flagStage, type FlagStage } from '../core/flagStage.js';
import { UNCAUGHT_OVERFLOW } from '../core/stoutJson.js';
import type { ParsedText } from '../core/modulesFlag.js';
import { simulateLoad, type LoadProblem, type ProbedLibraries, type SourcedConfig } from '../core/simulateLoad.js';
import type { Release } from '../core/versionTable.js';
import { probeForCheck, type CheckProbe } from './probeForCheck.js';
import { readModulesSource, textAdvisor, type Advisor } from './readModulesConfig.js';
import { readTable } from './readTable.js';

export interface CheckOptions {
  readonly modules: string | undefined;
  readonly modulesDir: string | undefined;
  /** `--mesos`: one release; otherwise `releases`. */
  readonly mesos: string | undefined;
  readonly releases: string;
  readonly tableDir: string;
  readonly cacheDir: string;
  readonly jobs: number;
  readonly timeoutMs: number;
  /** `--strict`: this tool's warnings (unknown keys, file and name both set) are problems too. */
  readonly strict?: boolean;
  /** `--binary`: the program that reads `--modules` (default the agent); names the main program in dlerror(). */
  readonly binary?: MesosBinary;
  /** `--stub-missing`: stand-ins for missing needed libraries (libmesos-X.so) and undefined symbols are opened before the libraries. */
  readonly stubMissing?: boolean;
}

/** read the flags → open every library once (child processes) → each release's flag parser and load() → advice. */
export async function checkModules(options: CheckOptions): Promise<CheckRun & { warnings: readonly string[] }> {
  if (options.modules === undefined && options.modulesDir === undefined) {
    throw new UsageError('check needs --modules (inline JSON, file:///path or /path) or --modules-dir', 'for example: mesos-matrix check --modules file:///etc/mesos/modules.json');
  }
  const table = await readTable(options.tableDir, options.cacheDir);
  const hosts = options.mesos === undefined ? selectReleases(table, options.releases) : [findRelease(table, options.mesos, '--mesos')];
  // With both flags Mesos parses --modules (flags load in name order) and then stops: --modules_dir is never read.
  const source = await readModulesSource(options.modules, options.modules === undefined ? options.modulesDir : undefined);
  const advise = await textAdvisor(options.cacheDir);
  const stages = new Map(hosts.map((host) => [host.release, withHints(flagStage(source, host.flags), advise)]));
  const warnings = new Set<string>();

  const probed = await probeAll([...stages.values()].flatMap((stage) => stage.manifests), options);
  const verdicts = hosts.map((host): CheckVerdict => {
    const stage = stages.get(host.release) as HintedStage;
    // --modules loads before --modules_dir (flags in name order); --modules_dir alone is unknown before 1.0.0.
    const flagError = (options.modules !== undefined ? stage.refused : null) ?? flagProblem(host, options) ?? stage.refused;
    if (flagError) return { mesos: host.release, ok: false, error: flagError.message, problems: [{ ...flagError, advice: adviseOn(flagError, host, null, table.releases) }], modules: [], logged: stage.logged };
    stage.warnings.forEach((warning) => warnings.add(warning));
    const opened = asMainProgram(probed, mainProgram(host.flags, options.binary ?? 'agent'));
    const result = simulateLoad(host.host, stage.manifests, opened);
    const problems = result.problems.map((problem) => {
      const outcome = problem.library !== null && problem.module !== null ? opened.outcome(problem.library, problem.module) : null;
      return { ...problem, advice: probed.staticAdvice(problem) ?? adviseOn(problem, host, outcome?.stage === 'manifest' ? outcome.manifest : null, table.releases) };
    });
    // Our stricter advice follows Mesos's own problems; Mesos's error stays what Mesos prints.
    const strict = options.strict === true ? stage.warnings.map((warning) => ({ library: null, module: null, stage: 'strict' as const, message: warning, advice: { advice: 'as-found' as const, text: 'not refused by Mesos: --strict refuses it' } })) : [];
    // Beside each verdict, not in it: Mesos loads a library that leaves processes running.
    const notes = leftoverProblems(stage.manifests, probed).map((problem) => ({ ...problem, advice: adviseOn(problem, host, null, table.releases) }));
    return { mesos: host.release, ok: result.ok && strict.length === 0, error: result.error, problems: [...problems, ...strict, ...notes], modules: result.modules, logged: stage.logged };
  });
  return { verdicts, single: options.mesos !== undefined, warnings: [...warnings] };
}

type HintedStage = FlagStage & { readonly warnings: readonly string[] };

/** Our located help beside each refusal of the flag stage, and our warnings on what it accepted. */
function withHints(stage: FlagStage, advise: Advisor): HintedStage {
  const fileHint = (problem: LoadProblem, text: ParsedText | null): LoadProblem => {
    // Valid JSON to our parser: say what picojson 1.3.0 throws on (json.hpp catches it from 1.4.2/1.5.1).
    if (problem.message.endsWith('Value out of range') || problem.message === UNCAUGHT_OVERFLOW) return { ...problem, hint: 'a number beyond the range of a double (such as 1e999): write a smaller one, or a string' };
    if (text !== null) return { ...problem, hint: advise(text).hint };
    if (problem.stage === 'flags') return { ...problem, hint: 'give the path of an existing file: file:///absolute/path or /absolute/path' };
    return { ...problem, hint: problem.message.startsWith('Error loading module manifests') ? 'give a folder of module manifest files' : 'every entry of the folder is read as a manifest: remove what is not one' };
  };
  const manifests = stage.manifests.map((manifest, index): SourcedConfig => ('refused' in manifest ? { ...manifest, refused: fileHint(manifest.refused, stage.texts[index] ?? null) } : manifest));
  const warnings = stage.manifests.flatMap((manifest, index) => {
    const text = stage.texts[index];
    return 'config' in manifest && text ? advise(text).warnings : [];
  });
  return { ...stage, refused: stage.refused && fileHint(stage.refused, stage.refusedText), manifests, warnings };
}

/** Advice worded where the problem was found wins over the stage's. */
function adviseOn(problem: LoadProblem, ...rest: Parameters<typeof adviseLoadProblem> extends [LoadProblem, ...infer R] ? R : never): Advice {
  return problem.hint === undefined ? adviseLoadProblem(problem, ...rest) : { advice: 'as-found', text: problem.hint };
}

/** The flag errors of loader-facts §7 (`1.0.0:src/slave/main.cpp`) and stout's unknown-flag error before 1.0.0. */
function flagProblem(host: Release, options: CheckOptions): LoadProblem | null {
  if (options.modulesDir === undefined) return null;
  if (!host.host.loader.modulesDir) return { library: null, module: null, stage: 'flags', message: "Failed to load unknown flag 'modules_dir'" };
  if (options.modules !== undefined) return { library: null, module: null, stage: 'flags', message: 'Only one of --modules or --modules_dir should be specified' };
  return null;
}

/** `dlopen("")` is the running Mesos binary, which exports no module: glibc names it by argv[0]. */
function asMainProgram(probed: ProbedLibraries, program: string): ProbedLibraries {
  return { outcome: (library, module) => (library === '' ? { stage: 'symbol', dlerror: `${program}: undefined symbol: ${module}` } : probed.outcome(library, module)) };
}

/** Every (library string, module) the manifests of any release name, opened once in child processes. */
async function probeAll(manifests: readonly SourcedConfig[], options: CheckOptions): Promise<ProbedLibraries & Pick<CheckProbe, 'staticAdvice'>> {
  const pairs = new Map<string, { library: string; symbol: string }>();
  for (const manifest of manifests) {
    if (!('config' in manifest)) continue;
    for (const library of manifest.config.libraries) {
      const lib = libraryString(library);
      // dlopen("") is the main program — Mesos itself; this process must not stand in for it.
      if (lib === null || lib === '') continue;
      // A library that lists no module is still opened: its symbol '' stands for the opening alone.
      const symbols = library.modules.length === 0 ? [''] : library.modules.map((module) => module.name ?? '');
      for (const symbol of symbols) pairs.set(JSON.stringify([lib, symbol]), { library: lib, symbol });
    }
  }
  const items = [...pairs.values()];
  const { outcomes, staticAdvice } = await probeForCheck(items, options);
  const byPair = new Map(items.map((item, index) => [JSON.stringify([item.library, item.symbol]), outcomes[index] as LibraryOutcome]));
  return {
    staticAdvice,
    outcome(library, module) {
      const outcome = byPair.get(JSON.stringify([library, module]));
      if (!outcome) throw new Error(`${library} / ${module} was never probed`);
      return outcome;
    },
  };
}
