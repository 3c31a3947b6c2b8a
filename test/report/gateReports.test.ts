import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_DIR, PACKAGE_ROOT } from '../../src/app/paths.js';
import { tableLocator } from '../../src/app/tableLocator.js';
import { GATE_RENDERERS } from '../../src/report/gateFormats.js';
import { MARKDOWN_BUDGET } from '../../src/report/markdownText.js';
import { elementsNamed, parseXml } from '../helpers/parseXml.js';
import { sampleGateResult } from './sampleGate.js';
import { packageTable } from './sampleRuns.js';

const locate = tableLocator(DEFAULT_TABLE_DIR, PACKAGE_ROOT);

/** Every release from 0.26.0 on admitting Isolator builds of 0.21.0: dozens of unsound entries and thousands of stale cells. */
async function everyIsolatorLowered() {
  const table = await packageTable();
  const later = table.releases.filter((release) => release.host.kinds.has('Isolator') && semver.gte(release.release, '0.26.0'));
  return sampleGateResult(Object.fromEntries(later.map((release) => [release.release, { Isolator: '0.21.0' }])));
}

describe('gate reports', () => {
  it('github: each error sits on the line of the entry its pointer names', async () => {
    const result = await sampleGateResult();
    const errors = GATE_RENDERERS.github(result, { color: false, locate })
      .split('\n')
      .filter((line) => line.startsWith('::error '));
    expect(errors).toHaveLength(result.findings.filter((finding) => finding.severity === 'error').length);
    for (const line of errors) {
      const [, file, number] = /^::error file=([^,]+),line=(\d+),col=\d+,/.exec(line) ?? [];
      const text = readFileSync(path.join(PACKAGE_ROOT, file ?? ''), 'utf8').split('\n')[Number(number) - 1];
      // `0.26.0 Isolator: unsound` is on `"Isolator": …`; a stale `0.24.1 Isolator` on its row `"Isolator/0.24.1": […]`.
      const [release, kind] = /title=([^ ]+) ([A-Za-z]+)%3A/.exec(line)?.slice(1) ?? [];
      expect(text).toMatch(file?.startsWith('versions/releases/') ? `"${kind}":` : `"${kind}/${release}":`);
    }
  });

  it('markdown fits a comment when every later Isolator is unsound, and says how many it left out', async () => {
    const result = await everyIsolatorLowered();
    expect(result.findings.filter((finding) => finding.code === 'unsound').length).toBeGreaterThan(40);
    const markdown = GATE_RENDERERS.markdown(result);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(markdown).toMatch(/^### ❌ mesos-matrix gate: \d+ failures — the gate fails/);
    expect(markdown).toMatch(/- …and \d+ more: `mesos-matrix gate --format html` lists them all/);
    expect(markdown).toContain('*why it breaks a build:*');
  });

  it('junit: well-formed, a failing case per failing finding with its rule, a passing case per check that found nothing', async () => {
    const result = await sampleGateResult();
    const root = parseXml(GATE_RENDERERS.junit(result));
    const cases = elementsNamed(root, 'testcase');
    const failures = elementsNamed(root, 'failure');
    const errors = result.findings.filter((finding) => finding.severity === 'error');
    expect(Number(root.attributes['tests'])).toBe(cases.length);
    expect(Number(root.attributes['failures'])).toBe(errors.length);
    expect(failures.map((failure) => failure.attributes['type'])).toEqual(errors.map((finding) => finding.rule ?? finding.code));
    expect(cases.map((test) => test.attributes['name'])).toEqual(expect.arrayContaining(['0.26.0 Isolator: unsound', 'every interface change raises the minimum', 'src/shims matches the table', '0.26.0 QoSController: minimum lowered, could relax']));
  });

  it('every format words a fix the same way', async () => {
    const result = await sampleGateResult();
    const fix = 'raise the minimum to 0.25.0 (from there on no change breaks a build), in versions/releases/0.26.0.json /kinds/Isolator';
    for (const format of ['text', 'markdown', 'junit', 'github', 'html'] as const) expect(GATE_RENDERERS[format](result, { color: false, locate })).toContain(fix);
  });
});
