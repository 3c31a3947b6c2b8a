import path from 'node:path';
import { buildFixtures, type BuildEvent, type BuildOutcome } from '../compile/buildFixtures.js';
import type { Compiler } from '../compile/findCompiler.js';
import { fixtureLibraryName, relocateStrings } from '../core/fixtureLibraryName.js';
import type { FixtureSpec } from '../core/fixtureSpec.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { FixtureRecord } from '../core/matrixRun.js';
import type { Prober } from '../loader/probeLibraries.js';
import { rethrowCacheFault } from './cacheDir.js';
import { fixtureRequests } from './fixtureRequests.js';
import type { Timed } from './phaseTimer.js';

/** How the build and observe stages run. */
export interface ObserveOptions {
  /** The fixture templates (`fixture.cpp.hbs`, `interface.hpp.hbs`). */
  readonly templatesDir: string;
  /** Where compiled fixtures are kept. */
  readonly cacheDir: string;
  /** Compilers at once. */
  readonly jobs: number;
  readonly onBuildEvent?: ((event: BuildEvent) => void) | undefined;
}

/** The edges these stages drive, started early by the caller so that they overlap reading the table. */
export interface ObserveTools {
  readonly compiler: Promise<Compiler>;
  readonly prober: Prober;
}

/**
 * The build and observe stages: renders and compiles each fixture (generate, compile), opens
 * each library in the prober's children (load), and returns per fixture what happened, as
 * data that `evaluateMatrix` judges and that a shard's JSON carries to `merge`. Libraries are
 * named by fixture (`fixtures/libIsolator-0.24.1.so`), not by their path in this machine's cache.
 */
export async function observeFixtures(specs: readonly FixtureSpec[], tools: ObserveTools, options: ObserveOptions, timed: Timed): Promise<FixtureRecord[]> {
  const requests = await timed('generate', () => fixtureRequests(specs, options.templatesDir));
  const built = await timed('compile', async () => {
    const compiler = await tools.compiler;
    return buildFixtures(requests, { compiler, cacheDir: options.cacheDir, jobs: options.jobs, onEvent: options.onBuildEvent }).catch(rethrowCacheFault(options.cacheDir));
  });
  return timed('load', async () => {
    const loadable = specs.filter((spec) => built.get(spec.id)?.status !== 'failed');
    const outcomes = await tools.prober.probe(loadable.map((spec) => ({ library: built.get(spec.id)?.library ?? '', symbol: spec.moduleName })));
    const probed = new Map(loadable.map((spec, index) => [spec.id, outcomes[index]]));
    return specs.map((spec) => fixtureRecord(spec, built.get(spec.id), probed.get(spec.id), options.cacheDir));
  });
}

function fixtureRecord(spec: FixtureSpec, build: BuildOutcome | undefined, probed: LibraryOutcome | undefined, cacheDir: string): FixtureRecord {
  const outcome: LibraryOutcome | undefined = build?.status === 'failed' ? { stage: 'compile', message: build.message } : probed;
  // Every planned fixture is built, and every built one opened; a gap is our bug.
  if (build === undefined || outcome === undefined) throw new Error(`fixture ${spec.id} was never ${build === undefined ? 'built' : 'opened'}`);
  const name = fixtureLibraryName(spec);
  const observed = { library: build.library, build: { status: build.status, durationMs: build.durationMs, stderr: build.status === 'failed' ? build.stderr : '' }, outcome };
  // The library's path (in dlerror and crash texts), then its cache entry (the source file in
  // compiler diagnostics), then the cache itself: nothing of this machine's layout stays.
  return { spec, ...relocateStrings(observed, [[build.library, name], [path.dirname(build.library), path.posix.dirname(name)], [cacheDir, '<cache>']]) };
}
