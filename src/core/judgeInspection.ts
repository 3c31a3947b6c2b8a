import type { InspectVerdict, OpenResult, StaticRead } from './inspectRun.js';
import { adviseLoadProblem, type Advice } from './loadAdvice.js';
import type { LibraryOutcome } from './libraryOutcome.js';
import { libraryVerdict } from './libraryVerdict.js';
import { classifyOpen, symbolHint } from './staticHint.js';
import type { Release } from './versionTable.js';

/** How opening the library went, from the outcome of its first item (the open is shared by all its modules). */
export function openResult(library: string, read: StaticRead, first: LibraryOutcome): OpenResult {
  if (first.stage === 'open') return { ...classifyOpen(library, read, first.dlerror), message: first.dlerror };
  if ((first.stage === 'crash' || first.stage === 'timeout' || first.stage === 'protocol') && first.during === 'open') {
    return { stage: first.stage, message: first.message, hint: null };
  }
  return { stage: 'opened', message: '', hint: null };
}

/**
 * Each selected release's verdict on one module, in Mesos's words (`libraryVerdict`, the same
 * rules as `matrix` and `check`), with advice: from the static facts where they explain an open
 * or lookup failure better than the stage can (a missing dependency, another machine's ELF,
 * the nearest exported module name), else the stage's own (`adviseLoadProblem`).
 */
export function judgeModule(hosts: readonly Release[], releases: readonly Release[], library: string, module: string, outcome: LibraryOutcome, read: StaticRead): InspectVerdict[] {
  const manifest = outcome.stage === 'manifest' ? outcome.manifest : null;
  return hosts.map((host) => {
    const verdict = libraryVerdict(host.host, library, module, outcome);
    const problem = { library, module, stage: verdict.stage, message: verdict.message };
    const advice: Advice = verdict.loadable ? { advice: 'none' } : (staticAdvice(library, module, outcome, read) ?? adviseLoadProblem(problem, host, manifest, releases));
    return { mesos: host.release, ...verdict, advice };
  });
}

/** The static facts' word on an open or lookup failure, when they have one. */
export function staticAdvice(library: string, module: string, outcome: LibraryOutcome, read: StaticRead | null): Advice | null {
  const text = outcome.stage === 'open' ? classifyOpen(library, read, outcome.dlerror).hint : outcome.stage === 'symbol' ? symbolHint(library, read, module) : null;
  return text === null ? null : { advice: 'as-found', text };
}
