import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** One timed command: its wall time and the peak of the summed RSS of its whole process tree. */
export interface Sample {
  readonly seconds: number;
  readonly peakRssMb: number;
}

export interface Command {
  readonly argv: readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that count as a completed run (a matrix with findings exits 1). */
  readonly okCodes?: readonly number[];
}

const SAMPLE_MS = 10;

/**
 * Runs the command (directly, no shell) and samples `/proc/<pid>/status` VmRSS of every process
 * in its tree every ~10 ms, keeping the largest sum: RUSAGE_CHILDREN (`/usr/bin/time`'s figure)
 * is the largest single descendant, which says nothing of a compiler and prober children running
 * beside the CLI. Processes shorter than a sampling interval can be missed.
 */
export async function measure(command: Command): Promise<Sample> {
  const [file = '', ...args] = command.argv;
  const started = performance.now();
  const child = spawn(file, args, { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let peakKb = 0;
  const sample = () => {
    if (child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(child.pid));
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  if (!(command.okCodes ?? [0]).includes(code ?? -1)) throw new Error(`${command.argv.join(' ')} exited with ${code}:\n${stderr}`);
  return { seconds, peakRssMb: peakKb / 1024 };
}

/** The summed VmRSS (kB) of `pid` and its descendants, found through `/proc/<pid>/task/<tid>/children`. */
function treeRssKb(pid: number): number {
  let total = 0;
  const pending = [pid];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const current = pending.pop() as number;
    if (seen.has(current)) continue;
    seen.add(current);
    total += Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readText(`/proc/${current}/status`))?.[1] ?? 0);
    for (const tid of listDir(`/proc/${current}/task`)) {
      for (const child of readText(`/proc/${current}/task/${tid}/children`).split(' ')) if (child.trim() !== '') pending.push(Number(child));
    }
  }
  return total;
}

// Sync on purpose: a sample should see one instant; a process may be gone by the next call.
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
