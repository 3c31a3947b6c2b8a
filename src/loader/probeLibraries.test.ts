import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures } from '../compile/buildFixtures.js';
import { findCompiler } from '../compile/findCompiler.js';
import { PACKAGE_ROOT } from '../app/paths.js';
import { compileFixtures, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { probeLibraries } from './probeLibraries.js';

// Real libraries, really compiled and opened through koffi in child processes.
const SPECS = [
  variant('good', {}),
  variant('compatible-true', { declared: { compatible: 'true' } }),
  variant('compatible-false', { declared: { compatible: 'false' } }),
  variant('null-description', { declared: { description: null } }),
  variant('null-kind', { declared: { kind: null } }),
  variant('hidden-symbol', { exportSymbol: false }),
  variant('crash-on-load', { onLoad: 'crash' }),
  variant('hang-on-load', { onLoad: 'hang' }),
  variant('compatible-crash', { declared: { compatible: 'crash' } }),
  variant('odd-strings', { declared: { description: 'naïve "quoted"?\ttab', mesosVersion: '0.23.1-rc1' } }),
];

const NAME = 'org_apache_mesos_matrix_TestModule';
const libraries = new Map<string, string>();
let scratch = '';

beforeAll(async () => {
  scratch = temporaryDir('probe');
  const built = await compileFixtures(SPECS, scratch);
  for (const [id, outcome] of built) {
    if (outcome.status === 'failed') throw new Error(`${id} did not compile: ${outcome.stderr}`);
    libraries.set(id, outcome.library);
  }
});

const lib = (id: string) => libraries.get(id) ?? '';
const probeOne = async (id: string, symbol = NAME, timeoutMs = 10_000) => (await probeLibraries([{ library: lib(id), symbol }], { jobs: 1, timeoutMs }))[0];
const manifestOf = (outcome: LibraryOutcome | undefined) => (outcome?.stage === 'manifest' ? outcome.manifest : undefined);

describe('probeLibraries on compiled fixtures', () => {
  it('decodes the manifest the constructor filled in during dlopen', async () => {
    expect(await probeOne('good')).toEqual({
      stage: 'manifest',
      manifest: {
        moduleApiVersion: '2',
        mesosVersion: '0.23.1',
        kind: 'TestModule',
        authorName: 'mesos-module-matrix',
        authorEmail: 'fixtures@mesos-module-matrix.invalid',
        description: 'TestModule fixture built against Mesos 0.23.1',
        compatible: { present: false },
        create: true,
      },
    });
  });

  it('calls compatible() once and reports what it returned', async () => {
    expect(manifestOf(await probeOne('compatible-true'))?.compatible).toEqual({ present: true, returned: true });
    expect(manifestOf(await probeOne('compatible-false'))?.compatible).toEqual({ present: true, returned: false });
  });

  it('reads NULL fields as null', async () => {
    expect(manifestOf(await probeOne('null-description'))?.description).toBeNull();
    expect(manifestOf(await probeOne('null-kind'))?.kind).toBeNull();
  });

  it('keeps printable UTF-8 and shows a control character escaped', async () => {
    const manifest = manifestOf(await probeOne('odd-strings'));
    expect(manifest?.description).toBe('naïve "quoted"?\\ttab');
    expect(manifest?.mesosVersion).toBe('0.23.1-rc1');
  });

  it("reports glibc's dlerror for a missing symbol, with the library's path", async () => {
    expect(await probeOne('hidden-symbol')).toEqual({ stage: 'symbol', dlerror: `${lib('hidden-symbol')}: undefined symbol: ${NAME}` });
    expect(await probeOne('good', 'org_apache_mesos_Nope')).toEqual({ stage: 'symbol', dlerror: `${lib('good')}: undefined symbol: org_apache_mesos_Nope` });
  });

  it("reports glibc's dlerror for a missing file and for a file that is no library", async () => {
    const missing = path.join(scratch, 'libmissing.so');
    const text = path.join(scratch, 'libtext.so');
    // Longer than an ELF header, so that glibc reads it and rejects the magic (a shorter file is "file too short").
    writeFileSync(text, 'This is a text file, not a shared library.\n'.repeat(8));
    const outcomes = await probeLibraries([{ library: missing, symbol: NAME }, { library: text, symbol: NAME }], { jobs: 1, timeoutMs: 10_000 });
    expect(outcomes).toEqual([
      { stage: 'open', dlerror: `${missing}: cannot open shared object file: No such file or directory` },
      { stage: 'open', dlerror: `${text}: invalid ELF header` },
    ]);
  });

  it('classifies a crashing static constructor without losing the other libraries', async () => {
    const outcomes = await probeLibraries(
      ['good', 'crash-on-load', 'compatible-true'].map((id) => ({ library: lib(id), symbol: NAME })),
      { jobs: 1, timeoutMs: 10_000 },
    );
    expect(outcomes[0]?.stage).toBe('manifest');
    expect(outcomes[1]).toEqual({ stage: 'crash', during: 'open', message: expect.stringContaining(`dlopen('${lib('crash-on-load')}') (static initialisers) killed the process (SIGSEGV)`) });
    expect(manifestOf(outcomes[2])?.compatible).toEqual({ present: true, returned: true });
  });

  it('classifies a hanging static constructor as a timeout and goes on', async () => {
    const outcomes = await probeLibraries(['hang-on-load', 'good'].map((id) => ({ library: lib(id), symbol: NAME })), { jobs: 1, timeoutMs: 1_000 });
    expect(outcomes[0]).toEqual({ stage: 'timeout', during: 'open', message: `dlopen('${lib('hang-on-load')}') (static initialisers) did not return within 1000 ms` });
    expect(outcomes[1]?.stage).toBe('manifest');
  });

  it('keeps the manifest when compatible() crashes', async () => {
    expect(manifestOf(await probeOne('compatible-crash'))?.compatible).toEqual({
      present: true,
      failed: 'crash',
      detail: `compatible() of '${NAME}' killed the process (SIGSEGV)`,
    });
  });

  it('survives a library that lies about its manifest, and goes on', async () => {
    const source = readFileSync(path.join(PACKAGE_ROOT, 'test', 'fixtures', 'libraries', 'liar.cpp'), 'utf8');
    const built = await buildFixtures([{ id: 'liar', recipe: source, render: async () => source, fileName: 'libliar.so' }], { compiler: await findCompiler(process.env, scratch), cacheDir: scratch, jobs: 1 });
    const liar = built.get('liar')?.library ?? '';
    const outcomes = await probeLibraries([liar, lib('good')].map((library) => ({ library, symbol: NAME })), { jobs: 1, timeoutMs: 10_000 });
    expect(outcomes[0]).toEqual({ stage: 'crash', during: 'lookup', message: expect.stringContaining(`reading the manifest '${NAME}' killed the process (SIGSEGV)`) });
    expect(outcomes[1]?.stage).toBe('manifest');
  });

  it('spreads libraries over several children and returns outcomes in order', async () => {
    const ids = ['good', 'compatible-true', 'null-kind', 'hidden-symbol', 'compatible-false'];
    const outcomes = await probeLibraries(ids.map((id) => ({ library: lib(id), symbol: NAME })), { jobs: 3, timeoutMs: 10_000 });
    expect(outcomes.map((outcome) => outcome.stage)).toEqual(['manifest', 'manifest', 'manifest', 'symbol', 'manifest']);
    expect(manifestOf(outcomes[2])?.kind).toBeNull();
  });
});
