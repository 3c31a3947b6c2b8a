import { ToolchainError } from '../core/errors.js';
import { escapeText, SHOWN_LENGTH } from '../core/escapeText.js';
import { escapeLeftProcess, type LeftProcess, type LibraryOutcome } from '../core/libraryOutcome.js';
import { unframe, type ProbeEvent, type ProbeItem, type RawManifest } from './probeProtocol.js';
import type { ProbeChild } from './spawnProbeChild.js';

/**
 * How long a child may take to start (Node, koffi) before it counts as broken. `--timeout` is
 * for the library's own work; on a loaded machine a child's start-up alone can exceed a short
 * one, and that must not be blamed on the first library.
 */
const STARTUP_MS = 60_000;

/** After its last answer, how long a child may take to exit (static destructors run) before it is killed. */
const EXIT_GRACE_MS = 1_000;

/** After a child died, how long to wait for the rest of what it wrote, if a descendant still holds the channel. */
const CHANNEL_GRACE_MS = 300;

/**
 * Gives the batch to the child and records each answer. Every item whose library started
 * opening gets exactly one outcome: answered, or classified by how the child ended (crash,
 * exit, hang, a write into the protocol). Items after that are left without an outcome, for a
 * fresh child; each call records at least one outcome or throws, so the caller's retries end.
 * Once every item is answered, nothing the child does at exit can take the answers back.
 */
export async function runBatch(child: ProbeChild, token: string, batch: readonly ProbeItem[], timeoutMs: number, record: (local: number, outcome: LibraryOutcome) => void): Promise<void> {
  const current: { local: number; at: 'start' | 'open' | 'symbol' | 'compatible'; manifest?: RawManifest | undefined } = { local: 0, at: 'start' };
  const answers = new Array<LibraryOutcome | undefined>(batch.length);
  let started = false;
  let timedOut = false;
  let broken: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let markDone: (value: 'done') => void = () => undefined;
  const finished = new Promise<'done'>((resolve) => (markDone = resolve));
  const arm = (ms = timeoutMs) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, ms);
  };
  /** Processes found after an item was answered go on its outcome (the last one answered: no later item ran). */
  const addLeftovers = (local: number, left: readonly LeftProcess[]) => {
    const answered = answers[local];
    if (left.length === 0 || answered === undefined) return;
    answers[local] = { ...answered, leftovers: [...(answered.leftovers ?? []), ...left] };
    record(local, answers[local] as LibraryOutcome);
  };
  const onEvent = (event: ProbeEvent): string | undefined => {
    if ('done' in event) {
      if (current.local !== batch.length) return `ended after ${current.local} of ${batch.length} answers`;
      addLeftovers(batch.length - 1, event.leftovers);
      markDone('done');
      return undefined;
    }
    if (event.i !== current.local || current.local >= batch.length) return `answered item ${event.i} while item ${current.local} was due`;
    started = true;
    if ('outcome' in event) {
      answers[event.i] = event.outcome;
      record(event.i, event.outcome);
      Object.assign(current, { local: event.i + 1, at: 'start', manifest: undefined });
      arm(); // the next step (or the end) must come in time too: a child stuck between items is killed
      return undefined;
    }
    Object.assign(current, { at: event.at, manifest: 'manifest' in event ? event.manifest : undefined });
    arm();
    return undefined;
  };
  child.onLine = (line) => {
    if (broken !== undefined) return;
    const parsed = unframe(token, line);
    broken = 'error' in parsed ? parsed.error : onEvent(parsed.event);
    if (broken !== undefined) child.kill();
  };
  child.process.stdin?.end(JSON.stringify({ token, items: batch }));
  arm(Math.max(timeoutMs, STARTUP_MS)); // a child that never gets going counts as hung too; each step re-arms with --timeout
  const ended = await Promise.race([finished, child.exited]);
  clearTimeout(timer);
  // Whatever came from the child and outlived it (in its group or out of it, see sweepEscapees).
  const escaped = () => child.kill().map(escapeLeftProcess);
  if (ended === 'done') {
    await settle(child.exited, EXIT_GRACE_MS); // static destructors run, and may start processes too
    return addLeftovers(batch.length - 1, escaped());
  }
  if (ended.error) throw new ToolchainError(`cannot start the library prober: ${ended.error.message}`, 'check that Node.js can run child processes here');
  const left = escaped();
  await settle(child.channelEnded, CHANNEL_GRACE_MS); // what it wrote before it died is still to be read
  child.onLine = () => undefined;
  if (current.local >= batch.length) return addLeftovers(batch.length - 1, left); // every item answered: how it exited changes nothing
  if (current.at === 'start' && broken === undefined) {
    if (started) return addLeftovers(current.local - 1, left); // died between items: the rest go to a fresh child
    // Died before the first item: that is the prober itself failing, not a library.
    const output = child.output().trim().split('\n').map((line) => escapeText(line, SHOWN_LENGTH.output));
    throw new ToolchainError(`the library prober exited with ${ended.signal ?? `code ${ended.code}`} before opening a library:\n${output.join('\n')}`, 'reinstall with `npm ci` (koffi must load on this machine)');
  }
  const failed = batch[current.local] as ProbeItem;
  const outcome = classify(failed, current, broken ?? describeEnd(ended, timedOut, timeoutMs, child.output()), broken ? 'protocol' : timedOut ? 'timeout' : 'crash');
  answers[current.local] = outcome;
  record(current.local, outcome);
  addLeftovers(current.local, left);
  // Mesos opens a library string once (loader-facts §6 step 2): what its opening did is the
  // outcome of every module of it, recorded once, never a fresh child per module to crash again.
  if (current.at !== 'open') return;
  batch.forEach((item, local) => {
    if (local > current.local && item.library === failed.library) record(local, outcome);
  });
}

function describeEnd(ended: { code: number | null; signal: NodeJS.Signals | null }, timedOut: boolean, timeoutMs: number, output: string): string {
  const how = timedOut ? `did not return within ${timeoutMs} ms` : ended.signal ? `killed the process (${ended.signal})` : `exited with code ${ended.code}`;
  // What a library printed is its choice: shown escaped (no terminal escapes) and cut.
  const tail = escapeText(output.trim().split('\n').at(-1)?.trim() ?? '', SHOWN_LENGTH.output);
  return `${how}${tail ? `; it printed: ${tail}` : ''}`;
}

function classify(item: ProbeItem, current: { at: string; manifest?: RawManifest | undefined }, detail: string, failed: 'crash' | 'timeout' | 'protocol'): LibraryOutcome {
  if (current.at === 'compatible' && current.manifest && failed !== 'protocol') {
    const { compatiblePresent: _present, ...fields } = current.manifest;
    return { stage: 'manifest', manifest: { ...fields, compatible: { present: true, failed, detail: `compatible() of '${item.symbol}' ${detail}` } } };
  }
  const step = current.at === 'open' || current.at === 'start' ? `dlopen('${item.library}') (static initialisers)` : current.at === 'symbol' ? `reading the manifest '${item.symbol}'` : `compatible() of '${item.symbol}'`;
  return { stage: failed, during: current.at === 'open' || current.at === 'start' ? 'open' : 'lookup', message: `${step} ${detail}` };
}

async function settle(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
