import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LeftProcess } from '../core/libraryOutcome.js';
import { PROTOCOL_FD } from './probeProtocol.js';
import { PROBE_MARK, sweepEscapees } from './sweepChildren.js';

/** How much of what a child printed is kept (its end). */
const OUTPUT_TAIL = 65_536;

/** A probe child process: its own process group, killed whole. */
export interface ProbeChild {
  readonly process: ChildProcess;
  /** Resolves with how the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>;
  /** Resolves when the protocol channel has ended (every writer, the child's descendants too, closed it). */
  readonly channelEnded: Promise<void>;
  /** The last few kB the process (or a library in it) printed. */
  output: () => string;
  /** Each complete line that arrives on the protocol channel. */
  onLine: (line: string) => void;
  /**
   * SIGKILLs the child's process group — the child and whatever it forked that stayed in it —
   * and whatever came from it and left the group; returns those (`sweepEscapees`). Called
   * again, it kills nothing more and returns the same.
   */
  kill: () => LeftProcess[];
}

/** Children whose groups are still to be killed: on SIGINT/SIGTERM or when the CLI exits. */
const live = new Set<ProbeChild>();

/**
 * `niced` (the default): the child starts at a lower priority, so that its start-up takes no
 * CPU from compilers. Not for `check`, which compiles nothing and waits for the child's answer:
 * there a niced child only loses the CPU to this process's own start-up.
 */
export function spawnProbeChild(niced = true): ProbeChild {
  const { execArgv, script } = childEntry();
  // The protocol pipe sits far above the descriptors a library might write to; the gap is closed.
  const stdio: Array<'pipe' | 'ignore'> = ['pipe', 'pipe', 'pipe', ...Array<'ignore'>(PROTOCOL_FD - 3).fill('ignore'), 'pipe'];
  // Detached: a new session and group, both named by the child's pid. The mark outlives both.
  const mark = randomBytes(8).toString('hex');
  const process_ = spawn(process.execPath, [...execArgv, script, String(PROTOCOL_FD)], { stdio, detached: true, env: { ...process.env, [PROBE_MARK]: mark } });
  // A child starts before it has work; niced, its start-up takes no CPU from compilers.
  if (niced && process_.pid !== undefined) {
    try {
      setPriority(process_.pid, 10);
    } catch {
      // not permitted here: it merely competes a little
    }
  }
  let output = '';
  let buffered = '';
  let swept: LeftProcess[] | undefined;
  const channel = (process_.stdio as unknown as NodeJS.ReadableStream[])[PROTOCOL_FD] as NodeJS.ReadableStream;
  const child: ProbeChild = {
    process: process_,
    exited: new Promise((resolve) => {
      process_.on('error', (error) => resolve({ code: null, signal: null, error }));
      process_.on('exit', (code, signal) => {
        live.delete(child);
        resolve({ code, signal });
      });
    }),
    channelEnded: new Promise((resolve) => {
      channel.on('end', resolve);
      channel.on('close', resolve);
    }),
    output: () => output,
    onLine: () => undefined,
    kill: () => {
      const leader = process_.pid;
      live.delete(child);
      if (swept !== undefined || leader === undefined) return swept ?? [];
      swept = sweepEscapees(leader, mark, [process.execPath, ...execArgv, script, String(PROTOCOL_FD)].join(' '), () => {
        try {
          process.kill(-leader, 'SIGKILL');
        } catch {
          // the group is gone already
        }
      });
      return swept;
    },
  };
  // The tail of what the child printed, for the crash message's last line (escaped and cut
  // there to 512 characters). The tail must hold that line from its start, or the message shows
  // the line's end in place of its beginning (a 5 000-character line in a 4 000-character tail).
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
  };
  process_.stdout?.on('data', collect);
  process_.stderr?.on('data', collect);
  process_.stdin?.on('error', () => undefined); // a child that died early: its exit tells why
  channel.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      child.onLine(line);
    }
  });
  live.add(child);
  installCleanup();
  return child;
}

let installed = false;

/**
 * Probe children are detached (their own process groups), so neither a terminal's Ctrl-C nor
 * this process's end reaches them: kill their groups on SIGINT/SIGTERM, then die of the same
 * signal so that the exit status tells it; and kill them when this process exits anyhow.
 */
function installCleanup(): void {
  if (installed) return;
  installed = true;
  const killAll = () => {
    for (const child of [...live]) child.kill();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killAll();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', killAll);
}

/**
 * The child's entry point: the TypeScript source under the test runner; else the child bundled
 * as one CommonJS file (dist/bundle/probeChild.cjs, see scripts/bundle-cli.ts), whose start-up
 * is ~20 ms shorter than loading its ES modules and koffi's one by one, and which `check` waits
 * for; dist/loader/probeChild.js where the build made no bundle. Found through `../`, as this
 * code runs both from dist/loader/ and from the CLI's bundle in dist/bundle/.
 */
function childEntry(): { execArgv: string[]; script: string } {
  if (import.meta.url.endsWith('.ts')) return { execArgv: ['--import', 'tsx'], script: fileURLToPath(new URL('../loader/probeChild.ts', import.meta.url)) };
  const bundled = fileURLToPath(new URL('../bundle/probeChild.cjs', import.meta.url));
  return { execArgv: [], script: existsSync(bundled) ? bundled : fileURLToPath(new URL('../loader/probeChild.js', import.meta.url)) };
}
