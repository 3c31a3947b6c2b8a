import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { compilerArgs, FIXTURE_FLAGS } from './compilerArgs.js';
import type { Compiler } from './findCompiler.js';
import { cacheEntry, cacheKey, digest, isIntact, readRecipe, writeRecipe, type CacheEntry } from './fixtureCache.js';

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
}

export type BuildOutcome =
  | { readonly status: 'compiled' | 'cached'; readonly library: string; readonly durationMs: number }
  | { readonly status: 'failed'; readonly library: string; readonly durationMs: number; readonly message: string; readonly stderr: string };

export type BuildEvent =
  /** After the cache was checked: how many distinct sources must be compiled. */
  | { readonly type: 'plan'; readonly total: number; readonly toCompile: number; readonly jobs: number }
  | { readonly type: 'compiling'; readonly id: string }
  | { readonly type: 'compiled'; readonly id: string; readonly outcome: BuildOutcome };

export interface BuildOptions {
  readonly compiler: Compiler;
  readonly cacheDir: string;
  readonly jobs: number;
  readonly onEvent?: ((event: BuildEvent) => void) | undefined;
}

interface Unit {
  readonly key: string;
  readonly source: string;
  readonly entry: CacheEntry;
  readonly requests: BuildRequest[];
}

/**
 * Builds every fixture into the content-addressed cache, `jobs` compilers at a time. Fixtures
 * whose rendered sources are byte-identical share one compilation. A source that fails to
 * compile is an outcome, not an exception: the rest still builds.
 */
export async function buildFixtures(requests: readonly BuildRequest[], options: BuildOptions): Promise<Map<string, BuildOutcome>> {
  const outcomes = new Map<string, BuildOutcome>();
  const known = await Promise.all(requests.map((request) => findCached(request, options)));
  const units = new Map<string, Unit>();
  for (const [index, request] of requests.entries()) {
    const entry = known[index];
    if (entry) {
      outcomes.set(request.id, { status: 'cached', library: entry.library, durationMs: 0 });
      continue;
    }
    const source = await request.render();
    const key = cacheKey(source, options.compiler, FIXTURE_FLAGS);
    const unit = units.get(key) ?? { key, source, entry: cacheEntry(options.cacheDir, key, request.fileName), requests: [] };
    unit.requests.push(request);
    units.set(key, unit);
  }

  const pending: Unit[] = [];
  for (const unit of units.values()) {
    if (await isIntact(unit.entry)) await settle(unit, { status: 'cached', library: unit.entry.library, durationMs: 0 }, outcomes, options);
    else pending.push(unit);
  }
  const jobs = Math.max(1, Math.min(options.jobs, pending.length));
  options.onEvent?.({ type: 'plan', total: requests.length, toCompile: pending.length, jobs });
  // The next compiler starts as soon as one exits; renaming and stamping its output go on alongside.
  const bookkeeping: Promise<void>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const unit = pending[next++] as Unit;
      const id = unit.requests[0]?.id ?? unit.key;
      options.onEvent?.({ type: 'compiling', id });
      const compiled = await runCompiler(unit, options.compiler);
      bookkeeping.push(
        finish(unit, compiled).then(async (outcome) => {
          await settle(unit, outcome, outcomes, options);
          options.onEvent?.({ type: 'compiled', id, outcome });
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  await Promise.all(bookkeeping);
  return outcomes;
}

async function findCached(request: BuildRequest, options: BuildOptions): Promise<CacheEntry | undefined> {
  const key = await readRecipe(options.cacheDir, recipeKey(request, options.compiler));
  if (key === undefined) return undefined;
  const entry = cacheEntry(options.cacheDir, key, request.fileName);
  return (await isIntact(entry)) ? entry : undefined;
}

function recipeKey(request: BuildRequest, compiler: Compiler): string {
  return cacheKey(request.recipe, compiler, FIXTURE_FLAGS);
}

/** Records the outcome for every request of the unit, and remembers the recipes of a good build. */
async function settle(unit: Unit, outcome: BuildOutcome, outcomes: Map<string, BuildOutcome>, options: BuildOptions): Promise<void> {
  for (const request of unit.requests) {
    outcomes.set(request.id, outcome);
    if (outcome.status !== 'failed') await writeRecipe(options.cacheDir, recipeKey(request, options.compiler), unit.key);
  }
}

interface CompilerRun {
  readonly temporary: string;
  readonly durationMs: number;
  readonly failed: boolean;
  readonly stderr: string;
}

async function runCompiler(unit: Unit, compiler: Compiler): Promise<CompilerRun> {
  const started = performance.now();
  const { entry } = unit;
  await mkdir(entry.directory, { recursive: true });
  // Write under temporary names and rename: a run killed half-way leaves no entry that looks whole.
  const temporary = `${entry.library}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(entry.source, unit.source);
  const [file = 'c++', ...leading] = compiler.command;
  const { execa } = await import('execa');
  const result = await execa(file, [...leading, ...compilerArgs(entry.source, temporary)], { reject: false, stdin: 'ignore', timeout: 120_000 });
  const stderr = result.failed ? result.stderr || result.stdout || String(result.message) : '';
  return { temporary, durationMs: Math.round(performance.now() - started), failed: result.failed, stderr };
}

async function finish(unit: Unit, run: CompilerRun): Promise<BuildOutcome> {
  const { entry } = unit;
  if (run.failed) {
    return { status: 'failed', library: entry.library, durationMs: run.durationMs, message: `the fixture did not compile: ${firstError(run.stderr)}`, stderr: run.stderr };
  }
  await rename(run.temporary, entry.library);
  const stampTemporary = `${entry.stamp}.${process.pid}.tmp`;
  await writeFile(stampTemporary, `${JSON.stringify({ sha256: digest(await readFile(entry.library)), fixtures: unit.requests.map((request) => request.id) })}\n`);
  await rename(stampTemporary, entry.stamp);
  return { status: 'compiled', library: entry.library, durationMs: run.durationMs };
}

function firstError(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.find((line) => /\berror\b/i.test(line)) ?? lines[0] ?? 'no output';
}
