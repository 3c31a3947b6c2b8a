import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { copyOfTable, runCli } from '../helpers/runCli.js';

// A table whose Hook interface of 0.25.0 does not compile (a parameter's default is not C++):
// the library of 0.25.0's fixtures fails, and its fixtures are built again a library each.
const table = copyOfTable();
const cache = temporaryDir('fallback-cache');
afterAll(() => [path.dirname(table), cache].forEach((dir) => rmSync(dir, { recursive: true, force: true })));
{
  const file = path.join(table, 'interfaces', 'Hook.json');
  const hooks = JSON.parse(readFileSync(file, 'utf8')) as { interfaces: Array<{ releases: string[]; methods: Array<{ params: Array<{ default: string | null }> }> }> };
  const face = hooks.interfaces.find((each) => each.releases.includes('0.25.0'));
  const param = face?.methods.flatMap((method) => method.params)[0];
  if (!param) throw new Error('no Hook interface of 0.25.0 with a parameter');
  param.default = 'None(';
  writeFileSync(file, JSON.stringify(hooks, null, 2));
}
const args = ['matrix', '--table', table, '--format', 'json'];

describe("a release's library that does not compile", () => {
  it('is built again a fixture per library: only the broken kind is a compile failure, the others keep their verdicts, and stderr says why', async () => {
    const run = await runCli([...args, '--jobs', '2'], { MESOS_MATRIX_CACHE: cache });
    expect(run.exitCode).toBe(1);
    const fixtures = (JSON.parse(run.stdout) as { fixtures: Array<{ id: string; library: string; load: { stage: string } }> }).fixtures.filter((fixture) => fixture.id.endsWith('/0.25.0'));
    expect(fixtures.filter((fixture) => fixture.load.stage !== 'manifest').map((fixture) => [fixture.id, fixture.load.stage])).toEqual([['Hook/0.25.0', 'compile']]);
    expect(fixtures.map((fixture) => fixture.library)).toEqual(fixtures.map((fixture) => `fixtures/lib${fixture.id.split('/')[0]}-0.25.0.so`));
    expect(run.stderr).toMatch(
      /^compiling 7 libraries \(42 fixtures\) with 2 jobs…\ncompiled 6 libraries in [0-9.]+ s \(1 failed to compile\)\nfixtures\/libmodules-0\.25\.0\.so did not compile: building its (\d+) fixtures a library each…\ncompiling \1 libraries \(\1 fixtures\) with 2 jobs…\ncompiled (\d+) libraries in [0-9.]+ s \(1 failed to compile\)$/,
    );
  }, 120_000);

  it('ends on a terminal too, its live bars closed (a second build once left the first bar ticking forever)', async () => {
    // script(1) gives the CLI a terminal for stdout and stderr; the run is warm but for the library that fails.
    const command = [process.execPath, path.join(PACKAGE_ROOT, 'bin', 'mesos-matrix.js'), ...args].map((word) => `'${word}'`).join(' ');
    const run = await execa('script', ['-qec', `${command} > /dev/null`, '/dev/null'], { env: { MESOS_MATRIX_CACHE: cache }, reject: false, timeout: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('fixtures/libmodules-0.25.0.so did not compile: building its');
  }, 120_000);
});
