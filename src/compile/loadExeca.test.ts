import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../app/paths.js';
import type { loadExeca as LoadExeca } from './loadExeca.js';

// The built CLI runs compilers through the bundle `npm run build` makes of execa (npm test builds first).
const built = path.join(PACKAGE_ROOT, 'dist', 'compile', 'loadExeca.js');

describe.skipIf(!existsSync(built))('loadExeca, as built', () => {
  it('runs a command through the bundled execa: output, exit code, failure and timeout as execa reports them', async () => {
    const { loadExeca } = (await import(pathToFileURL(built).href)) as { loadExeca: typeof LoadExeca };
    const bundled = (await import(pathToFileURL(path.join(PACKAGE_ROOT, 'dist', 'vendor', 'execa.js')).href)) as { execa: unknown };
    const { execa } = await loadExeca();
    expect(execa).toBe(bundled.execa);
    expect(await execa('sh', ['-c', 'echo out; echo err >&2; exit 3'], { reject: false })).toMatchObject({ stdout: 'out', stderr: 'err', exitCode: 3, failed: true });
    expect(await execa('sleep', ['5'], { reject: false, timeout: 100 })).toMatchObject({ timedOut: true, failed: true });
  });
});
