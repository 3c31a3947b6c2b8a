
import { FIXTURE_FLAGS } from './compilerArgs.js';
import { checkToolchain } from './checkToolchain.js';
import { compileEntry, type CompileUnit, type EntryResult } from './compileEntry.js';
import { tryLock, waitForLock, type EntryLock } from './entryLock.js';
import type { Compiler } from './findCompiler.js';
import { cacheEntry, cacheKey, isIntact, readRecipe, writeRecipe, type CacheEntry } from './fixtureCache.js';
import { libraryDigests } from './libraryDigests.js';
import { checkWritable } from './checkWritable.js';
import { sweepFolder } from './sweepStale.js';
import { makeDirectory } from '../fs/makeDirectory.js';

export interface BuildRequest {
  readonly id: string;
  /**
   * Everything the rendered source is a pure function of (template texts and fixture spec): a
   * warm run finds the compiled library through it without rendering anything.
   */
  readonly recipe: string;
  readonly render: () => Promise<string>;
  /** The library's file name inside its cache entry (`libIsolator-0.24.1.so`). */
  readonly fileName: string;
  /** Symbols the library must export to be stamped as good (default: none; it must still be a shared object). */
  readonly exports?: readonly string[];
  /** The fixtures the library holds, recorded in its stamp (default: the request's id). */
  readonly fixtures?: readonly string[];
}

export type BuildOutcome =
  | { readonly status: 'compiled' | 'cached'; readonly library: string; readonly durationMs: number }
  | { readonly status: 'failed'; readonly library: string; readonly durationMs: number; readonly message: string; readonly stderr: string };

export type BuildEvent =
  /** After the cache was checked: how many of the libraries are to be compiled (at most; another run may build some), and the fixtures they hold. */
  | { readonly type: 'plan'; readonly total: number; readonly toCompile: number; readonly fixtures: number; readonly jobs: number }
  | { readonly type: 'compiling'; readonly id: string }
  | { readonly type: 'compiled'; readonly id: string; readonly outcome: BuildOutcome };

export interface BuildOptions {
  readonly compiler: Compiler;
  readonly cacheDir: string;
  readonly jobs: number;
  readonly onEvent?: ((event: BuildEvent) => void) | undefined;
}

interface Unit extends CompileUnit {
  readonly key: string;
  /** The request that rendered the source first (others with the same source take its outcome). */
  readonly request: BuildRequest;
}

/**
 * Builds every fixture into the content-addressed cache, `jobs` compilers at a time. Fixtures
 * whose rendered sources are byte-identical share one compilation. A source that fails to
 * compile is an outcome, not an exception: the rest still builds. Thrown instead, once the
 * compilers already running have finished: a broken toolchain (ToolchainError) and a fault of
 * the cache (the file system's error, with its path, for the caller to name).
 *
 * Runs sharing the cache split the work: each entry is compiled under its lock, an entry
 * another run is compiling is left for last, and then waited for and taken from the cache.
 */
export async function buildFixtures(requests: readonly BuildRequest[], options: BuildOptions): Promise<Map<string, BuildOutcome>> {
  const outcomes = new Map<string, BuildOutcome>();
  const known = await findCached(requests, options);
  const todo = requests.filter((request, index) => {
    const entry = known[index];
    if (entry) outcomes.set(request.id, { status: 'cached', library: entry.library, durationMs: 0 });
    return !entry;
  });
  const jobs = Math.max(1, Math.min(options.jobs, todo.length));
  const fixtures = todo.reduce((count, request) => count + (request.fixtures?.length ?? 1), 0);
  options.onEvent?.({ type: 'plan', total: requests.length, toCompile: todo.length, fixtures, jobs });
  await compileAll(todo, jobs, outcomes, options);
  return outcomes;
}

/**
 * Renders and compiles in one stream: each worker renders the next request's source and starts
 * its compiler at once, so the first compiler runs while the rest of the plan is still to be
 * rendered. A source another request already rendered byte for byte is compiled once; those
 * requests take its outcome at the end.
 */
async function compileAll(todo: readonly BuildRequest[], jobs: number, outcomes: Map<string, BuildOutcome>, options: BuildOptions): Promise<void> {
  const queue = [...todo];
  // By source key, the request that rendered it first (not the unit: a unit's source, ~0.1 MB for
  // a release's library, is let go once it is compiled).
  const first = new Map<string, BuildRequest>();
  const sameSource: Array<{ request: BuildRequest; key: string }> = [];
  const busyElsewhere: Unit[] = [];
  // The next compiler starts as soon as one exits; checking, renaming and stamping its output go on alongside.
  const bookkeeping: Promise<void>[] = [];
  let fault: { error: unknown } | undefined;
  const record = (error: unknown) => {
    fault ??= { error };
  };
  let toolchain: Promise<void> | undefined;
  // Once per entry that failed: first whether the cache can take a library (a full or read-only
  // disk fails the compiler too), then, once per run, whether the compiler works at all.
  const diagnose = async (entry: CacheEntry) => {
    await checkWritable(entry.directory);
    await (toolchain ??= checkToolchain(options.compiler));
  };
  const report = (request: BuildRequest, outcome: BuildOutcome) => options.onEvent?.({ type: 'compiled', id: request.id, outcome });

  const take = async (unit: Unit, lock: EntryLock) => {
    const { request } = unit;
    const settled = (result: EntryResult | { status: 'cached'; durationMs: 0 }) => settle(unit, result, outcomes, options).then((outcome) => report(request, outcome));
    const release = () => lock.release().catch(() => undefined);
    try {
      // Another run may have built it, or left it in the cache under another recipe.
      if (await isIntact(unit.entry)) {
        await settled({ status: 'cached', durationMs: 0 }).finally(release);
        return;
      }
      await sweepFolder(unit.entry.directory);
      options.onEvent?.({ type: 'compiling', id: request.id });
      const finish = await compileEntry(unit, options.compiler, diagnose);
      bookkeeping.push(finish().then(settled).catch(record).finally(release));
    } catch (error) {
      await release();
      throw error;
    }
  };
  const unitOf = async (request: BuildRequest): Promise<Unit | undefined> => {
    const source = await request.render();
    const key = cacheKey(source, options.compiler, FIXTURE_FLAGS);
    if (first.has(key)) {
      sameSource.push({ request, key });
      return undefined;
    }
    const unit: Unit = { key, source, entry: cacheEntry(options.cacheDir, key, request.fileName), exports: request.exports ?? [], fixtures: request.fixtures ?? [request.id], request };
    first.set(key, request);
    return unit;
  };
  // The next units are rendered, written and locked while the compilers run: a compiler that
  // exits finds the next unit ready (on a cold `default` that preparation left ~30 ms gaps).
  const prepare = async (): Promise<{ unit: Unit; lock: EntryLock } | undefined> => {
    for (let request = queue.shift(); request && !fault; request = queue.shift()) {
      const unit = await unitOf(request);
      if (!unit) continue;
      await makeDirectory(unit.entry.directory);
      const lock = await tryLock(unit.entry.lock);
      if (lock) return { unit, lock };
      busyElsewhere.push(unit);
    }
    return undefined;
  };
  const ready: Array<ReturnType<typeof prepare>> = [];
  const prepareNext = () => {
    const next = prepare();
    next.catch(record);
    ready.push(next);
  };
  for (let index = 0; index < jobs; index++) prepareNext();
  const worker = async () => {
    for (let next = ready.shift(); next; next = ready.shift()) {
      // Kept `jobs` ahead, so that no worker finds nothing prepared while work is left.
      if (queue.length > 0) prepareNext();
      const prepared = await next;
      if (!prepared) continue;
      if (fault) await prepared.lock.release().catch(() => undefined);
      else await take(prepared.unit, prepared.lock);
    }
    for (let unit = busyElsewhere.shift(); unit && !fault; unit = busyElsewhere.shift()) await take(unit, await waitForLock(unit.entry.lock));
  };
  await Promise.all(Array.from({ length: jobs }, () => worker().catch(record)));
  // After a fault, units prepared but never taken give their locks back.
  for (const next of ready.splice(0)) await (await next.catch(() => undefined))?.lock.release().catch(() => undefined);
  await Promise.all(bookkeeping);
  if (fault) throw fault.error;
  for (const { request, key } of sameSource) {
    const outcome = outcomes.get(first.get(key)?.id ?? '');
    if (!outcome) throw new Error(`${request.id}: the library it shares was never built`);
    await adopt(request, outcome, key, outcomes, options);
    report(request, outcome);
  }
}

/**
 * The intact cache entry of each request, if any. A warm run checks every library against its
 * stamp; the library index (one file, read once) gives the digests of unchanged files without
 * reading 14 MB of libraries again for `all`.
 */
async function findCached(requests: readonly BuildRequest[], options: BuildOptions): Promise<Array<CacheEntry | undefined>> {
  const keys = await Promise.all(requests.map((request) => readRecipe(options.cacheDir, recipeKey(request, options.compiler))));
  const entries = requests.map((request, index) => {
    const key = keys[index];
    return key === undefined ? undefined : cacheEntry(options.cacheDir, key, request.fileName);
  });
  const known = await libraryDigests(options.cacheDir, entries.flatMap((entry) => (entry ? [entry.library] : [])));
  return Promise.all(entries.map(async (entry) => (entry && (await isIntact(entry, known)) ? entry : undefined)));
}

function recipeKey(request: BuildRequest, compiler: Compiler): string {
  return cacheKey(request.recipe, compiler, FIXTURE_FLAGS);
}

/** Records the unit's outcome, and remembers the recipe of a good build. */
async function settle(unit: Unit, result: EntryResult | { status: 'cached'; durationMs: 0 }, outcomes: Map<string, BuildOutcome>, options: BuildOptions): Promise<BuildOutcome> {
  const outcome: BuildOutcome = { ...result, library: unit.entry.library };
  await adopt(unit.request, outcome, unit.key, outcomes, options);
  return outcome;
}

/** Records a request's outcome; a good build's recipe leads the next run to its entry without rendering. */
async function adopt(request: BuildRequest, outcome: BuildOutcome, key: string, outcomes: Map<string, BuildOutcome>, options: BuildOptions): Promise<void> {
  outcomes.set(request.id, outcome);
  if (outcome.status !== 'failed') await writeRecipe(options.cacheDir, recipeKey(request, options.compiler), key);
}
