import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_DIR, PACKAGE_ROOT } from '../../src/app/paths.js';
import { tableLocator } from '../../src/app/tableLocator.js';
import { MATRIX_RENDERERS } from '../../src/report/matrixFormats.js';
import { MARKDOWN_BUDGET } from '../../src/report/markdownText.js';
import { expandTemplate, messageTemplates } from '../../src/report/messageTemplates.js';
import { MARKDOWN_FINDINGS_SHOWN } from '../../src/report/renderMatrixMarkdown.js';
import { escapeWorkflowData, escapeWorkflowProperty, workflowCommand } from '../../src/report/workflowCommand.js';
import { elementsNamed, parseXml } from '../helpers/parseXml.js';
import { sampleMatrixRun } from './sampleRuns.js';

/** GitHub's comment limit: a Markdown report must fit one comment. */
const GITHUB_COMMENT_LIMIT = 65_536;

// The whole history (60 hosts × 777 builds, 46,620 cells), once as the table predicts it and
// once with a broken build of every kind at 1.0.0, which makes thousands of cells fail.
const everything = sampleMatrixRun({ releases: 'all' });
const broken = sampleMatrixRun({ releases: 'all', crashing: ['Isolator/1.0.0', 'Hook/1.0.0', 'Allocator/1.0.0', 'TestModule/1.0.0'] });

describe('markdown', () => {
  it('fits a comment for --releases all: one line per kind, and where every cell is', async () => {
    const run = await everything;
    expect(run.result.cells.length).toBeGreaterThan(46_000);
    for (const layout of ['auto', 'grid'] as const) {
      const markdown = MATRIX_RENDERERS.markdown(run, { color: false, layout });
      expect(markdown.length).toBeLessThan(MARKDOWN_BUDGET);
      expect(markdown).toContain('| Isolator | 0.21.0 … 1.11.0 (60) | ✓ each only into its own release | older 1770 · newer 1770 | 0 |');
      expect(markdown).toContain('The grid (777 builds × 60 hosts) is summarised per kind; every cell, with Mesos\'s message, is in the HTML report: `mesos-matrix matrix --releases all --format html --output mesos-matrix.html`');
    }
    expect(MATRIX_RENDERERS.markdown(run, { color: false, fullReport: 'reports/matrix.html' })).toContain('every cell is in `reports/matrix.html`');
  });

  it('lists the first findings and counts the rest when thousands of cells differ', async () => {
    const run = await broken;
    const markdown = MATRIX_RENDERERS.markdown(run, { color: false });
    const subjects = new Set(run.result.findings.map((finding) => finding.subject)).size;
    expect(subjects).toBe(240);
    expect(markdown.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(markdown).toMatch(/^### ❌ /);
    expect(markdown).toContain(`#### Not as expected (${subjects})`);
    expect(markdown).toContain(`…and ${subjects - MARKDOWN_FINDINGS_SHOWN} more; every cell`);
    expect(markdown).toContain('| Isolator | 0.21.0 … 1.11.0 (60) | 1.0.0 not into 1.0.0 | older 1735 · newer 1746 · crash 60 | **! 60** |');
  });
});

describe('junit', () => {
  it('is well-formed XML whose counts match its test cases, one per cell and documented row', async () => {
    const run = await broken;
    const xml = MATRIX_RENDERERS.junit(run);
    const root = parseXml(xml);
    const cases = elementsNamed(root, 'testcase');
    const failed = cases.filter((test) => test.children.some((child) => child.name === 'failure'));
    expect(root.name).toBe('testsuites');
    expect(cases).toHaveLength(run.result.cells.length + run.result.scenarioCells.length);
    expect(Number(root.attributes['tests'])).toBe(cases.length);
    expect(Number(root.attributes['failures'])).toBe(240);
    expect(failed).toHaveLength(240);
    for (const suite of elementsNamed(root, 'testsuite')) {
      const own = suite.children.filter((child) => child.name === 'testcase');
      expect(Number(suite.attributes['tests'])).toBe(own.length);
      expect(Number(suite.attributes['failures'])).toBe(own.filter((test) => test.children.some((child) => child.name === 'failure')).length);
    }
    // A suite per kind (then the documented table); a case per cell, named by its id, in its host's file.
    expect(elementsNamed(root, 'testsuite').map((suite) => suite.attributes['name'])).toContain('Isolator');
    const cell = cases.find((test) => test.attributes['name'] === 'Isolator/1.0.0@1.0.1');
    expect(cell?.attributes).toMatchObject({ classname: 'Isolator', file: 'versions/releases/1.0.1.json' });
    const failure = cell?.children.find((child) => child.name === 'failure');
    expect(failure?.attributes['message']).toBe('Isolator/1.0.0@1.0.1: the compiled library gives crash (crash), the table predicts below-minimum');
    expect(cell?.children.find((child) => child.name === 'system-err')?.text).toContain("table:   Error verifying module 'org_apache_mesos_matrix_Isolator': Minimum supported mesos version for 'Isolator' is 1.0.1, but module is compiled with version 1.0.0");
  });

  it('keeps a message holding markup, quotes and a CDATA end intact', async () => {
    const message = 'Error opening library: <lib> & "quotes" ]]> end';
    const run = await sampleMatrixRun({ releases: '0.23.1', kinds: 'Isolator', crashing: ['Isolator/0.23.1'], crashMessage: message });
    const test = elementsNamed(parseXml(MATRIX_RENDERERS.junit(run)), 'testcase')[0];
    expect(test?.children.find((child) => child.name === 'failure')?.attributes['message']).toContain('gives crash (crash)');
    expect(test?.children.find((child) => child.name === 'system-err')?.text).toContain(`library: ${message}`);
  });
});

describe('github', () => {
  it.each([
    ['100% done', '100%25 done', '100%25 done'],
    ['line one\nline two\r\n', 'line one%0Aline two%0D%0A', 'line one%0Aline two%0D%0A'],
    ['a: b, c', 'a: b, c', 'a%3A b%2C c'],
    ['%0A', '%250A', '%250A'],
  ])('escapes %j as data and as a property', (text, data, property) => {
    expect(escapeWorkflowData(text)).toBe(data);
    expect(escapeWorkflowProperty(text)).toBe(property);
  });

  it('writes file, line, col and title as properties', () => {
    expect(workflowCommand({ level: 'error', title: 'Isolator/0.23.1@0.24.1: unsound', message: 'a\nb', place: { file: 'versions/releases/0.24.1.json', line: 12, column: 17 } })).toBe(
      '::error file=versions/releases/0.24.1.json,line=12,col=17,title=Isolator/0.23.1@0.24.1%3A unsound::a%0Ab',
    );
  });

  it("points at the line of the kind's entry in the host's release file, found by the JSON parser", async () => {
    const locate = tableLocator(DEFAULT_TABLE_DIR, PACKAGE_ROOT);
    const lines = MATRIX_RENDERERS.github(await broken, { color: false, locate }).trimEnd().split('\n');
    const errors = lines.filter((line) => line.startsWith('::error '));
    expect(errors).toHaveLength(50);
    expect(lines.filter((line) => line.startsWith('::warning ')).join('\n')).toContain('190 more of 240 not annotated here');
    for (const line of errors) {
      const [, file = '', at = '', subject = ''] = /^::error file=([^,]+),line=(\d+),col=\d+,title=([^:%]+)/.exec(line) ?? [];
      const [kind, , host] = subject.split(/[/@]/);
      expect(file).toBe(`versions/releases/${host}.json`);
      const text = readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
      // A host without the kind has no entry for it: the annotation stops at its kinds.
      const entry = text.includes(`"${kind}":`) ? new RegExp(`^\\s*"${kind}": "`) : /^\s*"kinds": \{/;
      expect(text.split('\n')[Number(at) - 1]).toMatch(entry);
    }
  });
});

describe('the HTML report', () => {
  it('carries Mesos messages as templates that expand back exactly, whatever they hold', () => {
    const parts = { h: '0.24.1', b: '0.23.1', k: 'Isolator', m: 'org_apache_mesos_matrix_Isolator' };
    const templates = messageTemplates();
    const messages = [
      "Error verifying module 'org_apache_mesos_matrix_Isolator': Minimum supported mesos version for 'Isolator' is 0.24.1, but module is compiled with version 0.23.1",
      'a {h} and a { and {o}',
      '',
    ];
    for (const message of messages) expect(expandTemplate(templates.list[templates.index(message, parts)] ?? '', parts)).toBe(message);
    // A kind named like a placeholder letter would not come back from a template: kept whole.
    const odd = { h: '1', b: '2', k: 'o', m: 'm' };
    expect(expandTemplate(templates.list[templates.index('o{m}1', odd)] ?? '', odd)).toBe('o{m}1');
  });

  it('stays near a megabyte for the whole history, with a few dozen message templates', async () => {
    const html = MATRIX_RENDERERS.html(await everything);
    expect(html.length).toBeLessThan(1_200_000);
    expect(html.match(/<td class=[a-n]( x)?( tabindex="0")?>/g)).toHaveLength(46_620);
    const data = JSON.parse(/<script type="application\/json" id="matrix-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as { msgs: string[] };
    expect(data.msgs.length).toBeLessThan(100);
    expect(html).not.toMatch(/(src|href)="?(https?:)?\/\//);
  });
});
