import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { CheckRun } from '../../src/core/checkRun.js';
import { checkExitCode } from '../../src/core/checkRun.js';
import { matrixExitCode } from '../../src/core/matrixRun.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { MATRIX_RENDERERS } from '../../src/report/matrixFormats.js';
import { CHECK_RENDERERS } from '../../src/report/renderCheck.js';
import { sampleCheckRun, sampleMatrixRun } from './sampleRuns.js';

// A library that leaves a process running is loaded by Mesos all the same: every report shows
// it, a matrix counts it as a finding, and check notes it beside each release's verdict.
const LEFT = 'left 1 process running: sleep 3600';
const validator = (schema: string) => new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', schema), 'utf8')));

/** The sample check run with `lib/libexamplemodule.so` noted on every release as leaving a `sleep` behind. */
function checkRunLeaving(): CheckRun {
  const run = sampleCheckRun();
  const note = {
    library: 'lib/libexamplemodule.so',
    module: null,
    stage: 'left-processes' as const,
    message: LEFT,
    advice: { advice: 'as-found' as const, text: 'the prober killed them; in a Mesos agent or master they would keep running' },
  };
  return { ...run, verdicts: run.verdicts.map((verdict) => ({ ...verdict, problems: [...verdict.problems, note] })) };
}

describe('a fixture that left a process running, in a matrix report', () => {
  const run = sampleMatrixRun({ releases: '0.23.1,0.24.1', kinds: 'Isolator', leaving: ['Isolator/0.24.1'] });

  it('is a finding of the fixture, which fails the run', async () => {
    const { result } = await run;
    expect(result.findings).toEqual([{ code: 'left-processes', subject: 'Isolator/0.24.1', library: 'cache/libIsolator_0.24.1.so', processes: [{ pid: 4242, command: 'sleep 3600' }] }]);
    expect(result.cells.every((cell) => cell.asExpected)).toBe(true);
    expect(matrixExitCode(await run)).toBe(1);
  });

  it.each(REPORT_FORMATS)('shows in --format %s', async (format) => {
    expect(MATRIX_RENDERERS[format](await run, { color: false })).toContain(format === 'json' ? '"command": "sleep 3600"' : `Isolator/0.24.1`);
    if (format !== 'json') expect(MATRIX_RENDERERS[format](await run, { color: false })).toContain(`cache/libIsolator_0.24.1.so ${LEFT}`);
  });

  it('is valid against the matrix report schema', async () => {
    const validate = validator('matrix-report.schema.json');
    const valid = validate(JSON.parse(MATRIX_RENDERERS.json(await run)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe('a library that left a process running, in a check report', () => {
  const run = checkRunLeaving();

  it('changes no verdict and no exit code', () => {
    expect(run.verdicts.map((verdict) => verdict.ok)).toEqual([false, false, true]);
    expect(checkExitCode({ ...run, verdicts: run.verdicts.filter((verdict) => verdict.ok) })).toBe(0);
  });

  it.each(REPORT_FORMATS)('shows in --format %s', (format) => {
    expect(CHECK_RENDERERS[format](run, false)).toContain(LEFT);
  });

  it('is a note beside the verdict in text, also where the release loads the configuration', () => {
    const lines = CHECK_RENDERERS.text(run, false).split('\n');
    const loads = lines.findIndex((line) => line.startsWith('1.0.0   loads'));
    expect(lines[loads + 1]).toBe(`        note: 'lib/libexamplemodule.so' ${LEFT}`);
    expect(lines.filter((line) => line.includes('further problem'))).toEqual(['        and 1 further problem Mesos would meet after it:']);
  });

  it('is a warning, not an error, in GitHub annotations: Mesos loads the library', () => {
    const annotations = CHECK_RENDERERS.github(run).split('\n').filter((line) => line.includes(LEFT));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::warning /);
  });

  it('is valid against the check report schema', () => {
    const validate = validator('check-report.schema.json');
    const valid = validate(JSON.parse(CHECK_RENDERERS.json(run)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});
