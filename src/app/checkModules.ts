import { adviseLoadProblem, type Advice } from '../core/loadAdvice.js';
import type { CheckRun, CheckVerdict } from '../core/checkRun.js';
import { UsageError } from '../core/errors.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { libraryString, mainProgram, type MesosBinary } from '../core/modulesConfig.js';
import { findRelease, selectReleases } from '../core/selectReleases.js';
import { simulateLoad, type LoadProblem, type ProbedLibraries } from '../core/simulateLoad.js';
import type { Release } from '../core/versionTable.js';
import { probeForCheck, type CheckProbe } from './probeForCheck.js';
import { readModulesDir, readModulesFlag, type ReadConfigs } from './readModulesConfig.js';
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

/** read the flags → open every library once (child processes) → each release's load() → advice. */
export async function checkModules(options: CheckOptions): Promise<CheckRun & { warnings: readonly string[] }> {
  if (options.modules === undefined && options.modulesDir === undefined) {
    throw new UsageError('check needs --modules (inline JSON, file:///path or /path) or --modules-dir', 'for example: mesos-matrix check --modules file:///etc/mesos/modules.json');
  }
  const table = await readTable(options.tableDir, options.cacheDir);
  const hosts = options.mesos === undefined ? selectReleases(table, options.releases) : [findRelease(table, options.mesos, '--mesos')];
  // Both flags, or --modules_dir before 1.0.0, stop Mesos before any module loads: a usable
  // configuration is still required, but only one of them is read.
  const read: ReadConfigs =
    options.modules !== undefined ? await readModulesFlag(options.modules, options.cacheDir) : await readModulesDir(options.modulesDir ?? '', options.cacheDir);

  const probed = await probeAll(read, options);
  const verdicts = hosts.map((host): CheckVerdict => {
    const flagError = flagProblem(host, options) ?? read.refused;
    if (flagError) return { mesos: host.release, ok: false, error: flagError.message, problems: [{ ...flagError, advice: adviseOn(flagError, host, null, table.releases) }], modules: [] };
    const opened = asMainProgram(probed, mainProgram(host.release, options.binary ?? 'agent'));
    const result = simulateLoad(host.host, read.manifests, opened);
    const problems = result.problems.map((problem) => {
      const outcome = problem.library !== null && problem.module !== null ? opened.outcome(problem.library, problem.module) : null;
      return { ...problem, advice: probed.staticAdvice(problem) ?? adviseOn(problem, host, outcome?.stage === 'manifest' ? outcome.manifest : null, table.releases) };
    });
    // Our stricter advice follows Mesos's own problems; Mesos's error stays what Mesos prints.
    const strict = options.strict === true ? read.warnings.map((warning) => ({ library: null, module: null, stage: 'strict' as const, message: warning, advice: { advice: 'as-found' as const, text: 'not refused by Mesos: --strict refuses it' } })) : [];
    return { mesos: host.release, ok: result.ok && strict.length === 0, error: result.error, problems: [...problems, ...strict], modules: result.modules };
  });
  return { verdicts, single: options.mesos !== undefined, warnings: read.warnings };
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

/** Every (library string, module) the manifests name, opened once in child processes. */
async function probeAll(read: ReadConfigs, options: CheckOptions): Promise<ProbedLibraries & Pick<CheckProbe, 'staticAdvice'>> {
  const pairs = new Map<string, { library: string; symbol: string }>();
  for (const manifest of read.manifests) {
    if (!('config' in manifest)) continue;
    for (const library of manifest.config.libraries) {
      const lib = libraryString(library);
      // dlopen("") is the main program — Mesos itself; this process must not stand in for it.
      if (lib === null || lib === '') continue;
      for (const module of library.modules) pairs.set(JSON.stringify([lib, module.name ?? '']), { library: lib, symbol: module.name ?? '' });
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
