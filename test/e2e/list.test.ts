import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { runCli } from '../helpers/runCli.js';

const env = { MESOS_MATRIX_CACHE: temporaryDir('list-cache') };
afterAll(() => rmSync(env.MESOS_MATRIX_CACHE, { recursive: true, force: true }));

describe('mesos-matrix list and release selection', () => {
  it('selects 1.2.0 … 1.2.3 with a semver range', async () => {
    const run = await runCli(['list', '--releases', '>=1.2.0 <1.3.0', '--format', 'json'], env);
    expect(run.exitCode).toBe(0);
    const list = JSON.parse(run.stdout);
    expect(list.releases).toEqual(['1.2.0', '1.2.1', '1.2.2', '1.2.3']);
    expect(list.cells).toContain('MasterDetector/1.2.1@1.2.3');
    expect(list.cells).toHaveLength(14 * 4 * 4);
  });

  it('takes named sets, lists and npm-style alternatives', async () => {
    const releases = async (spec: string) => JSON.parse((await runCli(['list', '--releases', spec, '--format', 'json'], env)).stdout).releases;
    expect(await releases('default')).toEqual(['0.23.1', '0.24.1', '0.25.0', '0.26.0']);
    expect(await releases('0.28.x || 1.0.x')).toEqual(['0.28.0', '0.28.1', '0.28.2', '0.28.3', '1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.0.4']);
    expect(await releases('0.21.0,1.11.0')).toEqual(['0.21.0', '1.11.0']);
    expect(await releases('all')).toHaveLength(60);
  });

  it('names the nearest releases when a range selects nothing', async () => {
    const run = await runCli(['list', '--releases', '>=2.0.0'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('no release of the table matches ">=2.0.0"; nearest: 1.11.0');
  });

  it('prints the ids --only takes, and --only runs exactly that cell', async () => {
    const list = await runCli(['list'], env);
    expect(list.stdout).toContain('cells (156) and documented rows (6); run one with --only <id>:\nAllocator/0.23.1@0.23.1\n');
    const only = await runCli(['matrix', '--only', 'Isolator/0.24.1@0.25.0', '--format', 'json'], env);
    expect(only.exitCode).toBe(0);
    const report = JSON.parse(only.stdout);
    expect(report.cells.map((cell: { id: string }) => cell.id)).toEqual(['Isolator/0.24.1@0.25.0']);
    expect(report.documented).toEqual([]);
    expect(report.fixtures).toHaveLength(1);
  });

  it('treats unknown commands and options as usage errors (exit 2), and --help as success', async () => {
    const command = await runCli(['matrixx'], env);
    expect(command.exitCode).toBe(2);
    expect(command.stderr).toContain("mesos-matrix: usage error: unknown command 'matrixx'");
    const option = await runCli(['matrix', '--realeses', 'all'], env);
    expect(option.exitCode).toBe(2);
    expect(option.stderr).toContain("mesos-matrix: usage error: unknown option '--realeses'");
    const jobs = await runCli(['matrix', '--jobs', '0'], env);
    expect(jobs.exitCode).toBe(2);
    expect(jobs.stderr).toContain('--jobs takes a whole number >= 1, got "0"');
    const help = await runCli(['--help'], env);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/Commands:\n\s+matrix \[options\]/);
  });

  it('rejects an --only cell the table cannot have', async () => {
    const run = await runCli(['matrix', '--only', 'Authorizer/0.23.1@0.24.1'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--only Authorizer/0.23.1@0.24.1: 0.23.1 registers no kind Authorizer');
  });
});
