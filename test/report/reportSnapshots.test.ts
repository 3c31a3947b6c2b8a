import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { diffInterfaces } from '../../src/app/diffInterfaces.js';
import { DEFAULT_TABLE_DIR, PACKAGE_ROOT } from '../../src/app/paths.js';
import { tableLocator } from '../../src/app/tableLocator.js';
import { REPORT_FORMATS, type ReportFormat } from '../../src/report/formats.js';
import { MATRIX_RENDERERS } from '../../src/report/matrixFormats.js';
import { CHECK_RENDERERS } from '../../src/report/renderCheck.js';
import { DIFF_RENDERERS } from '../../src/report/renderDiff.js';
import { GATE_RENDERERS } from '../../src/report/gateFormats.js';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { sampleGateResult } from './sampleGate.js';
import { sampleCheckRun, sampleMatrixRun } from './sampleRuns.js';

const EXTENSIONS = { text: 'txt', json: 'json', markdown: 'md', junit: 'xml', github: 'log', html: 'html' } as const satisfies Record<ReportFormat, string>;
const scratch = temporaryDir('report-snapshots');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Two kinds on three releases, with the 0.25.0 Authorizer crashing when opened: cells as
// expected, three not, and the documented table.
const matrix = sampleMatrixRun({ releases: '0.23.1,0.24.1,0.25.0', kinds: 'Isolator,Authorizer', crashing: ['Authorizer/0.25.0'] });
const locate = tableLocator(DEFAULT_TABLE_DIR, PACKAGE_ROOT);

describe.each(REPORT_FORMATS)('--format %s', (format) => {
  it('renders a matrix run', async () => {
    await expect(MATRIX_RENDERERS[format](await matrix, { color: false, locate })).toMatchFileSnapshot(`__snapshots__/matrix.${EXTENSIONS[format]}`);
  });

  it('renders a check run', async () => {
    await expect(CHECK_RENDERERS[format](sampleCheckRun(), false)).toMatchFileSnapshot(`__snapshots__/check.${EXTENSIONS[format]}`);
  });

  it('renders a diff', async () => {
    const report = await diffInterfaces({ from: '0.23.1', to: '0.24.1', kind: undefined, releases: 'default', tableDir: DEFAULT_TABLE_DIR, cacheDir: scratch });
    await expect(DIFF_RENDERERS[format](report)).toMatchFileSnapshot(`__snapshots__/diff.${EXTENSIONS[format]}`);
  });

  it('renders a gate result', async () => {
    // 0.26.0 lowers the Isolator to 0.24.1 (unsound) and the QoSController to 0.23.1 (sound, expected matrix stale).
    await expect(GATE_RENDERERS[format](await sampleGateResult(), { color: false, locate })).toMatchFileSnapshot(`__snapshots__/gate.${EXTENSIONS[format]}`);
  });
});

describe('what a what-if run reports', () => {
  it('annotates each unsound admission on the line of the kind in the host release file', async () => {
    const run = await sampleMatrixRun({ releases: 'default', kinds: 'Isolator', whatIf: ['Isolator=0.23.1'] });
    await expect(MATRIX_RENDERERS.github(run, { color: false, locate })).toMatchFileSnapshot('__snapshots__/matrix-what-if.log');
    await expect(MATRIX_RENDERERS.markdown(run, { color: false })).toMatchFileSnapshot('__snapshots__/matrix-what-if.md');
  });
});
