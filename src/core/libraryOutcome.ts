import type { Manifest } from './manifest.js';

/**
 * What happened to one (library, module) when it was built and opened, before any host's
 * rules apply. `dlerror` texts are glibc's own, read in the child that opened the library.
 */
export type LibraryOutcome = (
  | { readonly stage: 'compile'; readonly message: string }
  | { readonly stage: 'open'; readonly dlerror: string }
  | { readonly stage: 'symbol'; readonly dlerror: string }
  /**
   * The library crashed, exited or hung the process that opened it, or wrote into the prober's
   * protocol: in its static initialisers (`open`) or when its manifest was read.
   */
  | { readonly stage: 'crash' | 'timeout' | 'protocol'; readonly during: 'open' | 'lookup'; readonly message: string }
  | { readonly stage: 'manifest'; readonly manifest: Manifest }
) & {
  /**
   * Processes the library started that were still running once it was probed (`pid command`);
   * the prober killed them. Absent when there were none.
   */
  readonly leftovers?: readonly string[];
};
