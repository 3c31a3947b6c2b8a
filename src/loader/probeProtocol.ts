import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { Manifest } from '../core/manifest.js';

/** One module to look up in one library: `library` is the string handed to dlopen. */
export interface ProbeItem {
  readonly library: string;
  readonly symbol: string;
}

/** The manifest before `compatible()` is called. */
export type RawManifest = Omit<Manifest, 'compatible'> & { readonly compatiblePresent: boolean };

/**
 * Lines the child writes on fd 3, one JSON object each. `at` is written *before* each step, so
 * that when the child dies the parent knows which item and which step killed it.
 */
export type ProbeEvent =
  | { readonly i: number; readonly at: 'open' | 'symbol' }
  | { readonly i: number; readonly at: 'compatible'; readonly manifest: RawManifest }
  | { readonly i: number; readonly outcome: LibraryOutcome };

export const PROTOCOL_FD = 3;
