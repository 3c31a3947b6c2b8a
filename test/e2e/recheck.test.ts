import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { runCli } from '../helpers/runCli.js';

const ONE_CELL = ['matrix', '--only', 'Isolator/0.24.1@0.25.0', '--format', 'text', '--no-color'];
const isBuildLine = (line: string) => /^\d+ fixtures?: /.test(line);
const buildLine = (stdout: string) => stdout.split('\n').find(isBuildLine) ?? '';
const withoutBuildLine = (stdout: string) => stdout.split('\n').filter((line) => !isBuildLine(line)).join('\n');

describe('matrix reuses what opening unchanged libraries did', () => {
  it('says so on its build line, and --recheck opens them again for the same verdicts', async () => {
    const env = { MESOS_MATRIX_CACHE: path.join(temporaryDir('recheck'), 'cache') };
    const cold = await runCli(ONE_CELL, env);
    const warm = await runCli(ONE_CELL, env);
    const rechecked = await runCli([...ONE_CELL, '--recheck'], env);
    for (const run of [cold, warm, rechecked]) expect(run.exitCode, run.stderr).toBe(0);
    expect(buildLine(cold.stdout)).toMatch(/^1 fixtures?: 1 compiled, 0 cached · 0 verdicts reused, 1 library opened · /);
    expect(buildLine(warm.stdout)).toMatch(/^1 fixtures?: 0 compiled, 1 cached · 1 verdict reused, 0 libraries opened · /);
    expect(buildLine(rechecked.stdout)).toMatch(/^1 fixtures?: 0 compiled, 1 cached · 0 verdicts reused, 1 library opened · /);
    expect(withoutBuildLine(warm.stdout)).toBe(withoutBuildLine(cold.stdout));
    expect(withoutBuildLine(rechecked.stdout)).toBe(withoutBuildLine(cold.stdout));
  });
});
