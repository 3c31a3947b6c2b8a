import type { Manifest } from './manifest.js';

/**
 * What happened to one (library, module) when it was built and opened, before any host's
 * rules apply. `dlerror` texts are glibc's own, read in the child that opened the library.
 */
export type LibraryOutcome =
  | { readonly stage: 'compile'; readonly message: string }
  | { readonly stage: 'open'; readonly dlerror: string }
  | { readonly stage: 'symbol'; readonly dlerror: string }
  | { readonly stage: 'crash' | 'timeout'; readonly message: string }
  | { readonly stage: 'manifest'; readonly manifest: Manifest };
