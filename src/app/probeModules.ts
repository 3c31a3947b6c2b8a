import path from 'node:path';
import { STAND_IN_STATUS_SYMBOL } from '../codegen/standInSources.js';
import { ToolchainError } from '../core/errors.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { startProber } from '../loader/probeLibraries.js';
import type { ProbeItem } from '../loader/probeProtocol.js';

export interface ProbeModulesOptions {
  readonly jobs: number;
  readonly timeoutMs: number;
  /** `--stub-missing`: the library that opens the stand-ins RTLD_GLOBAL; opened before each library's items. */
  readonly preloader: string | null;
}

/**
 * Opens every (library, module) item in child processes with the existing prober. With a
 * preloader, each library's items are preceded by the preloader, so that whichever child opens
 * a library (a fresh one replaces a child a library killed) has the stand-ins in its global
 * scope first. The prober opens each distinct library string once per child, so each library
 * gets its own spelling of the preloader's path (`dir/./file`, `dir/././file`, …: the same file,
 * which glibc maps once); and one child works through them in order (jobs 1).
 */
export async function probeModules(items: readonly ProbeItem[], options: ProbeModulesOptions): Promise<LibraryOutcome[]> {
  const { preloader } = options;
  const libraries = [...new Set(items.map((item) => item.library))];
  const spell = (file: string, group: number) => `${path.dirname(file)}/${'./'.repeat(group + 1)}${path.basename(file)}`;
  const planned: Array<{ item: ProbeItem; index: number | null }> =
    preloader === null
      ? items.map((item, index) => ({ item, index }))
      : libraries.flatMap((library, group) => [
          { item: { library: spell(preloader, group), symbol: STAND_IN_STATUS_SYMBOL }, index: null },
          ...items.flatMap((item, index) => (item.library === library ? [{ item, index }] : [])),
        ]);
  const prober = startProber({ jobs: preloader === null ? options.jobs : 1, timeoutMs: options.timeoutMs });
  let outcomes: LibraryOutcome[];
  try {
    outcomes = await prober.probe(planned.map((entry) => entry.item));
  } finally {
    prober.close();
  }
  const result = new Array<LibraryOutcome>(items.length);
  planned.forEach((entry, position) => {
    const outcome = outcomes[position] as LibraryOutcome;
    if (entry.index !== null) result[entry.index] = outcome;
    else checkPreloaded(outcome);
  });
  return result;
}

/** The preloader reports each stand-in it could not open; that is our toolchain failing, not the module. */
function checkPreloaded(outcome: LibraryOutcome): void {
  const problem = outcome.stage === 'manifest' ? outcome.manifest.description : 'dlerror' in outcome ? outcome.dlerror : outcome.message;
  if (problem) throw new ToolchainError(`the --stub-missing stand-ins did not load: ${problem}`, 'report this with the library you inspected; without --stub-missing the rest still works');
}
