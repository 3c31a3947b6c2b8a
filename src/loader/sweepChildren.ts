/**
 * Runs in the probe child: finds processes a library started and kills them. The child is a
 * child subreaper (prctl PR_SET_CHILD_SUBREAPER), so a library's descendants that `setsid()`
 * out of its process group, or whose parent died, still come back to it as children.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Children this process had before any library ran (under the test runner, tsx's esbuild): not a library's. */
const spared = new Set<number>();

/** Notes the children this process has now, so that sweeps leave them alone; call before opening libraries. */
export function spareCurrentChildren(): void {
  for (const pid of childPids('all threads')) spared.add(pid);
}

/**
 * Kills every live child of this process (and, for a group leader, its group); returns them as
 * `pid command`. Libraries run on the main thread, so after each item only its children are
 * read (one file); at the end, those of every thread (a library may have started threads).
 */
export function sweepChildren(threads: 'main thread' | 'all threads'): string[] {
  const found: string[] = [];
  // A killed child's own children reparent to us a moment later: look again until none is left.
  for (let round = 0; round < 50; round++) {
    const live = childPids(threads).filter((pid) => !spared.has(pid) && stat(pid)?.state !== 'Z');
    if (live.length === 0) break;
    for (const pid of live) {
      if (!found.some((entry) => entry.startsWith(`${pid} `))) found.push(`${pid} ${command(pid)}`);
      kill(pid, stat(pid)?.pgrp === pid);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  return found;
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

function stat(pid: number): { state: string; pgrp: number } | undefined {
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const text = safe(() => readFileSync(`/proc/${pid}/stat`, 'utf8'), '');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields.length > 3 ? { state: fields[0] ?? '', pgrp: Number(fields[2]) } : undefined;
}

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
