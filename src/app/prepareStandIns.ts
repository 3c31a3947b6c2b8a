import { findCompiler } from '../compile/findCompiler.js';
import { compileSharedObject } from '../compile/compileSharedObject.js';
import { neededStandInSource, preloaderSource, symbolStandInSource, type MissingSymbol } from '../codegen/standInSources.js';
import { exported, requiredUndefined } from '../elf/moduleCandidates.js';
import type { ElfFile } from '../elf/readElf.js';
import { readElfFile, resolveNeeded, type LinkerView } from './readStaticFacts.js';

/** What `--stub-missing` built: the library that opens the stand-ins, and what they stand in for. */
export interface StandIns {
  /** The preloader: opened first in the probe child, it opens every stand-in RTLD_GLOBAL. */
  readonly preloader: string;
  /** SONAMEs of the needed libraries stood in for. */
  readonly libraries: readonly string[];
  /** Symbols defined by the stand-in for undefined symbols. */
  readonly symbols: readonly string[];
}

/** The C++ runtime: the probe child (like a Mesos master or agent) has it loaded globally. */
const RUNTIME = 'libstdc++.so.6';

/** At most this many libraries are read to learn what this machine defines (the needed libraries, transitively). */
const SCOPE_LIMIT = 200;

/**
 * Plans and compiles the stand-ins for `libraries` (`--stub-missing`): one per needed library
 * that does not resolve here, named and SONAME'd like it, and one defining every undefined
 * symbol that neither the resolved needed libraries (transitively) nor the C++ runtime define.
 * Null when nothing is missing.
 */
export async function prepareStandIns(libraries: ReadonlyArray<{ file: string; elf: ElfFile }>, view: LinkerView, cacheDir: string, env: Readonly<Record<string, string | undefined>>): Promise<StandIns | null> {
  const missingLibraries = new Set<string>();
  const resolved: string[] = [];
  for (const { file, elf } of libraries) {
    for (const needed of await resolveNeeded(elf, file, view)) {
      if (needed.path === null) missingLibraries.add(needed.name);
      else resolved.push(needed.path);
    }
  }
  const { defined, unresolved } = await definedHere([...resolved, ...(view.cache.get(RUNTIME) ?? []).slice(0, 1)], view);
  // A library this one needs may itself need one that is missing: dlopen fails on that too.
  for (const name of unresolved) missingLibraries.add(name);
  const missing = new Map<string, MissingSymbol>();
  for (const { elf } of libraries) {
    for (const symbol of requiredUndefined(elf)) if (!defined.has(symbol.name) && !missing.has(symbol.name)) missing.set(symbol.name, symbol);
  }
  if (missingLibraries.size === 0 && missing.size === 0) return null;

  const compiler = await findCompiler(env, cacheDir);
  const build = (request: Parameters<typeof compileSharedObject>[2]) => compileSharedObject(compiler, cacheDir, request);
  const { source, skipped } = symbolStandInSource([...missing.values()]);
  const standIns = await Promise.all([
    ...[...missingLibraries].map((soname) => build({ source: neededStandInSource(soname), fileName: soname, soname, what: `the stand-in for ${soname}` })),
    ...(missing.size > 0 ? [build({ source, fileName: 'libmesos-module-matrix-symbols.so', what: `the stand-in for ${missing.size} undefined symbols` })] : []),
  ]);
  const preloader = await build({ source: preloaderSource(standIns), fileName: 'libmesos-module-matrix-preload.so', what: 'the stand-in preloader' });
  return { preloader, libraries: [...missingLibraries], symbols: [...missing.keys()].filter((name) => !skipped.includes(name)) };
}

/** Every symbol the given libraries and what they need (transitively) export, and the needed libraries among them that do not resolve. */
async function definedHere(roots: readonly string[], view: LinkerView): Promise<{ defined: Set<string>; unresolved: Set<string> }> {
  const names = new Set<string>();
  const unresolved = new Set<string>();
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0 && seen.size < SCOPE_LIMIT) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const elf = await readElfFile(file);
    if (!elf.ok) continue;
    for (const symbol of elf.symbols) if (exported(symbol)) names.add(symbol.name);
    for (const needed of await resolveNeeded(elf, file, view)) {
      if (needed.path === null) unresolved.add(needed.name);
      else queue.push(needed.path);
    }
  }
  return { defined: names, unresolved };
}
