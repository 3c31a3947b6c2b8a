import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { runCli } from '../helpers/runCli.js';
import { parseXml } from '../helpers/parseXml.js';

const scratch = temporaryDir('report-output');
const env = { MESOS_MATRIX_CACHE: path.join(scratch, 'cache') };
const ONE_CELL = ['matrix', '--only', 'Isolator/0.24.1@0.25.0'];
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--output and $GITHUB_STEP_SUMMARY', () => {
  it('writes the report into a new folder instead of stdout, and appends the Markdown to the job summary', async () => {
    const output = path.join(scratch, 'reports', 'ci', 'matrix.xml');
    const summary = path.join(scratch, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const run = await runCli([...ONE_CELL, '--format', 'junit', '--output', output], { ...env, GITHUB_STEP_SUMMARY: summary });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^mesos-matrix: wrote the junit report to .*matrix\.xml \(1 KiB\)$/m);
    expect(parseXml(readFileSync(output, 'utf8')).attributes).toMatchObject({ tests: '1', failures: '0' });
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown.startsWith('# earlier step\n### ✅ Mesos module matrix — only Isolator/0.24.1@0.25.0')).toBe(true);
    expect(markdown).toContain('| Isolator | 0.24.1 | ✗ older |');
  });

  it('leaves the job summary alone with --no-step-summary, and prints the report itself without --output', async () => {
    const summary = path.join(scratch, 'untouched.md');
    const run = await runCli([...ONE_CELL, '--format', 'github', '--no-step-summary'], { ...env, GITHUB_STEP_SUMMARY: summary });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('1 cell: 0 load, 1 refused — all as expected (table prediction, versions/expected/matrix.json)');
    expect(existsSync(summary)).toBe(false);
  });

  it('is a configuration error (exit 2) when the file cannot be written', async () => {
    const blocker = path.join(scratch, 'a-file');
    writeFileSync(blocker, '');
    const run = await runCli(['diff', '0.23.1', '0.24.1', '--format', 'html', '--output', path.join(blocker, 'diff.html')], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^mesos-matrix: configuration error: cannot write --output .*a-file\/diff\.html: (ENOTDIR|EEXIST)/);
    expect(run.stderr).toContain('→ give a file in a writable folder with --output <file>, or leave it out to print the report');
  });
});
