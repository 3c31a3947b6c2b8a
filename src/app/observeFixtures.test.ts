import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import { findCompiler } from '../compile/findCompiler.js';
import { libraryVerdict } from '../core/libraryVerdict.js';
import type { FixtureRecord } from '../core/matrixRun.js';
import type { Host } from '../core/host.js';
import { startProber } from '../loader/probeLibraries.js';
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
