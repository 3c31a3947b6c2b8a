import { escapeText } from '../core/escapeText.js';
import { escapeLeftProcess, escapeLibraryOutcome, escapeManifestStrings, type LeftProcess, type LibraryOutcome } from '../core/libraryOutcome.js';
import type { Manifest } from '../core/manifest.js';

/** One module to look up in one library: `library` is the string handed to dlopen. */
export interface ProbeItem {
  readonly library: string;
  readonly symbol: string;
}

/** What the parent writes on the child's stdin: the work, and the token that frames every answer. */
export interface ProbeInput {
  readonly token: string;
  readonly items: readonly ProbeItem[];
}

/** The manifest before `compatible()` is called. */
export type RawManifest = Omit<Manifest, 'compatible'> & { readonly compatiblePresent: boolean };

/**
 * Lines the child writes on the protocol descriptor, one JSON object each. `at` is written
 * *before* each step, so that when the child dies the parent knows which item and which step
 * killed it; `done` comes after the last answer, before the process exits (and runs the
 * libraries' static destructors). `leftovers` are processes a library started that were still
 * running, which the child killed.
 */
export type ProbeEvent =
  | { readonly i: number; readonly at: 'open' | 'symbol' }
  | { readonly i: number; readonly at: 'compatible'; readonly manifest: RawManifest }
  | { readonly i: number; readonly outcome: LibraryOutcome }
  | { readonly done: true; readonly leftovers: readonly LeftProcess[] };

/**
 * The child's protocol descriptor. Library code runs in the child and inherits its
 * descriptors; a library writing to the low ones (3–9, where a pipe usually is) must not reach
 * the protocol. One that finds this one anyway cannot forge an answer: see {@link frame}.
 */
export const PROTOCOL_FD = 63;

/** One protocol line: the run's random token, a space, the event. */
export function frame(token: string, event: ProbeEvent): string {
  return `${token} ${JSON.stringify(event)}\n`;
}

/**
 * The event in one protocol line, or why the line is not one of ours. This is where what a
 * library chose enters our data: its strings come out escaped and cut (`escapeLibraryOutcome`).
 */
export function unframe(token: string, line: string): { event: ProbeEvent } | { error: string } {
  const shown = `"${escapeText(line, 80)}"`;
  if (!line.startsWith(`${token} `)) return { error: `wrote to the probe's protocol channel: ${shown}` };
  try {
    const event = JSON.parse(line.slice(token.length + 1)) as unknown;
    if (typeof event === 'object' && event !== null) return { event: escapeEvent(event as ProbeEvent) };
  } catch {
    // falls through: a line with our token but not our JSON, or not the shape of an event
  }
  return { error: `garbled the probe's protocol channel: ${shown}` };
}

function escapeEvent(event: ProbeEvent): ProbeEvent {
  if ('done' in event) return { done: true, leftovers: event.leftovers.map(escapeLeftProcess) };
  if ('outcome' in event) return { i: event.i, outcome: escapeLibraryOutcome(event.outcome) };
  if ('manifest' in event) return { i: event.i, at: event.at, manifest: escapeManifestStrings(event.manifest) };
  return event;
}
