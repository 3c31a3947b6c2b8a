import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { MatrixRun } from '../../src/core/matrixRun.js';
import { MATRIX_RENDERERS } from '../../src/report/matrixFormats.js';
import { STAGE_LABELS } from '../../src/report/stageLabels.js';
import { sampleMatrixRun } from './sampleRuns.js';

/** Debian's Chromium (apt-get install chromium); never a browser download. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const found = existsSync(CHROMIUM);
const SKIPPED = `skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
if (!found) process.stderr.write(`test/report/matrixHtml.browser.test.ts: the HTML report's browser test is ${SKIPPED}\n`);

/** Kept for a person to look at (git-ignored): the page and a screenshot of it. */
const RESULTS = path.join(PACKAGE_ROOT, 'test-results');

describe.skipIf(!found)(`the HTML matrix in a real browser (Chromium, headless)${found ? '' : ` — ${SKIPPED}`}`, () => {
  let browser: Browser;
  let page: Page;
  let run: MatrixRun;
  const requests: string[] = [];
  let timings: { loadMs: number; sizeBytes: number };

  beforeAll(async () => {
    // The whole history, with a broken 1.0.0 Isolator so that some cells are not as expected.
    run = await sampleMatrixRun({ releases: 'all', crashing: ['Isolator/1.0.0'] });
    const html = MATRIX_RENDERERS.html(run);
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, 'matrix-all.html');
    writeFileSync(file, html);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    const started = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    timings = { loadMs: Math.round(performance.now() - started), sizeBytes: Buffer.byteLength(html) };
    // The page's own account: parsed (DOMContentLoaded) and loaded, from the start of navigation.
    // (Page code as strings: the tests are type-checked without the DOM's types.)
    const [parsed, loaded] = (await page.evaluate(`(([e]) => [Math.round(e.domContentLoadedEventEnd), Math.round(e.loadEventEnd)])(performance.getEntriesByType('navigation'))`)) as [number, number];
    process.stdout.write(`HTML matrix, 60 hosts × 777 builds: ${Math.round(timings.sizeBytes / 1024)} KiB; parsed in ${parsed} ms, loaded in ${loaded} ms (${timings.loadMs} ms with navigation)\n`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every release × every build as one grid, quickly, asking the network for nothing', async () => {
    expect(await page.locator('#grid td').count()).toBe(46_620);
    expect(await page.locator('#grid thead th.h').count()).toBe(60);
    expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
    expect(timings.sizeBytes).toBeLessThan(1_200_000);
    // Generous for a shared CI machine; about a second on two busy cores.
    expect(timings.loadMs).toBeLessThan(10_000);
  });

  it("shows a focused cell's stage and Mesos's message, and arrow keys move between cells", async () => {
    await page.locator('#kind').focus();
    await page.keyboard.press('Tab');
    const first = run.result.cells[0];
    expect(await page.evaluate('document.activeElement.tagName')).toBe('TD');
    await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
    expect(await page.locator('#tip .id').textContent()).toBe(first?.id);
    await page.keyboard.press('ArrowRight');
    // Allocator/0.23.0 on a 0.21.1 host, which has no allocator modules.
    const second = run.result.cells[1];
    const tip = await page.locator('#tip').innerText();
    expect(second?.observed.stage).toBe('unknown-kind');
    expect(tip).toContain(second?.id);
    expect(tip).toContain(`✗ ${STAGE_LABELS['unknown-kind'].label} (unknown-kind): ${STAGE_LABELS['unknown-kind'].legend}`);
    expect(tip).toContain("Error verifying module 'org_apache_mesos_matrix_Allocator': Unknown module kind: Allocator");
    await page.screenshot({ path: path.join(RESULTS, 'matrix-all.png') });
  });

  it('expands every kind of message exactly as the run holds it, and explains a cell not as expected', async () => {
    const off = run.result.cells.find((cell) => !cell.asExpected && cell.host === '1.0.0');
    expect(off?.id).toBe('Isolator/1.0.0@1.0.0');
    const index = run.result.cells.indexOf(off as (typeof run.result.cells)[number]);
    const [row, column] = [Math.floor(index / 60), index % 60];
    const cell = page.locator('#grid tbody tr').nth(row).locator('td').nth(column);
    await cell.click();
    const tip = await page.locator('#tip').innerText();
    expect(tip).toContain('Isolator/1.0.0@1.0.0');
    expect(tip).toContain(off?.observed.message);
    expect(tip).toContain('the compiled library gives crash (crash), the table predicts loaded');
    expect(await cell.textContent()).toBe('!');
  });

  it('filters the rows by kind', async () => {
    await page.locator('#kind').selectOption('Isolator');
    expect(await page.locator('#grid tbody:visible tr').count()).toBe(60);
    expect(await page.locator('#grid tbody[data-kind="Hook"]').isHidden()).toBe(true);
    expect(await page.locator('#shown').textContent()).toBe('60 of 777 builds shown');
    await page.screenshot({ path: path.join(RESULTS, 'matrix-all-isolator.png') });
    await page.locator('#kind').selectOption('');
    expect(await page.locator('#grid tbody:visible tr').count()).toBe(777);
  });
});
