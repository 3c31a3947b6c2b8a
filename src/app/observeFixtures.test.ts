import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainFixture, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import { findCompiler } from '../compile/findCompiler.js';
import type { FixtureSpec } from '../core/fixtureSpec.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { libraryVerdict } from '../core/libraryVerdict.js';
import { placeholderInterface } from '../core/placeholderInterface.js';
import type { FixtureRecord } from '../core/matrixRun.js';
import type { Host } from '../core/host.js';
import { startProber, type Prober } from '../loader/probeLibraries.js';
import { observeFixtures } from './observeFixtures.js';
import { createPhaseTimer } from './phaseTimer.js';
import { TEMPLATES_DIR } from './paths.js';

// Really compiled and opened: a library whose module symbol is hidden, and one that crashes in dlopen.
const SPECS = [variant('hidden', { exportSymbol: false, builtFor: '0.24.1' }), variant('crash', { onLoad: 'crash', builtFor: '0.25.0' })];
const cacheDir = temporaryDir('observe');
let records: FixtureRecord[] = [];

beforeAll(async () => {
  const prober = startProber({ jobs: 2, timeoutMs: 10_000 });
  try {
    records = await observeFixtures(SPECS, { compiler: findCompiler(process.env, cacheDir), prober }, { templatesDir: TEMPLATES_DIR, cacheDir, jobs: 2 }, createPhaseTimer().timed);
  } finally {
    prober.close();
  }
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('observeFixtures', () => {
  it('names each library by its fixture, in the record and in every text glibc or the prober wrote', () => {
    expect(records.map((record) => record.library)).toEqual(['fixtures/libTestModule-0.24.1.so', 'fixtures/libTestModule-0.25.0.so']);
    expect(records[0]?.outcome).toEqual({ stage: 'symbol', dlerror: 'fixtures/libTestModule-0.24.1.so: undefined symbol: org_apache_mesos_matrix_TestModule' });
    expect(records[1]?.outcome).toMatchObject({ stage: 'crash', during: 'open', message: expect.stringMatching(/^dlopen\('fixtures\/libTestModule-0\.25\.0\.so'\) \(static initialisers\) killed the process/) });
    expect(JSON.stringify(records)).not.toContain(cacheDir);
  });

  it("gives Mesos's message with the same name throughout", () => {
    const host = { mesos: '0.24.1', moduleApiVersion: '2', kinds: new Map([['TestModule', '0.24.1']]), loader: { openErrorDetail: true } } as unknown as Host;
    const [hidden] = records;
    if (!hidden) throw new Error('not observed');
    expect(libraryVerdict(host, hidden.library, hidden.spec.moduleName, hidden.outcome).message).toBe(
      "Error loading module 'org_apache_mesos_matrix_TestModule': Error looking up symbol 'org_apache_mesos_matrix_TestModule' in 'fixtures/libTestModule-0.24.1.so' : fixtures/libTestModule-0.24.1.so: undefined symbol: org_apache_mesos_matrix_TestModule",
    );
  });
});


/** An interface no compiler accepts: a method named like a C++ keyword. */
const uncompilable = (kind: string) => {
  const face = placeholderInterface(kind);
  return { ...face, methods: [...face.methods, { name: 'delete', returns: 'void', params: [], pure: true, const: false, destructor: false }] };
};

async function observeWith(specs: readonly FixtureSpec[], wrap: (prober: Prober) => Prober = (prober) => prober): Promise<FixtureRecord[]> {
  const cache = temporaryDir('observe-release');
  const prober = startProber({ jobs: 2, timeoutMs: 10_000 });
  try {
    return await observeFixtures(specs, { compiler: findCompiler(process.env, cache), prober: wrap(prober) }, { templatesDir: TEMPLATES_DIR, cacheDir: cache, jobs: 2 }, createPhaseTimer().timed);
  } finally {
    prober.close();
    rmSync(cache, { recursive: true, force: true });
  }
}

const shown = (records: readonly FixtureRecord[]) =>
  records.map((record) => [record.spec.id, record.library, record.outcome.stage, record.outcome.stage === 'manifest' ? record.outcome.manifest.kind : null]);

describe("a release's library", () => {
  it('holds the modules of every kind of the release, each read by its own name', async () => {
    const records = await observeWith([plainFixture('Alpha', '0.24.1'), plainFixture('Beta', '0.24.1'), plainFixture('Gamma', '0.24.1')]);
    expect(shown(records)).toEqual([
      ['Alpha/0.24.1', 'fixtures/libmodules-0.24.1.so', 'manifest', 'Alpha'],
      ['Beta/0.24.1', 'fixtures/libmodules-0.24.1.so', 'manifest', 'Beta'],
      ['Gamma/0.24.1', 'fixtures/libmodules-0.24.1.so', 'manifest', 'Gamma'],
    ]);
  });

  it('falls back to a library per fixture when it does not compile, so that one broken kind hides no other', async () => {
    const records = await observeWith([plainFixture('Alpha', '0.25.0'), plainFixture('Broken', '0.25.0', { interface: uncompilable('Broken') }), plainFixture('Gamma', '0.25.0')]);
    expect(shown(records)).toEqual([
      ['Alpha/0.25.0', 'fixtures/libAlpha-0.25.0.so', 'manifest', 'Alpha'],
      ['Broken/0.25.0', 'fixtures/libBroken-0.25.0.so', 'compile', null],
      ['Gamma/0.25.0', 'fixtures/libGamma-0.25.0.so', 'manifest', 'Gamma'],
    ]);
    expect(records[1]?.outcome).toMatchObject({ message: expect.stringMatching(/^the fixture did not compile: fixtures\/fixture\.cpp:\d+:\d+: error: .*delete/) });
  });

  it('falls back to a library per fixture when opening it goes wrong, and keeps what each fixture alone does', async () => {
    // As if the shared library had crashed the child that opened it: every fixture is then opened alone, really.
    const crashingShared = (prober: Prober): Prober => ({
      ...prober,
      async probe(items) {
        const crash: LibraryOutcome = { stage: 'crash', during: 'open', message: 'killed the process (SIGSEGV)' };
        const outcomes = await prober.probe(items);
        return outcomes.map((outcome, index) => (items[index]?.library.endsWith('libmodules-0.26.0.so') ? crash : outcome));
      },
    });
    const records = await observeWith([plainFixture('Alpha', '0.26.0'), plainFixture('Beta', '0.26.0')], crashingShared);
    expect(shown(records)).toEqual([
      ['Alpha/0.26.0', 'fixtures/libAlpha-0.26.0.so', 'manifest', 'Alpha'],
      ['Beta/0.26.0', 'fixtures/libBeta-0.26.0.so', 'manifest', 'Beta'],
    ]);
  });
});
