import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { firstError, runCompiler, type CompilerRun } from './runCompiler.js';
import type { Compiler } from './findCompiler.js';
import { digest, temporaryPath, writeAtomically, writeNew, type CacheEntry } from './fixtureCache.js';
import { missingExports } from './missingExports.js';

/** A distinct source to compile into one cache entry, and what its library must export. */
export interface CompileUnit {
  readonly entry: CacheEntry;
  readonly source: string;
  readonly exports: readonly string[];
  /** The fixture ids the stamp records (for people reading the cache). */
  readonly fixtures: readonly string[];
}

export type EntryResult =
  | { readonly status: 'compiled'; readonly durationMs: number }
  | { readonly status: 'failed'; readonly durationMs: number; readonly message: string; readonly stderr: string };

/** Runs after a compile failed, before it is reported as the fixture's: throws when the fault is the cache's or the toolchain's. */
export type DiagnoseFailure = (entry: CacheEntry) => Promise<void>;

/**
 * Compiles a unit (the caller holds the entry's lock) from a private copy of its source into
 * a private temporary, and only then puts the library, the source and the stamp in place. Two
 * runs never compile from the same file, so none can read a source another is still writing
 * (which once compiled to an empty library, stamped as good). The returned `finish` checks the
 * output exports what it must before it stamps it; it runs while the next compiler starts.
 */
export async function compileEntry(unit: CompileUnit, compiler: Compiler, diagnose: DiagnoseFailure): Promise<() => Promise<EntryResult>> {
  const { entry } = unit;
  const source = temporaryPath(entry.source, '.cpp');
  const output = temporaryPath(entry.library);
  const cleanUp = () => Promise.all([rm(source, { force: true }), rm(output, { force: true })]);
  try {
    await writeNew(source, unit.source);
    const run = await runCompiler(compiler, source, output);
    return () => finish(unit, run, { source, output }, diagnose).finally(cleanUp);
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }
}

async function finish(unit: CompileUnit, run: CompilerRun, temporary: { source: string; output: string }, diagnose: DiagnoseFailure): Promise<EntryResult> {
  const { entry } = unit;
  const bytes = run.failed ? null : await readFile(temporary.output).catch(() => Buffer.alloc(0));
  const broken = bytes === null ? null : missingExports(bytes, unit.exports);
  if (bytes === null || broken !== null) {
    await diagnose(entry);
    // Kept for inspection under its usual name; the diagnostics name it so.
    await rename(temporary.source, entry.source);
    const stderr = relocate(run.stderr, temporary, entry);
    const message = broken === null ? `the fixture did not compile: ${firstError(stderr)}` : `the fixture's library is unusable: ${broken}`;
    return { status: 'failed', durationMs: run.durationMs, message, stderr };
  }
  await rename(temporary.output, entry.library);
  await rename(temporary.source, entry.source);
  await writeAtomically(entry.stamp, `${JSON.stringify({ sha256: digest(bytes), fixtures: unit.fixtures })}\n`);
  return { status: 'compiled', durationMs: run.durationMs };
}

/** The compiler saw the private names; the report shows the entry's. */
function relocate(stderr: string, temporary: { source: string; output: string }, entry: CacheEntry): string {
  return stderr.replaceAll(temporary.source, entry.source).replaceAll(temporary.output, entry.library).replaceAll(path.basename(temporary.source), path.basename(entry.source));
}
