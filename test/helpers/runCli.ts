import { cpSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { temporaryDir } from './compileFixtures.js';

export interface Transcript {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`bin/mesos-matrix.js`, as `npx mesos-matrix` does) in a child process, in `cwd` (default: the package root). */
export async function runCli(args: readonly string[], env: Record<string, string> = {}, cwd = PACKAGE_ROOT): Promise<Transcript> {
  const result = await execa(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'mesos-matrix.js'), ...args], {
    reject: false,
    // A test run inside a GitHub Actions job must not append to that job's summary.
    env: { NO_COLOR: '1', GITHUB_STEP_SUMMARY: '', ...env },
    cwd,
  });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A private copy of versions/ that a test may break. */
export function copyOfTable(): string {
  const dir = path.join(temporaryDir('table'), 'versions');
  cpSync(path.join(PACKAGE_ROOT, 'versions'), dir, { recursive: true });
  return dir;
}
