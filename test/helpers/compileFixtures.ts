import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFixtures, type BuildOutcome } from '../../src/build/buildFixtures.js';
import { findCompiler } from '../../src/build/findCompiler.js';
import { createFixtureRenderer } from '../../src/codegen/renderFixture.js';
import { standardFixture, type FixtureSpec } from '../../src/core/fixtureSpec.js';
import { TEMPLATES_DIR } from '../../src/cli/paths.js';

/** A fresh cache folder for one test file. */
export function temporaryDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `mesos-matrix-${prefix}-`));
}

/** Really renders and compiles the specs with the system compiler, as the matrix does. */
export async function compileFixtures(specs: readonly FixtureSpec[], cacheDir: string): Promise<Map<string, BuildOutcome>> {
  const [fixture, interfacePlaceholder] = await Promise.all(
    ['fixture.cpp.hbs', 'interface-placeholder.hpp.hbs'].map((name) => readFile(path.join(TEMPLATES_DIR, name), 'utf8')),
  );
  const render = createFixtureRenderer({ fixture: fixture ?? '', interfacePlaceholder: interfacePlaceholder ?? '' });
  const compiler = await findCompiler();
  return buildFixtures(
    specs.map((spec) => ({ id: spec.id, source: render(spec), fileName: `lib${spec.id.replace(/[^A-Za-z0-9.]/g, '_')}.so` })),
    { compiler, cacheDir, jobs: 2 },
  );
}

/** A standard fixture with some of its manifest or behaviour changed. */
export function variant(id: string, change: Partial<Omit<FixtureSpec, 'declared'>> & { declared?: Partial<FixtureSpec['declared']> }): FixtureSpec {
  const base = standardFixture(id, 'TestModule', '0.23.1', 'absent', 'test');
  return { ...base, ...change, declared: { ...base.declared, ...change.declared } };
}
