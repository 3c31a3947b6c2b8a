import { buildFixtures, type BuildOutcome } from '../../src/compile/buildFixtures.js';
import { findCompiler } from '../../src/compile/findCompiler.js';
import { fixtureRequests } from '../../src/app/fixtureRequests.js';
import { fixtureModuleName, standardFixture, type FixtureSpec } from '../../src/core/fixtureSpec.js';
import { placeholderInterface } from '../../src/core/placeholderInterface.js';

// Temporary folders live in one root that the test run removes at its end.
export { temporaryDir } from './temporaryDir.js';

/** Really renders and compiles the specs with the system compiler, as the matrix does. */
export async function compileFixtures(specs: readonly FixtureSpec[], cacheDir: string): Promise<Map<string, BuildOutcome>> {
  const compiler = await findCompiler(process.env, cacheDir);
  const requests = (await fixtureRequests(specs)).map((request) => ({ ...request, fileName: `lib${request.id.replace(/[^A-Za-z0-9.]/g, '_')}.so` }));
  return buildFixtures(requests, { compiler, cacheDir, jobs: 2 });
}

/** A standard fixture with some of its manifest or behaviour changed. */
export function variant(id: string, change: Partial<Omit<FixtureSpec, 'declared'>> & { declared?: Partial<FixtureSpec['declared']> }): FixtureSpec {
  const base = standardFixture(id, 'TestModule', '0.23.1', 'absent', 'test', placeholderInterface('TestModule'));
  const kind = change.kind ?? base.kind;
  return { ...base, interface: placeholderInterface(kind), ...change, declared: { ...base.declared, ...change.declared } };
}

/** A standard fixture as the plan makes it (`Kind/release`, its own module name, compatible() true), with some of it changed. */
export function plainFixture(kind: string, release: string, change: Partial<FixtureSpec> = {}): FixtureSpec {
  return variant(`${kind}/${release}`, { kind, builtFor: release, moduleName: fixtureModuleName(kind), interface: placeholderInterface(kind), declared: { kind, mesosVersion: release, compatible: 'true' }, ...change });
}
