import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ToolchainError } from '../core/errors.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { PROTOCOL_FD, type ProbeEvent, type ProbeItem, type RawManifest } from './probeProtocol.js';

export interface ProbeOptions {
  /** Child processes at once. */
  readonly jobs: number;
  /** How long one step (dlopen, lookup, compatible()) may take before it counts as hung, in ms. */
  readonly timeoutMs: number;
}

export interface Prober {
  /** Per item, in order, what opening its library and reading its module did. */
  probe(items: readonly ProbeItem[]): Promise<LibraryOutcome[]>;
  /** Lets children that were never given work go. */
  close(): void;
}

/**
 * A child's start-up (Node and koffi, ~130 ms of CPU) costs as much as opening a few hundred
 * fixtures: a further child only pays off beyond this many libraries.
 */
const LIBRARIES_PER_CHILD = 300;

/**
 * How long a child may take to start (Node, koffi) before it counts as broken. `--timeout` is
 * for the library's own work; on a loaded machine a child's start-up alone can exceed a short
 * one, and that must not be blamed on the first library.
 */
const STARTUP_MS = 60_000;

/**
 * Starts one child process at once, so that its start-up overlaps whatever the caller does
 * before it has libraries to open; more start when there are many libraries. A child that
 * crashes or hangs is replaced and the remaining items go on, so one misbehaving library never
 * takes the others' results with it.
 */
export function startProber(options: ProbeOptions): Prober {
  const idle = [takePrestarted() ?? spawnChild()];
  const take = () => idle.pop() ?? spawnChild();
  return {
    async probe(items) {
      const outcomes = new Array<LibraryOutcome | undefined>(items.length);
      const queues = partition(items, Math.min(options.jobs, Math.ceil(new Set(items.map((item) => item.library)).size / LIBRARIES_PER_CHILD)));
      await Promise.all(queues.map((queue) => drain(items, queue, outcomes, options.timeoutMs, take)));
      return outcomes.map((outcome, index) => {
        if (!outcome) throw new Error(`no outcome for ${items[index]?.library}`);
        return outcome;
      });
    },
    close() {
      for (const child of idle.splice(0)) child.process.stdin?.end('[]');
    },
  };
}

let prestarted: Child | undefined;

/**
 * Starts the first child before the CLI has even loaded its modules (`bin` calls this for
 * `matrix`). Until a prober takes it, it does not keep this process alive: if the run ends
 * early (a usage error), the child sees its input close and exits.
 */
export function prestartProber(): void {
  prestarted ??= spawnChild();
  setReferenced(prestarted, false);
}

function takePrestarted(): Child | undefined {
  const child = prestarted;
  prestarted = undefined;
  if (child) setReferenced(child, true);
  return child;
}

function setReferenced(child: Child, referenced: boolean): void {
  const handles = [child.process, ...child.process.stdio] as Array<{ ref?: () => void; unref?: () => void } | null>;
  for (const handle of handles) (referenced ? handle?.ref : handle?.unref)?.call(handle);
}

/** One-shot: start, probe, close. */
export async function probeLibraries(items: readonly ProbeItem[], options: ProbeOptions): Promise<LibraryOutcome[]> {
  const prober = startProber(options);
  try {
    return await prober.probe(items);
  } finally {
    prober.close();
  }
}

/** Items of one library string stay in one child (it opens each string once); queues balance by count. */
function partition(items: readonly ProbeItem[], jobs: number): number[][] {
  const byLibrary = new Map<string, number[]>();
  items.forEach((item, index) => byLibrary.set(item.library, [...(byLibrary.get(item.library) ?? []), index]));
  const queues: number[][] = Array.from({ length: Math.max(1, Math.min(jobs, byLibrary.size)) }, () => []);
  for (const group of byLibrary.values()) queues.reduce((a, b) => (b.length < a.length ? b : a)).push(...group);
  return queues.filter((queue) => queue.length > 0);
}

async function drain(items: readonly ProbeItem[], queue: number[], outcomes: Array<LibraryOutcome | undefined>, timeoutMs: number, take: () => Child) {
  let pending = queue;
  while (pending.length > 0) {
    const batch = pending;
    await runBatch(take(), batch.map((index) => items[index] as ProbeItem), timeoutMs, (local, outcome) => {
      outcomes[batch[local] as number] = outcome;
    });
    pending = batch.filter((index) => !outcomes[index]);
  }
}

interface Child {
  readonly process: ChildProcess;
  /** Resolves with how the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>;
  /** The last few kB the process (or a library in it) printed. */
  output: () => string;
  onEvent: (event: ProbeEvent) => void;
}

function spawnChild(): Child {
  const { execArgv, script } = childEntry();
  const process_ = spawn(process.execPath, [...execArgv, script], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  // A child starts before it has work; niced, its start-up takes no CPU from compilers.
  if (process_.pid !== undefined) {
    try {
      setPriority(process_.pid, 10);
    } catch {
      // not permitted here: it merely competes a little
    }
  }
  let output = '';
  let buffered = '';
  const child: Child = {
    process: process_,
    exited: new Promise((resolve) => {
      process_.on('error', (error) => resolve({ code: null, signal: null, error }));
      process_.on('close', (code, signal) => resolve({ code, signal }));
    }),
    output: () => output,
    onEvent: () => undefined,
  };
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  process_.stdout?.on('data', collect);
  process_.stderr?.on('data', collect);
  process_.stdin?.on('error', () => undefined); // a child that died early: its exit tells why
  (process_.stdio[PROTOCOL_FD] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      child.onEvent(JSON.parse(line) as ProbeEvent);
    }
  });
  return child;
}

async function runBatch(child: Child, batch: readonly ProbeItem[], timeoutMs: number, record: (local: number, outcome: LibraryOutcome) => void): Promise<void> {
  const current: { local: number; at: 'start' | 'open' | 'symbol' | 'compatible'; manifest?: RawManifest | undefined } = { local: 0, at: 'start' };
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms = timeoutMs) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      child.process.kill('SIGKILL');
    }, ms);
  };
  child.onEvent = (event) => {
    if ('outcome' in event) {
      record(event.i, event.outcome);
      current.at = 'start';
      return;
    }
    Object.assign(current, { local: event.i, at: event.at, manifest: 'manifest' in event ? event.manifest : undefined });
    arm();
  };
  child.process.stdin?.end(JSON.stringify(batch));
  arm(Math.max(timeoutMs, STARTUP_MS)); // a child that never gets going counts as hung too; each step re-arms with --timeout
  const { code, signal, error } = await child.exited;
  clearTimeout(timer);
  if (error) throw new ToolchainError(`cannot start the library prober: ${error.message}`, 'check that Node.js can run child processes here');
  if (code === 0 && !timedOut) return;
  if (current.at === 'start') {
    // Died between items or before the first: that is the prober itself failing, not a library.
    throw new ToolchainError(
      `the library prober exited with ${signal ?? `code ${code}`} before opening a library:\n${child.output().trim()}`,
      'reinstall with `npm ci` (koffi must load on this machine)',
    );
  }
  const item = batch[current.local] as ProbeItem;
  const how = timedOut ? `did not return within ${timeoutMs} ms` : `killed the process (${signal ?? `exit code ${code}`})`;
  const tail = child.output().trim().split('\n').at(-1)?.trim() ?? '';
  const detail = `${how}${tail ? `; it printed: ${tail}` : ''}`;
  const failed = timedOut ? 'timeout' : 'crash';
  if (current.at === 'compatible' && current.manifest) {
    const { compatiblePresent: _present, ...fields } = current.manifest;
    record(current.local, { stage: 'manifest', manifest: { ...fields, compatible: { present: true, failed, detail: `compatible() of '${item.symbol}' ${detail}` } } });
  } else {
    const step = current.at === 'open' ? `dlopen('${item.library}') (static initialisers)` : `reading the manifest '${item.symbol}'`;
    record(current.local, { stage: failed, during: current.at === 'open' ? 'open' : 'lookup', message: `${step} ${detail}` });
  }
}

/** The child's entry point: compiled JavaScript next to this file, or the TypeScript source under the test runner. */
function childEntry(): { execArgv: string[]; script: string } {
  const self = fileURLToPath(import.meta.url);
  return self.endsWith('.ts')
    ? { execArgv: ['--import', 'tsx'], script: self.replace(/probeLibraries\.ts$/, 'probeChild.ts') }
    : { execArgv: [], script: self.replace(/probeLibraries\.js$/, 'probeChild.js') };
}
