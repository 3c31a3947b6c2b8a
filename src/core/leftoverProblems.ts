import type { LeftProcess } from './libraryOutcome.js';
import { libraryString } from './modulesConfig.js';
import type { LoadProblem, ProbedLibraries, SourcedConfig } from './simulateLoad.js';

/** `left 1 process running: sleep 3600` (the command lines were escaped and cut where they were read). */
export function describeLeftovers(processes: readonly LeftProcess[]): string {
  const count = processes.length === 1 ? '1 process' : `${processes.length} processes`;
  return `left ${count} running: ${processes.map((left) => left.command).join(', ')}`;
}

/**
 * `check`'s note on each library that left processes running when it was opened: a problem beside
 * the release's verdict, not one of Mesos's (Mesos loads such a library, and the processes keep
 * running in the agent or master). Once per library string, in the configuration's order; the
 * library is opened once, so every module of it shares what its opening left.
 */
export function leftoverProblems(manifests: readonly SourcedConfig[], probed: ProbedLibraries): LoadProblem[] {
  const noted = new Map<string, LeftProcess[]>();
  for (const manifest of manifests) {
    if (!('config' in manifest)) continue;
    for (const library of manifest.config.libraries) {
      const lib = libraryString(library);
      // dlopen("") is Mesos itself: never probed.
      if (lib === null || lib === '') continue;
      const found = noted.get(lib) ?? [];
      for (const module of library.modules) {
        for (const left of probed.outcome(lib, module.name ?? '').leftovers ?? []) if (!found.some((seen) => seen.pid === left.pid)) found.push(left);
      }
      noted.set(lib, found);
    }
  }
  return [...noted]
    .filter(([, processes]) => processes.length > 0)
    .map(([library, processes]) => ({
      library,
      module: null,
      stage: 'left-processes',
      message: describeLeftovers(processes),
      hint: 'the prober killed them; in a Mesos agent or master they would keep running: a module should not start processes when it is opened',
    }));
}
