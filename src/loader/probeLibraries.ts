import { spawn } from 'node:child_process';
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

/**
 * Opens every item's library in child processes and returns, per item and in order, what
 * happened. A child that crashes or hangs is replaced and the remaining items go on, so one
 * misbehaving library never takes the others' results with it.
 */
export async function probeLibraries(items: readonly ProbeItem[], options: ProbeOptions): Promise<LibraryOutcome[]> {
  const outcomes = new Array<LibraryOutcome | undefined>(items.length);
  const queues = partition(items, options.jobs);
  await Promise.all(queues.map((queue) => drain(items, queue, outcomes, options.timeoutMs)));
  return outcomes.map((outcome, index) => {
    if (!outcome) throw new Error(`no outcome for ${items[index]?.library}`);
    return outcome;
  });
}

/** Items of one library string stay in one child (it opens each string once); queues balance by count. */
function partition(items: readonly ProbeItem[], jobs: number): number[][] {
  const byLibrary = new Map<string, number[]>();
  items.forEach((item, index) => byLibrary.set(item.library, [...(byLibrary.get(item.library) ?? []), index]));
  const queues: number[][] = Array.from({ length: Math.max(1, Math.min(jobs, byLibrary.size)) }, () => []);
  for (const group of byLibrary.values()) queues.reduce((a, b) => (b.length < a.length ? b : a)).push(...group);
  return queues.filter((queue) => queue.length > 0);
}

async function drain(items: readonly ProbeItem[], queue: number[], outcomes: Array<LibraryOutcome | undefined>, timeoutMs: number) {
  let pending = queue;
  while (pending.length > 0) {
    await runChild(pending.map((index) => items[index] as ProbeItem), timeoutMs, (local, outcome) => {
      outcomes[pending[local] as number] = outcome;
    });
    pending = pending.filter((index) => !outcomes[index]);
  }
}

interface InFlight {
  local: number;
  at: 'start' | 'open' | 'symbol' | 'compatible';
  manifest?: RawManifest;
}

function runChild(batch: readonly ProbeItem[], timeoutMs: number, record: (local: number, outcome: LibraryOutcome) => void): Promise<void> {
  const { execArgv, script } = childEntry();
  const child = spawn(process.execPath, [...execArgv, script], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  const current: InFlight = { local: 0, at: 'start' };
  let output = '';
  let buffered = '';
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
  };
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  (child.stdio[PROTOCOL_FD] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const event = JSON.parse(buffered.slice(0, newline)) as ProbeEvent;
      buffered = buffered.slice(newline + 1);
      if ('outcome' in event) {
        record(event.i, event.outcome);
        current.at = 'start';
      } else {
        Object.assign(current, { local: event.i, at: event.at, manifest: 'manifest' in event ? event.manifest : undefined });
        arm();
      }
    }
  });
  child.stdin.end(JSON.stringify(batch));
  arm(); // a child that never starts counts as hung too

  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new ToolchainError(`cannot start the library prober: ${error.message}`, 'check that Node.js can spawn itself')));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !timedOut) return resolve();
      if (current.at === 'start') {
        // The child died between items or before the first one: that is the prober itself failing.
        return reject(
          new ToolchainError(`the library prober exited with ${signal ?? `code ${code}`} before opening a library:\n${output.trim()}`, 'reinstall with `npm ci` (koffi must load on this machine)'),
        );
      }
      const item = batch[current.local] as ProbeItem;
      const how = timedOut ? `did not return within ${timeoutMs} ms` : `killed the process (${signal ?? `exit code ${code}`})`;
      const tail = lastLine(output);
      const detail = `${how}${tail ? `; it printed: ${tail}` : ''}`;
      const failed = timedOut ? 'timeout' : 'crash';
      if (current.at === 'compatible' && current.manifest) {
        const { compatiblePresent: _present, ...fields } = current.manifest;
        record(current.local, { stage: 'manifest', manifest: { ...fields, compatible: { present: true, failed, detail: `compatible() of '${item.symbol}' ${detail}` } } });
      } else {
        const step = current.at === 'open' ? `dlopen('${item.library}') (static initialisers)` : `reading the manifest '${item.symbol}'`;
        record(current.local, { stage: failed, message: `${step} ${detail}` });
      }
      resolve();
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}

/** The child's entry point: compiled JavaScript next to this file, or the TypeScript source under the test runner. */
function childEntry(): { execArgv: string[]; script: string } {
  const self = fileURLToPath(import.meta.url);
  return self.endsWith('.ts')
    ? { execArgv: ['--import', 'tsx'], script: self.replace(/probeLibraries\.ts$/, 'probeChild.ts') }
    : { execArgv: [], script: self.replace(/probeLibraries\.js$/, 'probeChild.js') };
}
