import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { spawnProbeChild as SpawnProbeChild } from '../../src/loader/spawnProbeChild.js';
import { temporaryDir } from '../helpers/temporaryDir.js';

// bin/mesos-matrix.js runs the CLI from dist/bundle/cli.cjs, compiled with the code cache the
// build made for it (scripts/bundle-cli.ts). A cache V8 rejects is only slow, never wrong, so
// nothing else would notice one the build stopped making usable.
const BUNDLE = path.join(PACKAGE_ROOT, 'dist', 'bundle', 'cli.cjs');

describe('the CLI bundle', () => {
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error('dist/ is not built: run `npm run build` (npm test does) before this test');
  });

  it('comes with a code cache this Node accepts', () => {
    const script = new vm.Script(readFileSync(BUNDLE, 'utf8'), { filename: BUNDLE, cachedData: readFileSync(`${BUNDLE}.v8cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('runs in strict mode, as the ES modules it was made of', () => {
    // The directive has to open the function's body: esbuild's own comes later, as a plain string.
    expect(readFileSync(BUNDLE, 'utf8').split('\n', 2)).toEqual(['(function (exports, require, module, __filename, __dirname) {', '"use strict";']);
  });

  it('holds no import(), which a script compiled from a code cache cannot run', () => {
    expect(readFileSync(BUNDLE, 'utf8')).not.toMatch(/\bimport\(/);
  });

  it('starts the prober child from its own bundle, which starts as a child with nothing to do ends', async () => {
    // Imported at run time from dist/, as the CLI runs it (not the TypeScript source vitest would give).
    const { spawnProbeChild } = (await import(pathToFileURL(path.join(PACKAGE_ROOT, 'dist', 'loader', 'spawnProbeChild.js')).href)) as { spawnProbeChild: typeof SpawnProbeChild };
    const child = spawnProbeChild(false);
    expect(child.process.spawnargs[1]).toBe(path.join(PACKAGE_ROOT, 'dist', 'bundle', 'probeChild.cjs'));
    child.process.stdin?.end('');
    expect(await child.exited).toEqual({ code: 0, signal: null });
  });

  it('is missing in a checkout that was not built: the bin says what to do, exit 2', async () => {
    const checkout = temporaryDir('unbuilt');
    mkdirSync(path.join(checkout, 'bin'));
    writeFileSync(path.join(checkout, 'package.json'), JSON.stringify({ type: 'module' }));
    copyFileSync(path.join(PACKAGE_ROOT, 'bin', 'mesos-matrix.js'), path.join(checkout, 'bin', 'mesos-matrix.js'));
    const run = await execa(process.execPath, [path.join(checkout, 'bin', 'mesos-matrix.js'), 'matrix'], { reject: false });
    expect({ exitCode: run.exitCode, stderr: run.stderr, stdout: run.stdout }).toEqual({
      exitCode: 2,
      stderr: 'mesos-matrix: the CLI is not built yet; run `npm run build` (or `npm ci`).',
      stdout: '',
    });
  });
});
