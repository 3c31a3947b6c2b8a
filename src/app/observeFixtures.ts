import path from 'node:path';
import { buildFixtures, type BuildEvent, type BuildOutcome } from '../compile/buildFixtures.js';
import type { Compiler } from '../compile/findCompiler.js';
import { fixtureLibraries, ownLibrary, type FixtureLibrary } from '../core/fixtureLibraries.js';
import { relocateStrings } from '../core/fixtureLibraryName.js';
import type { FixtureSpec } from '../core/fixtureSpec.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { FixtureRecord } from '../core/matrixRun.js';
import type { Prober } from '../loader/probeLibraries.js';
import { rethrowCacheFault } from './cacheDir.js';
import { libraryRequests } from './fixtureRequests.js';
import type { Timed } from './phaseTimer.js';

/**
 * What the build tells whoever shows its progress: the build's own events, and that a release's
 * library is built again a fixture per library (a second build follows).
 */
export type ObserveEvent = BuildEvent | { readonly type: 'fallback'; readonly library: string; readonly fixtures: number; readonly reason: string };

/** How the build and observe stages run. */
export interface ObserveOptions {
  /** The fixture templates (`fixture.cpp.hbs`, `interface.hpp.hbs`). */
  readonly templatesDir: string;
  /** Where compiled fixtures are kept. */
  readonly cacheDir: string;
  /** Compilers at once. */
  readonly jobs: number;
  readonly onBuildEvent?: ((event: ObserveEvent) => void) | undefined;
}

/** The edges these stages drive, started early by the caller so that they overlap reading the table. */
export interface ObserveTools {
  readonly compiler: Promise<Compiler>;
  /** `prepare`, if it has one, starts its child ahead of the first library to open. */
  readonly prober: Prober & { readonly prepare?: () => void };
}

/**
 * Up to this many libraries to compile, the prober's child starts with the compilers, so that its
 * start-up is done when they are; beyond, it starts once the last library is compiling: through a
 * long build an idle child (~46 MB) would only add to its peak memory.
 */
const EARLY_PROBER_LIBRARIES = 16;

/** What building and opening one library did to each of its fixtures. */
interface Observed {
  readonly library: FixtureLibrary;
  readonly build: BuildOutcome;
  /** Per spec of the library, in order; none when it did not build. */
  readonly outcomes: ReadonlyArray<LibraryOutcome | undefined>;
}

/**
 * The build and observe stages: renders and compiles the fixture libraries (generate, compile),
 * opens each in the prober's children (load), and returns per fixture what happened, as data
 * that `evaluateMatrix` judges and that a shard's JSON carries to `merge`. Libraries are named
 * by what they hold (`fixtures/libmodules-0.24.1.so`, `fixtures/libIsolator-0.24.1.so`), not by
 * their path in this machine's cache.
 *
 * A release's library that does not compile, or any of whose modules does not simply show its
 * manifest when opened, is built again one fixture per library: a fault of one kind never hides
 * the others, and each fixture's record is then what its library alone did.
 */
export async function observeFixtures(specs: readonly FixtureSpec[], tools: ObserveTools, options: ObserveOptions, timed: Timed): Promise<FixtureRecord[]> {
  const observed = await observe(fixtureLibraries(specs), tools, options, timed);
  const suspect = observed.filter((entry) => entry.library.specs.length > 1 && !plainlyOpened(entry));
  for (const entry of suspect) options.onBuildEvent?.({ type: 'fallback', library: entry.library.name, fixtures: entry.library.specs.length, reason: whyAlone(entry) });
  const again = suspect.length === 0 ? [] : await observe(suspect.flatMap((entry) => entry.library.specs.map(ownLibrary)), tools, options, timed);
  const records = new Map<string, FixtureRecord>();
  for (const entry of [...observed.filter((item) => !suspect.includes(item)), ...again]) {
    entry.library.specs.forEach((spec, index) => records.set(spec.id, fixtureRecord(spec, entry, entry.outcomes[index], options.cacheDir)));
  }
  return specs.map((spec) => {
    const record = records.get(spec.id);
    // Every planned fixture is built, and every built one opened; a gap is our bug.
    if (!record) throw new Error(`fixture ${spec.id} was never observed`);
    return record;
  });
}

async function observe(libraries: readonly FixtureLibrary[], tools: ObserveTools, options: ObserveOptions, timed: Timed): Promise<Observed[]> {
  const requests = await timed('generate', () => libraryRequests(libraries, options.templatesDir));
  let compiling = 0;
  let toCompile = 0;
  const onEvent = (event: BuildEvent) => {
    options.onBuildEvent?.(event);
    if (event.type === 'plan') toCompile = event.toCompile;
    const start = event.type === 'plan' ? toCompile > 0 && toCompile <= EARLY_PROBER_LIBRARIES : event.type === 'compiling' && ++compiling === toCompile;
    if (start) tools.prober.prepare?.();
  };
  const built = await timed('compile', async () => {
    const compiler = await tools.compiler;
    return buildFixtures(requests, { compiler, cacheDir: options.cacheDir, jobs: options.jobs, onEvent }).catch(rethrowCacheFault(options.cacheDir));
  });
  return timed('load', async () => {
    const builds = libraries.map((library) => {
      const build = built.get(library.id);
      if (!build) throw new Error(`library ${library.id} was never built`);
      return build;
    });
    const items = libraries.flatMap((library, index) => (builds[index]?.status === 'failed' ? [] : library.specs.map((spec) => ({ library: builds[index]?.library ?? '', symbol: spec.moduleName }))));
    const outcomes = await tools.prober.probe(items);
    let next = 0;
    return libraries.map((library, index) => {
      const build = builds[index] as BuildOutcome;
      return { library, build, outcomes: library.specs.map(() => (build.status === 'failed' ? undefined : outcomes[next++])) };
    });
  });
}

/** A module that showed its manifest, from a library that left nothing running. */
function plain(outcome: LibraryOutcome | undefined): boolean {
  return outcome?.stage === 'manifest' && outcome.leftovers === undefined;
}

/** Every module of the library showed its manifest, and the library left nothing running. */
function plainlyOpened(entry: Observed): boolean {
  return entry.build.status !== 'failed' && entry.outcomes.every(plain);
}

/** Why a release's library is built again a fixture per library, in a few words. */
function whyAlone(entry: Observed): string {
  if (entry.build.status === 'failed') return 'did not compile';
  const odd = entry.outcomes.find((outcome) => !plain(outcome));
  if (odd?.stage === 'manifest') return 'left processes running when opened';
  return `did not open plainly (${odd?.stage ?? 'no answer'})`;
}

function fixtureRecord(spec: FixtureSpec, entry: Observed, probed: LibraryOutcome | undefined, cacheDir: string): FixtureRecord {
  const { build, library } = entry;
  const outcome: LibraryOutcome | undefined = build.status === 'failed' ? { stage: 'compile', message: build.message } : probed;
  if (outcome === undefined) throw new Error(`fixture ${spec.id} was never opened`);
  const observed = { library: build.library, build: { status: build.status, durationMs: build.durationMs, stderr: build.status === 'failed' ? build.stderr : '' }, outcome };
  // The library's path (in dlerror and crash texts), then its cache entry (the source file in
  // compiler diagnostics), then the cache itself: nothing of this machine's layout stays.
  return { spec, ...relocateStrings(observed, [[build.library, library.name], [path.dirname(build.library), path.posix.dirname(library.name)], [cacheDir, '<cache>']]) };
}
