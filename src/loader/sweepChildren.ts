/**
 * Finds processes a library started and kills them, from both sides of the probe:
 *
 * - in the probe child (`sweepChildren`): the child is a child subreaper (prctl
 *   PR_SET_CHILD_SUBREAPER), so a library's descendants that `setsid()` out of its process
 *   group, or whose parent died, still come back to it as children;
 * - in the parent (`sweepEscapees`), once the child's group is killed or the child died (and its
 *   orphans went to init): every process still marked as the child's — in its session, below it
 *   while it lives, or carrying its mark in the environment it was started with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { LeftProcess } from '../core/libraryOutcome.js';

/** Children this process had before any library ran (under the test runner, tsx's esbuild): not a library's. */
const spared = new Set<number>();

/** Notes the children this process has now, so that sweeps leave them alone; call before opening libraries. */
export function spareCurrentChildren(): void {
  for (const pid of childPids('all threads')) spared.add(pid);
}

/**
 * Kills every live child of this process (and, for a group leader, its group); returns them.
 * Libraries run on the main thread, so after each item only its children are read (one file);
 * at the end, those of every thread (a library may have started threads).
 */
export function sweepChildren(threads: 'main thread' | 'all threads'): LeftProcess[] {
  ownCommand ??= command(process.pid);
  return killUntilNone(ownCommand, () => childPids(threads).filter((pid) => !spared.has(pid) && stat(pid)?.state !== 'Z'));
}

let ownCommand: string | undefined;

/** How a process forked from the prober's child shows before it ran a program of its own. */
export const FORK_OF_PROBER = '(a fork of the process that opened the library)';

/**
 * The environment variable each probe child is started with, its value unique to the child; a
 * process that inherited it came from that child, whatever session or group it moved to.
 */
export const PROBE_MARK = 'MESOS_MATRIX_PROBE';

/**
 * Run by the parent when it ends a probe child: kills whatever came from the child `leader`
 * (started with `PROBE_MARK=mark`) and left its process group — by `setsid()`, or as an orphan of
 * a child that died — and returns those processes. `kill` kills the group; it is called after
 * the descendants of a live leader are noted (its ancestry is lost once it is dead) and before
 * they are killed. Members of the group itself die with it and are not counted: the child's
 * own helpers (tsx's esbuild under the test runner) are among them.
 */
export function sweepEscapees(leader: number, mark: string, childCommand: string, kill: () => void): LeftProcess[] {
  const below = descendants(leader);
  kill();
  const environ = `${PROBE_MARK}=${mark}`;
  const ours = (pid: number, info: Stat) => below.has(pid) || info.session === leader || safe(() => readFileSync(`/proc/${pid}/environ`, 'latin1'), '').split('\0').includes(environ);
  return killUntilNone(childCommand, () =>
    allStats()
      .filter(([pid, info]) => pid !== process.pid && pid !== leader && info.state !== 'Z' && info.pgrp !== leader && ours(pid, info))
      .map(([pid]) => pid),
  );
}

/**
 * Kills what `find` returns, and again, until it returns nothing: a killed process's children
 * reparent a moment later. A process caught between fork() and exec() still shows the command
 * of the probe child (`childCommand`): it is named as such, not as a second prober.
 */
function killUntilNone(childCommand: string, find: () => number[]): LeftProcess[] {
  const found = new Map<number, string>();
  // A fork about to exec() is given a moment to, so that it is named by what it runs; this long at most per sweep.
  const execDeadline = Date.now() + EXEC_GRACE_MS;
  for (let round = 0; round < 50; round++) {
    const live = find();
    if (live.length === 0) break;
    for (const pid of live) {
      if (!found.has(pid)) found.set(pid, settledCommand(pid, childCommand, execDeadline));
      kill(pid, stat(pid)?.pgrp === pid);
    }
    pause(20);
  }
  return [...found].map(([pid, line]) => ({ pid, command: line }));
}

const EXEC_GRACE_MS = 200;

/** The process's command line once it is no longer the probe child's own, or `FORK_OF_PROBER` at the deadline. */
function settledCommand(pid: number, childCommand: string, deadline: number): string {
  for (;;) {
    const line = command(pid);
    if (line !== childCommand) return line;
    if (Date.now() >= deadline) return FORK_OF_PROBER;
    pause(10);
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function childPids(threads: 'main thread' | 'all threads'): number[] {
  const pids = new Set<number>();
  const tasks = threads === 'main thread' ? [String(process.pid)] : safe(() => readdirSync('/proc/self/task'), []);
  for (const task of tasks) {
    for (const pid of safe(() => readFileSync(`/proc/self/task/${task}/children`, 'utf8'), '').split(/\s+/)) {
      if (pid) pids.add(Number(pid));
    }
  }
  return [...pids];
}

/** Every process below `root` (none once `root` is gone), by parent pid. */
function descendants(root: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const [pid, info] of allStats()) children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
  const found = new Set<number>();
  const queue = [root];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const child of children.get(next) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return found;
}

interface Stat {
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
  readonly session: number;
}

function allStats(): Array<[number, Stat]> {
  const pids = safe(() => readdirSync('/proc'), [] as string[]).filter((name) => /^\d+$/.test(name));
  return pids.flatMap((name): Array<[number, Stat]> => {
    const info = stat(Number(name));
    return info ? [[Number(name), info]] : [];
  });
}

function stat(pid: number): Stat | undefined {
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const text = safe(() => readFileSync(`/proc/${pid}/stat`, 'utf8'), '');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields.length > 4 ? { state: fields[0] ?? '', ppid: Number(fields[1]), pgrp: Number(fields[2]), session: Number(fields[3]) } : undefined;
}

/** The command line as the process shows it (raw: the parent escapes it where it enters its data). */
function command(pid: number): string {
  const line = safe(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8'), '').replace(/\0+$/, '').replaceAll('\0', ' ');
  return line || safe(() => readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), '?');
}

function kill(pid: number, leader: boolean): void {
  safe(() => leader && process.kill(-pid, 'SIGKILL'), false);
  safe(() => process.kill(pid, 'SIGKILL'), false);
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback; // the process is gone already
  }
}
