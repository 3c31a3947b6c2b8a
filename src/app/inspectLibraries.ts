import { stat } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { InspectRun, LibraryInspection, StaticRead } from '../core/inspectRun.js';
import { judgeModule, openResult } from '../core/judgeInspection.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { selectReleases } from '../core/selectReleases.js';
import type { ElfFile } from '../elf/readElf.js';
import type { ProbeItem } from '../loader/probeProtocol.js';
import { prepareStandIns, type StandIns } from './prepareStandIns.js';
import { probeModules } from './probeModules.js';
import { linkerView, readStaticFacts } from './readStaticFacts.js';
import { readTable } from './readTable.js';

export interface InspectOptions {
  /** The module libraries (paths; one without a slash is taken from the current folder). */
  readonly libraries: readonly string[];
  /** `--releases`: the releases to judge each module against (default `default`). */
  readonly releases: string;
  readonly tableDir: string;
  readonly cacheDir: string;
  readonly jobs: number;
  readonly timeoutMs: number;
  /** `--no-exec` sets it false: static facts only, no code of the library runs. Default true. */
  readonly exec?: boolean;
  /** `--stub-missing`: stand-ins for missing needed libraries and undefined symbols are opened first. */
  readonly stubMissing?: boolean;
  /** The environment the dynamic linker reads (`LD_LIBRARY_PATH`) and the compiler comes from (`CXX`). Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * read each file's ELF (static facts) → build stand-ins (`--stub-missing`) → open each library
 * and read its candidate manifests in child processes → each selected release's verdict.
 */
export async function inspectLibraries(options: InspectOptions): Promise<InspectRun> {
  if (options.libraries.length === 0) throw new UsageError('inspect needs at least one library', 'for example: mesos-matrix inspect build/libmymodule.so');
  const env = options.env ?? process.env;
  // The library is this command's argument: a file that is not there is a usage error.
  for (const library of options.libraries) {
    const info = await stat(library).catch(() => null);
    if (info === null || !info.isFile()) throw new UsageError(`${library}: ${info === null ? 'no such file' : 'not a file'}`, 'give the path of a module library (a .so file)');
  }
  const table = await readTable(options.tableDir, options.cacheDir);
  const hosts = selectReleases(table, options.releases);
  const view = await linkerView(env);
  const read = await Promise.all(options.libraries.map(async (given) => ({ given, library: dlopenString(given), ...(await readStaticFacts(given, view)) })));
  const exec = options.exec !== false;
  const stubMissing = exec && options.stubMissing === true;

  const probed = read.filter((entry): entry is typeof entry & { elf: ElfFile } => entry.elf !== null);
  const standIns = stubMissing ? await prepareStandIns(probed.map((entry) => ({ file: entry.given, elf: entry.elf })), view, options.cacheDir, env) : null;
  const items: ProbeItem[] = exec ? probed.flatMap((entry) => symbolsToProbe(entry.read).map((symbol) => ({ library: entry.library, symbol }))) : [];
  const outcomes = items.length > 0 ? await probeModules(items, { jobs: options.jobs, timeoutMs: options.timeoutMs, preloader: standIns?.preloader ?? null }) : [];
  const outcomeOf = (library: string, symbol: string) => outcomes[items.findIndex((item) => item.library === library && item.symbol === symbol)];

  const libraries = read.map(({ given, library, read: facts }): LibraryInspection => {
    const candidates = facts.ok ? facts.facts.candidates : [];
    const first = exec && facts.ok ? outcomeOf(library, symbolsToProbe(facts)[0] ?? '') : undefined;
    const open = first === undefined ? null : openResult(library, facts, first);
    const modules = candidates.map((name) => {
      // An open failure is the library's, shared by each of its modules (Mesos opens a library once).
      const outcome: LibraryOutcome | null = open === null ? null : open.stage === 'opened' ? (outcomeOf(library, name) ?? null) : (first ?? null);
      return { name, outcome, verdicts: outcome === null ? [] : judgeModule(hosts, table.releases, library, name, outcome, facts) };
    });
    return { library: given, static: facts, open, standIns: standInsOf(standIns, facts, open !== null), modules };
  });
  return { releases: hosts.map((host) => host.release), exec, stubMissing, libraries };
}

/**
 * The candidate modules; a library with none is still opened (as Mesos opens a library before
 * it looks a module up), through a lookup of the empty name that cannot succeed.
 */
function symbolsToProbe(read: StaticRead): string[] {
  return read.ok && read.facts.candidates.length > 0 ? [...read.facts.candidates] : [''];
}

/** As Mesos's `file`: a path with a slash is opened as it is; a bare file name here is `./name` (else dlopen would search for it). */
function dlopenString(given: string): string {
  return given.includes('/') ? given : `./${given}`;
}

/** The stand-ins this library needed: for its own missing libraries and undefined symbols. */
function standInsOf(standIns: StandIns | null, read: StaticRead, opened: boolean): LibraryInspection['standIns'] {
  if (standIns === null || !opened || !read.ok) return null;
  const libraries = read.facts.needed.filter((needed) => needed.path === null).map((needed) => needed.name);
  const stood = new Set(standIns.symbols);
  const symbols = read.facts.undefinedSymbols.filter((name) => stood.has(name)).length;
  return libraries.length === 0 && symbols === 0 ? null : { libraries, symbols };
}
