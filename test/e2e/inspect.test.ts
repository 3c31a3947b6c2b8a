import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { findCompiler } from '../../src/compile/findCompiler.js';
import { compileFixtures, temporaryDir, variant } from '../helpers/compileFixtures.js';
import { buildMisbehaving } from '../helpers/misbehavingLibraries.js';
import { runCli } from '../helpers/runCli.js';

// mesos-matrix inspect on real libraries: a fixture of this project, a system library that is no
// module, another machine's ELF, and a module built like a real one against a libmesos-0.25.0.so
// that is then deleted (with and without --stub-missing).
const cache = temporaryDir('inspect-cache');
const libs = temporaryDir('inspect-libs');
const env = { MESOS_MATRIX_CACHE: cache };
const FIXTURE_MODULE = 'org_apache_mesos_matrix_TestModule';
const REAL_MODULE = 'com_emccode_mesos_isolator';
const file = (name: string) => path.join(libs, name);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', 'inspect-report.schema.json'), 'utf8')));

/** Runs inspect with --format json, checks the report against its schema, returns it with the exit code. */
async function inspectJson(args: readonly string[]) {
  const run = await runCli(['inspect', ...args, '--format', 'json'], env);
  const report = JSON.parse(run.stdout);
  expect(validate(report) || validate.errors).toBe(true);
  return { exitCode: run.exitCode, report, library: report.libraries[0] };
}

/** The verdicts of a module built for `builtFor` (no compatible()), on its own release and on the next one: Mesos's words and our hint. */
const loadsOnlyOn = (module: string, kind: string, builtFor: string, next: string) => [
  { mesos: builtFor, loadable: true, stage: 'loaded', message: '', hint: '' },
  {
    mesos: next,
    loadable: false,
    stage: 'below-minimum',
    message: `Error verifying module '${module}': Minimum supported mesos version for '${kind}' is ${next}, but module is compiled with version ${builtFor}`,
    hint: `built against ${builtFor}; ${next} admits ${kind} builds for ${next} only — rebuild against ${next}`,
  },
];

const libc = [...new Set(readFileSync('/proc/self/maps', 'utf8').split('\n').map((line) => line.split(/\s+/)[5] ?? ''))].find((mapped) => /\/libc\.so\.6$/.test(mapped));

beforeAll(async () => {
  const built = await compileFixtures([variant('inspect-good', {})], cache);
  const fixture = built.get('inspect-good');
  if (fixture === undefined || fixture.status === 'failed') throw new Error('the fixture did not compile');
  copyFileSync(fixture.library, file('libtestmodule.so'));
  // Another machine's ELF: the same library, its e_machine set to AArch64.
  const foreign = readFileSync(fixture.library);
  foreign.writeUInt16LE(183, 18);
  writeFileSync(file('libaarch64.so'), foreign);

  const { command } = await findCompiler(process.env, cache);
  const [cxx = 'c++', ...leading] = command;
  const sources = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'inspect');
  const compile = (args: readonly string[]) => execa(cxx, [...leading, '-shared', '-fPIC', '-w', ...args]);
  await compile(['-Wl,-soname,libmesos-0.25.0.so', path.join(sources, 'libmesos.cpp'), '-o', file('libmesos-0.25.0.so')]);
  // As a module author's build links it: against libmesos, which must stay among its needed libraries.
  const linked = (output: string, ...flags: string[]) => compile([...flags, path.join(sources, 'module.cpp'), '-L', libs, '-Wl,--no-as-needed', '-l:libmesos-0.25.0.so', '-o', file(output)]);
  await linked('libdvdi.so');
  await linked('libdvdi-calls-mesos.so', '-DCALL_MESOS_AT_LOAD');
  // As automake builds it: no -lmesos, the Mesos symbols left for the master or agent.
  await compile([path.join(sources, 'module.cpp'), '-o', file('libdvdi-automake.so')]);
  rmSync(file('libmesos-0.25.0.so'));
});

describe('mesos-matrix inspect', () => {
  it("prints a fixture's static facts, its manifest and each release's verdict; exit 0 when every release loads it", async () => {
    const text = await runCli(['inspect', file('libtestmodule.so'), '--releases', '0.23.1'], env);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(`${file('libtestmodule.so')} — 64-bit x86-64 shared object (little-endian)`);
    expect(text.stdout).toContain(`  modules    ${FIXTURE_MODULE} (exported data symbols of 64 bytes)`);
    expect(text.stdout).toContain(`${FIXTURE_MODULE}: TestModule built for 0.23.1 · module API 2 · compatible() absent · create() set`);
    expect(text.stdout).toContain('  0.23.1  ✓ loads');

    const { exitCode, library } = await inspectJson([file('libtestmodule.so'), '--releases', '0.23.1,0.24.1']);
    expect(exitCode).toBe(1);
    expect(library.static.facts).toMatchObject({ bits: 64, machine: 'x86-64', foreign: null, candidates: [FIXTURE_MODULE], linkedMesos: null });
    expect(library.open).toEqual({ stage: 'opened', message: '', hint: null });
    expect(library.modules[0].verdicts).toEqual(loadsOnlyOn(FIXTURE_MODULE, 'TestModule', '0.23.1', '0.24.1'));
  });

  it.skipIf(libc === undefined)('says a system library is no module: its facts, no candidate, exit 1', async () => {
    const { exitCode, library } = await inspectJson([libc as string]);
    expect(exitCode).toBe(1);
    expect(library.static.facts).toMatchObject({ soname: 'libc.so.6', candidates: [], foreign: null });
    expect(library.static.facts.needed[0]).toMatchObject({ name: expect.stringMatching(/^ld-linux/), path: expect.stringMatching(/^\//) });
    expect(library.open.stage).toBe('opened');
    expect(library.modules).toEqual([]);
    const text = await runCli(['inspect', libc as string], env);
    expect(text.stdout).toContain('no module: no exported data symbol of 64 bytes, so no release can load a module from it');
  });

  it("names another machine's ELF as such, with dlerror() in Mesos's message", async () => {
    const { exitCode, library } = await inspectJson([file('libaarch64.so'), '--releases', '0.23.1']);
    expect(exitCode).toBe(1);
    expect(library.static.facts).toMatchObject({ machine: 'AArch64', foreign: 'an ELF for AArch64, this machine is x86-64', candidates: [FIXTURE_MODULE] });
    expect(library.open).toMatchObject({ stage: 'foreign-machine', hint: `'${file('libaarch64.so')}' is an ELF for AArch64, this machine is x86-64: build it for the machine Mesos runs on` });
    const [verdict] = library.modules[0].verdicts;
    expect(verdict.message).toBe(`Error opening library: '${file('libaarch64.so')}': Could not load library '${file('libaarch64.so')}': ${library.open.message}`);
    expect(verdict.hint).toBe(library.open.hint);
  });

  it('without --stub-missing: the missing libmesos-0.25.0.so is named, with what it is and what to do', async () => {
    const { exitCode, library } = await inspectJson([file('libdvdi.so'), '--releases', '0.25.0']);
    expect(exitCode).toBe(1);
    expect(library.static.facts.linkedMesos).toBe('0.25.0');
    expect(library.static.facts.needed[0]).toEqual({ name: 'libmesos-0.25.0.so', path: null, via: null });
    const hint = 'the module needs libmesos-0.25.0.so, the Mesos library it was built against (0.25.0); it is not on this machine — use --stub-missing to read its manifest anyway';
    expect(library.open).toEqual({ stage: 'missing-library', message: 'libmesos-0.25.0.so: cannot open shared object file: No such file or directory', hint });
    expect(library.modules[0]).toMatchObject({
      name: REAL_MODULE,
      outcome: { stage: 'open' },
      verdicts: [{ stage: 'open', message: `Error opening library: '${file('libdvdi.so')}': Could not load library '${file('libdvdi.so')}': libmesos-0.25.0.so: cannot open shared object file: No such file or directory`, hint }],
    });
  });

  it('without --stub-missing: Mesos symbols left undefined (no -lmesos) are their own class, never "check the path"', async () => {
    const { library } = await inspectJson([file('libdvdi-automake.so'), '--releases', '0.25.0']);
    expect(library.static.facts.linkedMesos).toBeNull();
    expect(library.open.stage).toBe('undefined-symbol');
    expect(library.open.message).toMatch(/undefined symbol: _Z\w*5mesos/);
    expect(library.open.hint).toContain('leaves Mesos\'s own symbols undefined: a Mesos master or agent supplies them to every module it loads, but no libmesos is loaded here — use --stub-missing');
  });

  it('with --stub-missing: stand-ins let the manifest be read, and each release judges it', async () => {
    for (const name of ['libdvdi.so', 'libdvdi-automake.so']) {
      const { exitCode, library } = await inspectJson([file(name), '--releases', '0.25.0,0.26.0', '--stub-missing']);
      expect(exitCode).toBe(1);
      expect(library.open.stage).toBe('opened');
      expect(library.standIns).toEqual({ libraries: name === 'libdvdi.so' ? ['libmesos-0.25.0.so'] : [], symbols: 4 });
      expect(library.modules[0].outcome).toEqual({
        stage: 'manifest',
        manifest: { moduleApiVersion: '2', mesosVersion: '0.25.0', kind: 'Isolator', authorName: 'EMC CODE', authorEmail: 'emccode@example.com', description: 'Docker volume isolator', compatible: { present: false }, create: true },
      });
      expect(library.modules[0].verdicts).toEqual(loadsOnlyOn(REAL_MODULE, 'Isolator', '0.25.0', '0.26.0'));
    }
    const text = await runCli(['inspect', file('libdvdi.so'), '--releases', '0.25.0', '--stub-missing'], env);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('  stand-ins  libmesos-0.25.0.so, 4 undefined symbols — opened before it (--stub-missing)');
    expect(text.stdout).toContain(`${REAL_MODULE}: Isolator built for 0.25.0 · module API 2 · compatible() absent · create() set`);
  });

  it('with --stub-missing: a module that calls Mesos while it opens is a classified crash naming the stand-in; the libraries after it still get their stand-ins', async () => {
    const { report, library } = await inspectJson([file('libdvdi-calls-mesos.so'), file('libdvdi.so'), file('libdvdi-automake.so'), '--releases', '0.25.0', '--stub-missing']);
    expect(library.open.stage).toBe('crash');
    expect(library.open.message).toMatch(/killed the process \(SIGABRT\); it printed: mesos-matrix --stub-missing: the library called _ZN5mesos7versionEv, a stand-in for a symbol this machine lacks/);
    // A real Mesos defines what the stand-in stood for: the hint blames the stand-in, not Mesos.
    expect(library.modules[0]?.verdicts[0]?.hint).toMatch(/^the module called _ZN5mesos7versionEv while it was opened, which only a stand-in of --stub-missing defines here: .*Mesos would not crash this way/);
    // The crash cost its child; the next libraries went to a fresh one, which opened the stand-ins first again.
    expect(report.libraries.slice(1).map((next: { open: { stage: string }; modules: Array<{ verdicts: unknown[] }> }) => [next.open.stage, next.modules[0]?.verdicts])).toEqual([
      ['opened', [{ mesos: '0.25.0', loadable: true, stage: 'loaded', message: '', hint: '' }]],
      ['opened', [{ mesos: '0.25.0', loadable: true, stage: 'loaded', message: '', hint: '' }]],
    ]);
  });

  it('--no-exec: static facts only, no code of the library runs', async () => {
    const { exitCode, report, library } = await inspectJson([file('libdvdi-calls-mesos.so'), '--no-exec']);
    expect(report.exec).toBe(false);
    expect(library.open).toBeNull();
    expect(library.modules).toEqual([{ name: REAL_MODULE, outcome: null, verdicts: [] }]);
    expect(exitCode).toBe(0);
  });

  it('classifies a file that is no ELF, or a library cut short, as a fact of that file: exit 1, the other library still inspected', async () => {
    writeFileSync(file('notes.so'), 'not a library\n');
    writeFileSync(file('libcut.so'), readFileSync(file('libtestmodule.so')).subarray(0, 2000));
    const { exitCode, report } = await inspectJson([file('notes.so'), file('libcut.so'), file('libtestmodule.so'), '--releases', '0.23.1']);
    expect(exitCode).toBe(1);
    expect(report.libraries.map((library: { static: unknown; open: unknown }) => [library.static, library.open === null])).toEqual([
      [{ ok: false, problem: 'not an ELF file (no \\x7fELF at its start)' }, true],
      [{ ok: false, problem: expect.stringMatching(/^truncated at byte \d+ \(reading section header \d+\); the file has 2000 bytes$/) }, true],
      [expect.objectContaining({ ok: true }), false],
    ]);
    expect(report.libraries[2].modules[0].verdicts[0].loadable).toBe(true);
  });

  it('notes the processes a module left running, beside verdicts they do not change', async () => {
    const built = await buildMisbehaving(['FORK_SLEEP'] as const, cache);
    const text = await runCli(['inspect', built.get('FORK_SLEEP') ?? '', '--releases', '0.23.1'], env);
    expect(text.exitCode).toBe(0);
    // `sleep 3600` once it has exec'd; caught before that (a loaded machine), the fork is named as such.
    expect(text.stdout).toMatch(/\n {2}note: left 1 process running: (sleep 3600|\(a fork of the process that opened the library\)) \(killed here; in a Mesos agent or master they would keep running\)\n/);
    expect(text.stdout).toContain('0.23.1  ✓ loads');
  });

  it('a library path that does not exist is a usage error (exit 2) naming it', async () => {
    const run = await runCli(['inspect', file('libmissing.so')], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`mesos-matrix: usage error: ${file('libmissing.so')}: no such file`);
  });
});

describe('mesos-matrix check with the static facts', () => {
  /** `check --mesos <release> --format json` on one library declaring one module. */
  const check = async (library: string, module: string, ...more: string[]) => {
    const run = await runCli(['check', '--mesos', '0.25.0', '--modules', JSON.stringify({ libraries: [{ file: library, modules: [{ name: module }] }] }), '--format', 'json', ...more], env);
    return { exitCode: run.exitCode, verdict: JSON.parse(run.stdout) };
  };

  it('names the missing libmesos-0.25.0.so as the Mesos library the module was built against, never "check the path"', async () => {
    const { exitCode, verdict } = await check(file('libdvdi.so'), REAL_MODULE);
    expect(exitCode).toBe(1);
    expect(verdict.problems[0]).toMatchObject({
      stage: 'open',
      hint: 'the module needs libmesos-0.25.0.so, the Mesos library it was built against (0.25.0); it is not on this machine — use --stub-missing to read its manifest anyway',
    });
  });

  it('--stub-missing reads the real module and gives the verdict; a misspelt module name gets the nearest exported one', async () => {
    expect((await check(file('libdvdi.so'), REAL_MODULE, '--stub-missing')).verdict).toMatchObject({ ok: true, modules: [{ name: REAL_MODULE, kind: 'Isolator', builtFor: '0.25.0', loadable: true }] });
    const { verdict } = await check(file('libdvdi.so'), 'com_emc_mesos_isolator', '--stub-missing');
    expect(verdict.problems[0]).toMatchObject({ stage: 'symbol', hint: `'${file('libdvdi.so')}' exports no module 'com_emc_mesos_isolator'; did you mean ${REAL_MODULE}?` });
  });

  it("names another machine's ELF", async () => {
    const { verdict } = await check(file('libaarch64.so'), FIXTURE_MODULE);
    expect(verdict.problems[0]).toMatchObject({ stage: 'open', hint: `'${file('libaarch64.so')}' is an ELF for AArch64, this machine is x86-64: build it for the machine Mesos runs on` });
  });
});
