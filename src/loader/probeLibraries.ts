import { randomBytes } from 'node:crypto';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { ProbeItem } from './probeProtocol.js';
import { runBatch } from './runBatch.js';
import { spawnProbeChild, type ProbeChild } from './spawnProbeChild.js';

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
 * Starts one child process at once, so that its start-up overlaps whatever the caller does
 * before it has libraries to open; more start when there are many libraries. A child that
 * crashes, exits, hangs or garbles the protocol is replaced and the remaining items go on, so
 * one misbehaving library never takes the others' results with it. Each child answers with a
 * random token of this run, which a library in it cannot know.
 */
export function startProber(options: ProbeOptions): Prober {
  const idle = [takePrestarted() ?? spawnProbeChild()];
  const take = () => idle.pop() ?? spawnProbeChild();
  const token = randomBytes(16).toString('hex');
  return {
    async probe(items) {
      const outcomes = new Array<LibraryOutcome | undefined>(items.length);
      const queues = partition(items, Math.min(options.jobs, Math.ceil(new Set(items.map((item) => item.library)).size / LIBRARIES_PER_CHILD)));
      await Promise.all(queues.map((queue) => drain(items, queue, outcomes, (batch, record) => runBatch(take(), token, batch, options.timeoutMs, record))));
      return outcomes.map((outcome, index) => {
        if (!outcome) throw new Error(`no outcome for ${items[index]?.library}`);
        return outcome;
      });
    },
    close() {
      for (const child of idle.splice(0)) child.process.stdin?.end('');
    },
  };
}

let prestarted: ProbeChild | undefined;

/**
 * Starts the first child before the CLI has even loaded its modules (`bin` calls this for
 * `check`, whose answer waits on it: not niced, as nothing compiles beside it). Until a prober
 * takes it, it does not keep this process alive: if the run ends early (a usage error), the
 * child sees its input close and exits.
 */
export function prestartProber(): void {
  prestarted ??= spawnProbeChild(false);
  setReferenced(prestarted, false);
}

function takePrestarted(): ProbeChild | undefined {
  const child = prestarted;
  prestarted = undefined;
  if (child) setReferenced(child, true);
  return child;
}

function setReferenced(child: ProbeChild, referenced: boolean): void {
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

type Run = (batch: readonly ProbeItem[], record: (local: number, outcome: LibraryOutcome) => void) => Promise<void>;

/** Runs the queue in fresh children until every item has its outcome (each run records at least one, or throws). */
async function drain(items: readonly ProbeItem[], queue: number[], outcomes: Array<LibraryOutcome | undefined>, run: Run) {
  let pending = queue;
  while (pending.length > 0) {
    const batch = pending;
    await run(batch.map((index) => items[index] as ProbeItem), (local, outcome) => {
      outcomes[batch[local] as number] = outcome;
    });
    pending = batch.filter((index) => !outcomes[index]);
  }
}
