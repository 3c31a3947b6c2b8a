import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { HELP_AFTER } from '../../src/cli/helpText.js';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { runCli } from '../helpers/runCli.js';

const scratch = temporaryDir('cli');
const env = { MESOS_MATRIX_CACHE: path.join(scratch, 'cache') };
const ONE_CELL = ['matrix', '--only', 'Isolator/0.24.1@0.25.0'];
const ESC = '\u001b[';

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('colour', () => {
  it('is off into a pipe and with NO_COLOR, on with FORCE_COLOR or --color, and --no-color wins', async () => {
    const run = (args: string[], extra: Record<string, string>) => runCli([...ONE_CELL, ...args], { ...env, ...extra });
    const plain = await run([], {});
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).not.toContain(ESC);
    expect((await run([], { NO_COLOR: '', FORCE_COLOR: '1' })).stdout).toContain(ESC);
    expect((await run(['--color'], {})).stdout).toContain(ESC);
    expect((await run(['--no-color'], { FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
    expect((await run([], { NO_COLOR: '', FORCE_COLOR: '0' })).stdout).not.toContain(ESC);
  });
});

describe('formats', () => {
  it("calls the human format text in every command; matrix takes table as an alias", async () => {
    const text = await runCli([...ONE_CELL, '--format', 'text'], env);
    const table = await runCli([...ONE_CELL, '--format', 'table'], env);
    expect(text.exitCode).toBe(0);
    // The last line counts cached fixtures and times the run.
    const withoutTimings = (stdout: string) => stdout.slice(0, stdout.lastIndexOf('\n'));
    expect(withoutTimings(table.stdout)).toBe(withoutTimings(text.stdout));
    const wrong = await runCli([...ONE_CELL, '--format', 'yaml'], env);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain("mesos-matrix: usage error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, markdown, junit, github, html.");
    expect((await runCli(['list', '--help'], env)).stdout).toMatch(/--format <format>\s+output format \(choices: "text", "json", default:\s+"text"\)/);
    for (const command of ['matrix', 'diff', 'check']) {
      expect((await runCli([command, '--help'], env)).stdout).toMatch(/--format <format>\s+output format \(choices: "text", "json", "markdown",\s+"junit", "github", "html", default: "text"\)/);
    }
  });
});

describe('a closed pipe', () => {
  it('ends quietly, without a stack trace, when the reader stops early (| head -c 100)', async () => {
    // 46,620 cell ids: far more than a pipe buffers, so the writes meet the closed pipe.
    const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'mesos-matrix.js'), 'list', '--releases', 'all', '--format', 'json'], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let head = '';
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        head += chunk.toString();
        if (head.length >= 100) {
          child.stdout.destroy();
          resolve();
        }
      });
    });
    expect(await exit).toBe(0);
    expect(head.slice(0, 14)).toBe('{\n  "releases"');
    expect(stderr).toBe('');
  });
});

describe('options a command does not take, and empty values', () => {
  it.each([
    [['diff', '0.23.1', '0.24.1', '--kinds', 'Isolator'], "mesos-matrix: usage error: unknown option '--kinds'\n(Did you mean --kind?)"],
    [['diff', '0.23.1', '0.24.1', '--only', 'Isolator/0.24.1@0.24.1'], "mesos-matrix: usage error: unknown option '--only'"],
    [['list', '--what-if', 'Isolator=0.23.1'], "mesos-matrix: usage error: unknown option '--what-if'"],
    [['check', '--kinds', 'Isolator', '--modules', '{"libraries":[]}'], "mesos-matrix: usage error: unknown option '--kinds'"],
    [['init', '--table', 'versions'], "mesos-matrix: usage error: unknown option '--table'"],
    [['list', '--releases', ''], 'mesos-matrix: usage error: --releases is empty\n  → give a set (all, default), a list (0.24.1,0.25.0) or a semver range'],
    [['diff', '0.23.1', '0.24.1', '--releases', ' '], 'mesos-matrix: usage error: --releases is empty'],
  ])('%j', async (args, message) => {
    const run = await runCli(args, env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});

describe('--help', () => {
  it.each(Object.keys(HELP_AFTER))('of %s ends with examples and the exit codes', async (command) => {
    const run = await runCli([command, '--help'], env);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/\nExamples:\n {2}mesos-matrix /);
    expect(run.stdout).toMatch(/\nExit codes:\n {2}0 {2}.+\n(?: {2}1 {2}.+\n)? {2}2 {2}usage, configuration or toolchain error .+\n {2}3 {2}internal error: .+\n?$/);
    expect(run.stdout).toContain('--no-color');
  });
});

describe('an unwritable cache', () => {
  // Tests run as root, where permissions do not stop a write: a path through a regular file fails for everyone.
  const file = path.join(scratch, 'a-file');
  writeFileSync(file, 'not a folder\n');

  it('is a configuration error naming the path and what to do, before anything is built', async () => {
    const run = await runCli([...ONE_CELL, '--cache-dir', path.join(file, 'cache')], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      `mesos-matrix: configuration error: cannot write the cache folder ${path.join(file, 'cache')}: ENOTDIR (a file stands where a folder is needed)\n` +
        '  → give a writable folder with --cache-dir <dir> or the environment variable MESOS_MATRIX_CACHE=<dir>',
    );
    expect(run.stdout).toBe('');
  });

  it('from MESOS_MATRIX_CACHE too, and a cache that is a file', async () => {
    const run = await runCli(ONE_CELL, { MESOS_MATRIX_CACHE: file });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`configuration error: cannot write the cache folder ${file}: EEXIST`);
    expect(run.stderr).not.toContain('internal error');
  });
});
