import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { compilerArgs, FIXTURE_FLAGS } from './compilerArgs.js';
import type { Compiler } from './findCompiler.js';
import { cacheEntry, cacheKey, digest, isIntact, type CacheEntry } from './fixtureCache.js';

export interface BuildRequest {
  readonly id: string;
  readonly source: string;
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

/**
 * Builds every fixture into the content-addressed cache, `jobs` compilers at a time.
 * Requests whose rendered sources are byte-identical share one compilation. A source that fails
 * to compile is an outcome, not an exception: the rest still builds.
 */
export async function buildFixtures(requests: readonly BuildRequest[], options: BuildOptions): Promise<Map<string, BuildOutcome>> {
  const byKey = new Map<string, BuildRequest[]>();
  for (const request of requests) {
    const key = cacheKey(request.source, options.compiler, FIXTURE_FLAGS);
    byKey.set(key, [...(byKey.get(key) ?? []), request]);
  }
  const work = await Promise.all(
    [...byKey].map(async ([key, group]) => {
      const first = group[0] as BuildRequest;
      const entry = cacheEntry(options.cacheDir, key, first.fileName);
      return { group, first, entry, cached: await isIntact(entry) };
    }),
  );
  const outcomes = new Map<string, BuildOutcome>();
  const record = (group: readonly BuildRequest[], outcome: BuildOutcome) => group.forEach((request) => outcomes.set(request.id, outcome));
  for (const { group, entry, cached } of work) if (cached) record(group, { status: 'cached', library: entry.library, durationMs: 0 });

  const pending = work.filter((item) => !item.cached);
  const jobs = Math.max(1, Math.min(options.jobs, pending.length));
  options.onEvent?.({ type: 'plan', total: work.length, toCompile: pending.length, jobs });
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const { group, first, entry } = pending[next++] as (typeof pending)[number];
      options.onEvent?.({ type: 'compiling', id: first.id });
      const outcome = await compileOne(first, entry, options.compiler);
      record(group, outcome);
      options.onEvent?.({ type: 'compiled', id: first.id, outcome });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return outcomes;
}

async function compileOne(request: BuildRequest, entry: CacheEntry, compiler: Compiler): Promise<BuildOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  await mkdir(entry.directory, { recursive: true });
  // Write under temporary names and rename: a run killed half-way leaves no entry that looks whole.
  const temporary = `${entry.library}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(entry.source, request.source);
  const [file = 'c++', ...leading] = compiler.command;
  const result = await execa(file, [...leading, ...compilerArgs(entry.source, temporary)], { reject: false, timeout: 120_000 });
  if (result.failed) {
    const stderr = result.stderr || result.stdout || String(result.message);
    return { status: 'failed', library: entry.library, durationMs: elapsed(), message: `the fixture did not compile: ${firstError(stderr)}`, stderr };
  }
  await rename(temporary, entry.library);
  const stampTemporary = `${entry.stamp}.${process.pid}.tmp`;
  await writeFile(stampTemporary, `${JSON.stringify({ sha256: digest(await readFile(entry.library)), id: request.id })}\n`);
  await rename(stampTemporary, entry.stamp);
  return { status: 'compiled', library: entry.library, durationMs: elapsed() };
}

function firstError(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.find((line) => /\berror\b/i.test(line)) ?? lines[0] ?? 'no output';
}
