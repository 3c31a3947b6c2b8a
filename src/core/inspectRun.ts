import type { Advice } from './loadAdvice.js';
import type { LibraryOutcome } from './libraryOutcome.js';
import type { Stage } from './stage.js';

/** A `DT_NEEDED` library and where this machine's dynamic linker would find it (`path: null`: nowhere). */
export interface NeededLibrary {
  readonly name: string;
  readonly path: string | null;
  /** Where the folder came from: `RPATH`, `LD_LIBRARY_PATH`, `RUNPATH`, `ld.so cache`, `default folders`, `path`. */
  readonly via: string | null;
}

/** What a library's ELF headers, dynamic section and dynamic symbols say; no code of it ran. */
export interface StaticFacts {
  readonly bits: 32 | 64;
  readonly endian: 'little' | 'big';
  /** `e_machine` by name (`x86-64`, `AArch64`). */
  readonly machine: string;
  /** `shared object`, `executable`, … */
  readonly type: string;
  /** Why this machine cannot load it ("an ELF for AArch64, this machine is x86-64"), or null. */
  readonly foreign: string | null;
  readonly soname: string | null;
  readonly needed: readonly NeededLibrary[];
  readonly rpath: readonly string[] | null;
  readonly runpath: readonly string[] | null;
  /** The size of a module manifest in this library's class (64 bytes for 64-bit). */
  readonly manifestSize: number;
  /** Exported data symbols of that size: the module names it can offer. */
  readonly candidates: readonly string[];
  /** Undefined (non-weak) symbols: what must come from elsewhere when it is opened. */
  readonly undefinedSymbols: readonly string[];
  /** The Mesos release it was linked for, from a `libmesos-X.Y.Z.so` among its needed libraries. */
  readonly linkedMesos: string | null;
}

/** The static read of one file: its facts, or why it is no ELF this tool can read. */
export type StaticRead = { readonly ok: true; readonly facts: StaticFacts } | { readonly ok: false; readonly problem: string };

/**
 * How opening the library went in the child, classified beyond dlerror(): a needed library
 * missing, a symbol no loaded library defines (typically Mesos's own, which a real master or
 * agent supplies), another machine's ELF, or the library crashing, hanging or garbling the
 * probe while its static initialisers ran.
 */
export type OpenStage = 'opened' | 'missing-library' | 'undefined-symbol' | 'foreign-machine' | 'not-loadable' | 'crash' | 'timeout' | 'protocol';

export interface OpenResult {
  readonly stage: OpenStage;
  /** dlerror() or the prober's account; empty when it opened. */
  readonly message: string;
  /** What to do, from the static facts; null when it opened. */
  readonly hint: string | null;
}

/** One selected release's answer for one module: Mesos's verdict and what to do. */
export interface InspectVerdict {
  readonly mesos: string;
  readonly loadable: boolean;
  readonly stage: Stage;
  /** What Mesos prints after "Error loading modules: "; empty when it loads. */
  readonly message: string;
  readonly advice: Advice;
}

export interface InspectedModule {
  /** The exported symbol, i.e. the module's name. */
  readonly name: string;
  /** What opening the library and reading this manifest did; null with `--no-exec`. */
  readonly outcome: LibraryOutcome | null;
  /** Per selected release; empty with `--no-exec`. */
  readonly verdicts: readonly InspectVerdict[];
}

export interface LibraryInspection {
  /** The path as given. */
  readonly library: string;
  readonly static: StaticRead;
  /** The child's part; null with `--no-exec` or when the file is no ELF. */
  readonly open: OpenResult | null;
  /** Stand-in libraries opened before it (`--stub-missing`): their SONAMEs, and how many symbols were stood in for. */
  readonly standIns: { readonly libraries: readonly string[]; readonly symbols: number } | null;
  readonly modules: readonly InspectedModule[];
}

export interface InspectRun {
  readonly releases: readonly string[];
  readonly exec: boolean;
  readonly stubMissing: boolean;
  readonly libraries: readonly LibraryInspection[];
}

/**
 * 0 when every selected release loads every candidate module of every library; 1 when one
 * refuses one, or a library offers no module at all (Mesos could load nothing from it). With
 * `--no-exec` no verdict exists: 1 only for a library that offers no module or cannot load here.
 */
export function inspectExitCode(run: InspectRun): 0 | 1 {
  const fine = run.libraries.every(
    (library) =>
      library.static.ok &&
      library.static.facts.foreign === null &&
      library.modules.length > 0 &&
      (library.open === null || library.open.stage === 'opened') &&
      library.modules.every((module) => module.verdicts.every((verdict) => verdict.loadable)),
  );
  return fine ? 0 : 1;
}
