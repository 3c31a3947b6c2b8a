import { access } from 'node:fs/promises';
import path from 'node:path';
import type { StaticRead } from '../core/inspectRun.js';
import { staticAdvice } from '../core/judgeInspection.js';
import type { Advice } from '../core/loadAdvice.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { ElfFile } from '../elf/readElf.js';
import { searchOrder } from '../elf/searchOrder.js';
import type { ProbeItem } from '../loader/probeProtocol.js';
import { prepareStandIns } from './prepareStandIns.js';
import { probeModules } from './probeModules.js';
import { linkerView, readStaticFacts, type LinkerView } from './readStaticFacts.js';

export interface CheckProbeOptions {
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly cacheDir: string;
  /** `--stub-missing`: stand-ins for missing needed libraries and undefined symbols are opened first. */
  readonly stubMissing?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface CheckProbe {
  /** Per item, what opening its library and reading its module did. */
  readonly outcomes: readonly LibraryOutcome[];
  /**
   * Advice from the library's static facts for an open or lookup failure: a missing needed
   * library (libmesos-X.so), Mesos symbols left undefined, another machine's ELF, the nearest
   * exported module name. Null when the facts say nothing better than the stage's own advice.
   */
  readonly staticAdvice: (problem: { readonly library: string | null; readonly module: string | null; readonly stage: string }) => Advice | null;
}

/**
 * `check`'s probing: the libraries of the configuration opened in child processes (with
 * stand-ins first under `--stub-missing`), and the static facts of those that failed to open or
 * lacked a module, read only then (no code of theirs runs for it).
 */
export async function probeForCheck(items: readonly ProbeItem[], options: CheckProbeOptions): Promise<CheckProbe> {
  const env = options.env ?? process.env;
  let view: LinkerView | undefined;
  type Facts = { file: string; read: StaticRead; elf: ElfFile | null } | null;
  const facts = new Map<string, Promise<Facts>>();
  const factsOf = (library: string): Promise<Facts> => {
    const known = facts.get(library);
    if (known) return known;
    const reading = (async () => {
      view ??= await linkerView(env);
      const file = await locate(library, view);
      return file === null ? null : { file, ...(await readStaticFacts(file, view)) };
    })();
    facts.set(library, reading);
    return reading;
  };
  const libraries = [...new Set(items.map((item) => item.library))];
  let preloader: string | null = null;
  if (options.stubMissing === true && libraries.length > 0) {
    const read = (await Promise.all(libraries.map(factsOf))).flatMap((entry) => (entry?.elf ? [{ file: entry.file, elf: entry.elf }] : []));
    preloader = view === undefined ? null : ((await prepareStandIns(read, view, options.cacheDir, env))?.preloader ?? null);
  }
  const outcomes = await probeModules(items, { jobs: options.jobs, timeoutMs: options.timeoutMs, preloader });
  const failed = [...new Set(items.filter((_, index) => ['open', 'symbol'].includes(outcomes[index]?.stage ?? '')).map((item) => item.library))];
  const reads = new Map(await Promise.all(failed.map(async (library) => [library, (await factsOf(library))?.read ?? null] as const)));
  return {
    outcomes,
    staticAdvice(problem) {
      // An open failure is the library's (Mesos reports it without a module); a lookup failure is the module's.
      const index = items.findIndex((item, at) => item.library === problem.library && outcomes[at]?.stage === problem.stage && (problem.stage === 'open' || item.symbol === problem.module));
      const item = items[index];
      const outcome = outcomes[index];
      return item === undefined || outcome === undefined ? null : staticAdvice(item.library, item.symbol, outcome, reads.get(item.library) ?? null);
    },
  };
}

/** The file dlopen would open for a library string: a path as it is, a bare name searched as ld.so searches for it. */
async function locate(library: string, view: LinkerView): Promise<string | null> {
  const order = searchOrder(library, { ...view, origin: process.cwd(), rpath: null, runpath: null });
  for (const candidate of order) {
    const file = path.resolve(candidate.file);
    if (await access(file).then(() => true, () => false)) return file;
  }
  return null;
}
