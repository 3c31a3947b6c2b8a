import { escapeNullable, escapeText, SHOWN_LENGTH } from './escapeText.js';
import { MANIFEST_STRING_FIELDS, type Manifest } from './manifest.js';

/** A process a library started that was still running once the library was probed; the prober killed it. */
export interface LeftProcess {
  readonly pid: number;
  /** Its command line, arguments joined by spaces (escaped and cut, see `escapeLibraryOutcome`). */
  readonly command: string;
}

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
  /** Processes the library started that were still running once it was probed; absent when there were none. */
  readonly leftovers?: readonly LeftProcess[];
};

/** A left process's command line as it may be shown (the library chose it). */
export function escapeLeftProcess(left: LeftProcess): LeftProcess {
  return { pid: left.pid, command: escapeText(left.command, SHOWN_LENGTH.command) };
}

/** A manifest's strings (and any other fields, unchanged) as they may be shown: escaped and cut. */
export function escapeManifestStrings<T extends { readonly [F in (typeof MANIFEST_STRING_FIELDS)[number]]: string | null }>(manifest: T): T {
  const escaped = Object.fromEntries(MANIFEST_STRING_FIELDS.map((field) => [field, escapeNullable(manifest[field], SHOWN_LENGTH.manifest)]));
  return { ...manifest, ...escaped };
}

/**
 * The outcome as it enters our data from the prober: every string the library chose (manifest
 * strings, the dlerror() texts that quote it, the command lines it left running) escaped and cut
 * (`escapeText`), so that no renderer prints a control byte or a megabyte. The escaping is
 * one-to-one and leaves "2", kind names and versions without control characters as they are, so
 * the loader rules judge the escaped strings as Mesos judges the raw ones; only a string longer
 * than `SHOWN_LENGTH.manifest` is judged on its cut form.
 */
export function escapeLibraryOutcome(outcome: LibraryOutcome): LibraryOutcome {
  const leftovers = outcome.leftovers?.map(escapeLeftProcess);
  const extra = leftovers === undefined ? {} : { leftovers };
  switch (outcome.stage) {
    case 'open':
    case 'symbol':
      return { stage: outcome.stage, dlerror: escapeText(outcome.dlerror, SHOWN_LENGTH.manifest), ...extra };
    case 'manifest':
      return { stage: 'manifest', manifest: escapeManifestStrings(outcome.manifest), ...extra };
    default:
      // Our own messages: what they quote of the library was escaped where they were composed.
      return { ...outcome, ...extra };
  }
}
