import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { FixtureSpec } from '../../src/core/fixtureSpec.js';
import { compileFixtures, temporaryDir, variant } from '../helpers/compileFixtures.js';
import { runCli } from '../helpers/runCli.js';

// Mesos's own module tests (src/tests/module_tests.cpp at 0.23.1, 0.26.0 and 1.11.0), ported:
// the same configurations, with libraries this project builds, and Mesos's exact messages.
const NAME = 'org_apache_mesos_TestModule';
const RELEASES = ['0.23.1', '0.26.0', '1.7.3', '1.11.0'] as const;
const cache = temporaryDir('check-cache');
const libs = temporaryDir('check-libs');
// Every folder this file makes, removed at the end.
const made = [cache, libs];
const scratchDir = (prefix: string) => {
  const dir = temporaryDir(prefix);
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const env = () => ({ MESOS_MATRIX_CACHE: cache, LD_LIBRARY_PATH: libs });

/** The example module as the release's build tree makes it (compatible() returns true, as TestModule's does). */
const example = (id: string, release: string, declared: Partial<FixtureSpec['declared']> = {}): FixtureSpec =>
  variant(id, {
    moduleName: NAME,
    builtFor: release,
    declared: { mesosVersion: release, authorName: 'Apache Mesos', authorEmail: 'modules@mesos.apache.org', description: 'This is a test module.', compatible: 'true', ...declared },
  });

/** Per release, the folder holding its libexamplemodule.so and the variants. */
const dir = (release: string) => path.join(libs, release);
const file = (release: string, name = 'libexamplemodule.so') => path.join(dir(release), name);

beforeAll(async () => {
  const specs = RELEASES.flatMap((release) => [
    example(`${release}/example`, release),
    example(`${release}/api-0`, release, { moduleApiVersion: '0' }),
    example(`${release}/api-1000`, release, { moduleApiVersion: '1000' }),
    example(`${release}/api-text`, release, { moduleApiVersion: 'ThisIsNotAnAPIVersion!' }),
    example(`${release}/newer`, release, { mesosVersion: '100.1.0' }),
    example(`${release}/older`, release, { mesosVersion: '0.1.0' }),
    example(`${release}/kind`, release, { kind: 'NotTestModule' }),
  ]);
  const built = await compileFixtures([...specs, variant('not-a-module', { exportSymbol: false })], cache);
  for (const [id, outcome] of built) if (outcome.status === 'failed') throw new Error(`${id}: ${outcome.stderr}`);
  const library = (id: string) => built.get(id)?.library ?? '';
  for (const release of RELEASES) {
    mkdirSync(dir(release), { recursive: true });
    copyFileSync(library(`${release}/example`), file(release));
    // The libtool name, for DuplicateModuleInDifferentLibraries.
    symlinkSync(file(release), file(release, `libexamplemodule-${release}.so`));
    for (const variantName of ['api-0', 'api-1000', 'api-text', 'newer', 'older', 'kind']) copyFileSync(library(`${release}/${variantName}`), file(release, `lib${variantName}.so`));
    // NonModuleLibrary loads libmesos: a shared library without any module.
    copyFileSync(library('not-a-module'), file(release, 'libmesos.so'));
  }
}, 300_000);

/** `getModules(library, module[, key, value])`: the library by `file`, expanded as the test does. */
const modules = (libraries: ReadonlyArray<{ file?: string; name?: string; modules: Array<{ name: string; parameters?: Array<{ key: string; value: string }> }> }>) => JSON.stringify({ libraries });
const one = (library: { file?: string; name?: string }, module = NAME, parameters?: Array<{ key: string; value: string }>) =>
  modules([{ ...library, modules: [{ name: module, ...(parameters ? { parameters } : {}) }] }]);

async function check(release: string, config: string) {
  const run = await runCli(['check', '--mesos', release, '--modules', config, '--format', 'json'], { ...env(), LD_LIBRARY_PATH: dir(release) });
  if (run.exitCode === 2 || run.exitCode === 3) throw new Error(run.stderr);
  return { exitCode: run.exitCode, verdict: JSON.parse(run.stdout) as { ok: boolean; error: string | null; problems: Array<{ stage: string; message: string }> } };
}

describe.each(RELEASES)('Mesos %s module tests', (release) => {
  const lib = () => file(release);
  const refused = async (config: string, message: string) => {
    const { exitCode, verdict } = await check(release, config);
    expect(verdict.error).toBe(message);
    expect(verdict.ok).toBe(false);
    expect(exitCode).toBe(1);
  };
  const loads = async (config: string) => {
    const { exitCode, verdict } = await check(release, config);
    expect(verdict).toMatchObject({ ok: true, error: null, problems: [] });
    expect(exitCode).toBe(0);
  };

  it('ExampleModuleLoadTest, ValidParameters: loads by file, with parameters', () => loads(one({ file: lib() }, NAME, [{ key: 'operation', value: 'sum' }])));
  it('LibraryNameWithoutExtension: loads by name, searched in LD_LIBRARY_PATH', () => loads(one({ name: 'examplemodule' })));
  it('LibraryNameWithExtension: loads a file name without a slash', () => loads(one({ file: 'libexamplemodule.so' })));

  it('EmptyLibraryFilename: expandName("") is lib.so', () =>
    refused(one({ file: 'lib.so' }), "Error opening library: 'lib.so': Could not load library 'lib.so': lib.so: cannot open shared object file: No such file or directory"));

  // Behaviour changed (issue 11): the agent is mesos-slave before 1.0.0.
  it('an empty file makes Mesos look in its own binary, and is not opened here', () =>
    refused(one({ file: '' }), `Error loading module '${NAME}': Error looking up symbol '${NAME}' in '' : ${release.startsWith('0.') ? 'mesos-slave' : 'mesos-agent'}: undefined symbol: ${NAME}`));

  it('--binary master: the main program is mesos-master', async () => {
    const run = await runCli(['check', '--mesos', release, '--binary', 'master', '--modules', one({ file: '' }), '--format', 'json'], env());
    expect(JSON.parse(run.stdout).error).toBe(`Error loading module '${NAME}': Error looking up symbol '${NAME}' in '' : mesos-master: undefined symbol: ${NAME}`);
  });

  it('EmptyModuleName', () => refused(one({ file: lib() }, ''), `Error loading module '': Error looking up symbol '' in '${lib()}' : ${lib()}: undefined symbol: `));

  it('UnknownLibraryTest', () =>
    refused(one({ file: 'libunknown.so' }), "Error opening library: 'libunknown.so': Could not load library 'libunknown.so': libunknown.so: cannot open shared object file: No such file or directory"));

  it('UnknownModuleTest', () => refused(one({ file: lib() }, 'unknown'), `Error loading module 'unknown': Error looking up symbol 'unknown' in '${lib()}' : ${lib()}: undefined symbol: unknown`));

  it('NonModuleLibrary: a library with no module', async () => {
    const { verdict } = await check(release, one({ name: 'mesos' }));
    // Found through LD_LIBRARY_PATH, so dlerror names the full path.
    expect(verdict.error).toBe(`Error loading module '${NAME}': Error looking up symbol '${NAME}' in 'libmesos.so' : ${file(release, 'libmesos.so')}: undefined symbol: ${NAME}`);
  });

  it.each([
    ['api-0', 'Module API version mismatch. Mesos has: 2, library requires: 0'],
    ['api-1000', 'Module API version mismatch. Mesos has: 2, library requires: 1000'],
    ['api-text', 'Module API version mismatch. Mesos has: 2, library requires: ThisIsNotAnAPIVersion!'],
    ['newer', `Mesos has version ${release}, but module is compiled with version 100.1.0`],
    ['older', `Minimum supported mesos version for 'TestModule' is ${release}, but module is compiled with version 0.1.0`],
    ['kind', 'Unknown module kind: NotTestModule'],
  ])('DifferentApiVersion, NewerModuleLibrary, OlderModuleLibrary, InvalidModuleKind: %s', (name, text) =>
    refused(one({ file: file(release, `lib${name}.so`) }), `Error verifying module '${NAME}': ${text}`));

  const twice = (second: { file?: string; name?: string }, parameters?: Array<{ key: string; value: string }>) =>
    modules([
      { file: 'libexamplemodule.so', modules: [{ name: NAME }] },
      { ...second, modules: [{ name: NAME, ...(parameters ? { parameters } : {}) }] },
    ]);
  const duplicateText = release === '1.7.3' ? 'this is  potenatially due to duplicate module names' : 'this is potentially due to duplicate module names';

  if (release === '0.23.1' || release === '0.26.0') {
    it('DuplicateModule: any repeated name, before the lookup', () => refused(twice({ name: 'examplemodule' }), `Error loading duplicate module '${NAME}'`));
  } else {
    it('LoadSameModuleTwice: an identical re-declaration is fine', () => loads(twice({ name: 'examplemodule' })));
    it('DuplicateModulesWithDifferentParameters', () =>
      refused(twice({ name: 'examplemodule' }, [{ key: 'operation', value: 'X' }]), `Error loading module '${NAME}'; ${duplicateText}; A module with same name but different parameters already exists`));
    it('DuplicateModuleInDifferentLibraries: library strings, not files, are compared', () =>
      refused(
        twice({ name: `examplemodule-${release}` }),
        `Error loading module '${NAME}'; ${duplicateText}; The same module appears in two different module libraries - 'libexamplemodule-${release}.so' and 'libexamplemodule.so'`,
      ));
  }
});

describe('mesos-matrix check beyond one release', () => {
  it('gives one verdict per release, valid against the published schema, and exit 1 when some refuse', async () => {
    const run = await runCli(['check', '--releases', '0.25.0,0.26.0,0.26.1', '--modules', one({ file: file('0.26.0') }), '--format', 'json'], env());
    expect(run.exitCode).toBe(1);
    const verdicts = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', 'check-report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(verdicts) || validate.errors).toBe(true);
    expect(validate(verdicts[0]) || validate.errors).toBe(true);
    expect(verdicts.map((verdict: { mesos: string; ok: boolean }) => [verdict.mesos, verdict.ok])).toEqual([
      ['0.25.0', false],
      ['0.26.0', true],
      ['0.26.1', false],
    ]);
    expect(verdicts[1].modules).toEqual([{ name: NAME, library: file('0.26.0'), kind: 'TestModule', builtFor: '0.26.0', loadable: true }]);
    expect(verdicts[2].problems[0]).toMatchObject({ stage: 'below-minimum', hint: 'built against 0.26.0; 0.26.1 admits TestModule builds for 0.26.1 only — rebuild against 0.26.1' });
  });

  it('prints Mesos\'s line, then every further problem with a hint', async () => {
    const config = modules([
      { file: file('0.26.0'), modules: [{ name: NAME }, { name: 'org_apache_mesos_Missing' }] },
      { name: 'nowhere', modules: [{ name: 'x' }] },
    ]);
    const run = await runCli(['check', '--mesos', '0.25.0', '--modules', config], env());
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe(
      [
        `0.25.0  Error loading modules: Error verifying module '${NAME}': Mesos has version 0.25.0, but module is compiled with version 0.26.0`,
        '        hint: built against 0.26.0; 0.25.0 admits TestModule builds for 0.25.0 only — rebuild against 0.25.0',
        '        and 2 further problems Mesos would meet after it:',
        `        - '${file('0.26.0')}' · org_apache_mesos_Missing · symbol: Error loading module 'org_apache_mesos_Missing': Error looking up symbol 'org_apache_mesos_Missing' in '${file('0.26.0')}' : ${file('0.26.0')}: undefined symbol: org_apache_mesos_Missing`,
        `          hint: '${file('0.26.0')}' exports no module 'org_apache_mesos_Missing'; its modules: ${NAME}`,
        "        - 'libnowhere.so' · open: Error opening library: 'libnowhere.so': Could not load library 'libnowhere.so': libnowhere.so: cannot open shared object file: No such file or directory",
        '          hint: a file without a slash is searched like dlopen does (LD_LIBRARY_PATH, then the system paths): give a path or set LD_LIBRARY_PATH',
      ].join('\n'),
    );
  });

  it('reads file:// and absolute paths as Mesos does, and a relative path as (bad) JSON', async () => {
    const config = path.join(scratchDir('config'), 'modules.json');
    writeFileSync(config, one({ file: file('0.26.0') }));
    expect((await runCli(['check', '--mesos', '0.26.0', '--modules', `file://${config}`], env())).exitCode).toBe(0);
    // A leading '/' is read with a deprecation warning from 0.22.0 (stout flags/parse.hpp; "a absolute" until 0.26.x).
    const absolute = await runCli(['check', '--releases', '0.21.0,0.26.0,0.27.0', '--modules', config, '--format', 'json'], env());
    expect(JSON.parse(absolute.stdout).map((verdict: { logged: string[] }) => verdict.logged.map((line) => line.slice(0, 24)))).toEqual([[], ['Specifying a absolute fi'], ['Specifying an absolute f']]);
    // Behaviour changed (issue 11): a verdict at the flag stage, exit 1, not our configuration error; picojson's words.
    const relative = await runCli(['check', '--mesos', '0.26.0', '--modules', 'modules.json', '--format', 'json'], env());
    expect(relative.exitCode).toBe(1);
    expect(JSON.parse(relative.stdout).problems[0]).toMatchObject({
      stage: 'flags',
      message: "Failed to load flag 'modules': Failed to load value 'modules.json': syntax error at line 1 near: modules.json",
      hint: '--modules:1:1: not valid JSON: unexpected character; to read a file give file:///absolute/path or /absolute/path (Mesos reads no relative path)',
    });
  });

  it('rejects the documentation\'s own examples with line and column, and loads them corrected where the libraries allow', async () => {
    // 0.23.1:docs/modules.md, example 1 (a trailing comma) and example 2 (a missing comma, a trailing comma).
    const first = '{\n  "libraries": [\n    {\n      "file": "/path/to/libfoo.so",\n      "modules": [\n        {\n          "name": "org_apache_mesos_bar",\n        },\n        {\n          "name": "org_apache_mesos_baz"\n        }\n      ]\n    }\n  ]\n}\n';
    // Behaviour changed (issue 11): Mesos's flag-stage line is the verdict (exit 1), our line and column the hint.
    const bad = await runCli(['check', '--mesos', '1.11.0', '--modules', first], env());
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(`1.11.0  Failed to load flag 'modules': Failed to load value '${first}': syntax error at line 8 near: },\n`);
    expect(bad.stdout).toContain("hint: --modules:8:9: not valid JSON: trailing comma before '}': JSON allows none, remove it");
    const second = '{\n  "libraries": [\n    {\n      "name": "foo",\n      "modules": [\n        {\n          "name": "org_apache_mesos_bar"\n          "parameters": [\n';
    const missing = await runCli(['check', '--modules', second], env());
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain("hint: --modules:8:11: not valid JSON: expected ',' between two entries (a comma is missing)");

    // Corrected, with the libraries of this test: foo is the example module.
    const corrected = modules([{ file: file('1.11.0'), modules: [{ name: NAME, parameters: [{ key: 'X', value: 'Y' }] }, { name: NAME }] }]);
    const run = await runCli(['check', '--releases', '0.26.0,1.11.0', '--modules', corrected, '--format', 'json'], env());
    const [old, current] = JSON.parse(run.stdout);
    expect(old.error).toBe(`Error verifying module '${NAME}': Mesos has version 0.26.0, but module is compiled with version 1.11.0`);
    // The example declares the module twice: 1.11.0 refuses the second, with other parameters.
    expect(current.error).toBe(`Error loading module '${NAME}'; this is potentially due to duplicate module names; A module with same name but different parameters already exists`);
  });

  it('names the protobuf\'s required fields with line and column, and ignores unknown keys with a warning', async () => {
    // Behaviour changed (issue 11): Parameter.key and .value are `required` (mesos.proto): the flag parser's verdict, exit 1.
    const config = JSON.stringify({ libraries: [{ file: 'x', modules: [{ name: 'm', parameters: [{ key: 'k' }] }] }] });
    const run = await runCli(['check', '--mesos', '1.11.0', '--modules', config, '--format', 'json'], env());
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).problems).toEqual([
      {
        library: null,
        module: null,
        stage: 'flags',
        message: `Failed to load flag 'modules': Failed to load value '${config}': Missing required fields: libraries[0].modules[0].parameters[0].value`,
        hint: '--modules:1:64: /libraries/0/modules/0/parameters/0: expected a property "value"',
      },
    ]);
    const warned = await runCli(['check', '--mesos', '0.26.0', '--modules', JSON.stringify({ libraries: [{ file: file('0.26.0'), fiel: 'x', modules: [{ name: NAME }] }] })], env());
    expect(warned.exitCode).toBe(0);
    expect(warned.stderr).toContain("mesos-matrix: warning: --modules: /libraries/0/fiel: unknown key, ignored (as Mesos's protobuf parser ignores it)");
  });

  it('--strict refuses what Mesos loads but this tool warns about, after Mesos\'s own problems', async () => {
    const config = JSON.stringify({ libraries: [{ file: file('0.26.0'), name: 'examplemodule', fiel: 'x', modules: [{ name: NAME }] }] });
    const lenient = await runCli(['check', '--mesos', '0.26.0', '--modules', config], env());
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stderr).toContain('mesos-matrix: warning: --modules: /libraries/0: both "file" and "name": Mesos opens the file and ignores the name');
    const strict = await runCli(['check', '--mesos', '0.26.0', '--modules', config, '--strict', '--format', 'json'], env());
    expect(strict.exitCode).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({
      ok: false,
      error: null,
      problems: [
        { stage: 'strict', message: "--modules: /libraries/0/fiel: unknown key, ignored (as Mesos's protobuf parser ignores it)", hint: 'not refused by Mesos: --strict refuses it' },
        { stage: 'strict', message: '--modules: /libraries/0: both "file" and "name": Mesos opens the file and ignores the name' },
      ],
    });
    const text = await runCli(['check', '--mesos', '0.26.0', '--modules', config, '--strict'], env());
    expect(text.stdout).toContain("0.26.0  loads in Mesos, refused by --strict: --modules: /libraries/0/fiel: unknown key");
  });

  it('--modules-dir: an unlistable folder or an unparsable file is load(modulesDir)\'s error, in its turn (§7)', async () => {
    const folder = scratchDir('modules-dir-bad');
    writeFileSync(path.join(folder, 'a.json'), one({ file: file('1.11.0') }, 'org_apache_mesos_Missing'));
    writeFileSync(path.join(folder, 'b.json'), '{"libraries": [],}');
    const run = await runCli(['check', '--mesos', '1.11.0', '--modules-dir', folder, '--format', 'json'], env());
    expect(run.exitCode).toBe(1);
    const verdict = JSON.parse(run.stdout);
    expect(verdict.error).toMatch(/^Error loading modules from '.*a\.json': Error loading module 'org_apache_mesos_Missing'/);
    expect(verdict.problems[1]).toMatchObject({ stage: 'manifest-file', message: `Error parsing module manifest file '${path.join(folder, 'b.json')}': syntax error at line 1 near: }`, hint: `${path.join(folder, 'b.json')}:1:18: not valid JSON: trailing comma before '}': JSON allows none, remove it` });
    const absent = path.join(folder, 'absent');
    const missing = await runCli(['check', '--mesos', '1.11.0', '--modules-dir', absent, '--format', 'json'], env());
    expect(missing.exitCode).toBe(1);
    // stout os::ls: "Failed to opendir '<dir>'" (1.0.0:3rdparty/stout/include/stout/os/ls.hpp, the same to 1.11.0).
    expect(JSON.parse(missing.stdout).error).toBe(`Error loading module manifests from '${absent}' directory: Failed to opendir '${absent}': No such file or directory`);
  });

  // What Mesos's flag parser accepts but load() refuses, and what the flag parser refuses: verdicts (exit 1), per release.
  const missingFile = path.join(temporaryDir('absent'), 'modules.json');
  it.each<[string, () => string, string, (release: string) => string]>([
    // loader-facts §6 step 1 (0.23.1) and §7 (1.11.0, same steps): every field of Library is optional in module.proto.
    ['a library with neither file nor name (§6 step 1)', () => JSON.stringify({ libraries: [{ modules: [{ name: NAME }] }] }), 'library-unnamed', () => 'Error loading modules: Library name or path not provided'],
    // §6 step 3a, §7: Library.Module.name is optional too.
    ['a module without name (§6 step 3a)', () => JSON.stringify({ libraries: [{ file: file('1.11.0'), modules: [{}] }] }), 'module-unnamed', () => `Error loading modules: Error: module name not provided with library '${file('1.11.0')}'`],
    // §6 step 2: the library is opened before its modules are read, even when it lists none.
    ['a library that lists no module (§6 step 2)', () => JSON.stringify({ libraries: [{ name: 'nowhere' }] }), 'open', () => "Error loading modules: Error opening library: 'libnowhere.so': Could not load library 'libnowhere.so': libnowhere.so: cannot open shared object file: No such file or directory"],
    // stout json.hpp JSON::parse<JSON::Object>: a top level that is no object.
    ['a top level that is no object (stout json.hpp)', () => '[]', 'flags', () => "Failed to load flag 'modules': Failed to load value '[]': Unexpected JSON type parsed"],
    // stout flags/fetch.hpp, then os::read: "Failed to open file '<path>'" until 0.28.x, strerror alone from 1.6.0.
    [
      'a file:// path that does not exist',
      () => `file://${missingFile}`,
      'flags',
      (release) => `Failed to load flag 'modules': Failed to load value 'file://${missingFile}': Error reading file '${missingFile}': ${release === '0.26.0' ? `Failed to open file '${missingFile}': ` : ''}No such file or directory`,
    ],
  ])('%s is a verdict in Mesos\'s words on every release', async (_name, config, stage, text) => {
    const run = await runCli(['check', '--releases', '0.26.0,1.11.0', '--modules', config()], env());
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').filter((line) => /^\d/.test(line))).toEqual([`0.26.0  ${text('0.26.0')}`, `1.11.0  ${text('1.11.0')}`]);
    const json = await runCli(['check', '--mesos', '1.11.0', '--modules', config(), '--format', 'json'], env());
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ stage }] });
  });

  // stout's JSON→protobuf conversion and JSON parse per release (protobuf.hpp, json.hpp at each tag; test/data/mesosTexts.test.ts).
  const refusedBy = (config: string, error: string) => `Failed to load flag 'modules': Failed to load value '${config}': ${error}`;
  const typeError = JSON.stringify({ libraries: [{ file: 5, modules: [{ name: NAME }] }] });
  it.each<[string, string, readonly [string, string, string, string]]>([
    // Swallowed in 0.25.0 and 0.26.0 (the library keeps no field: load() refuses it), the flag parser's from 0.25.1 / 0.26.1.
    ['a type error inside a library', typeError, ['Error loading modules: Library name or path not provided', 'Error loading modules: Library name or path not provided', refusedBy(typeError, "Not expecting a JSON number for field 'file'"), refusedBy(typeError, "Not expecting a JSON number for field 'file'")]],
    ['characters after the JSON value', '{"libraries": []} x', ['loads 0 modules', ...(Array(3).fill(refusedBy('{"libraries": []} x', 'Parsed JSON included non-whitespace trailing characters:  x')) as [string, string, string])]],
    ['a null', '{"libraries": null}', [...(Array(3).fill(refusedBy('{"libraries": null}', 'Not expecting a JSON null')) as [string, string, string]), 'loads 0 modules']],
  ])('%s: each release\'s flag parser in its words', async (_name, config, texts) => {
    const run = await runCli(['check', '--releases', '0.25.0,0.26.0,0.26.1,0.27.0', '--modules', config], env());
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').filter((line) => /^\d/.test(line))).toEqual(['0.25.0', '0.26.0', '0.26.1', '0.27.0'].map((release, index) => `${release}  ${texts[index]}`));
  });

  it('ModulesDirTest: --modules-dir from 1.0.0, not before, and not with --modules', async () => {
    const folder = scratchDir('modules-dir');
    writeFileSync(path.join(folder, 'b.json'), one({ file: file('1.11.0') }));
    writeFileSync(path.join(folder, 'a.json'), modules([]));
    const run = await runCli(['check', '--releases', '0.28.2,1.11.0', '--modules-dir', folder, '--format', 'json'], env());
    const [before, after] = JSON.parse(run.stdout);
    expect(before).toMatchObject({ ok: false, error: "Failed to load unknown flag 'modules_dir'" });
    expect(after).toMatchObject({ ok: true, error: null });
    const both = await runCli(['check', '--mesos', '1.11.0', '--modules-dir', folder, '--modules', one({ file: file('1.11.0') }), '--format', 'json'], env());
    expect(JSON.parse(both.stdout)).toMatchObject({ ok: false, error: 'Only one of --modules or --modules_dir should be specified' });
    writeFileSync(path.join(folder, 'c.json'), one({ file: file('1.11.0') }, 'org_apache_mesos_Missing'));
    const wrapped = await runCli(['check', '--mesos', '1.11.0', '--modules-dir', folder, '--format', 'json'], env());
    expect(JSON.parse(wrapped.stdout).error).toBe(
      `Error loading modules from '${path.join(folder, 'c.json')}': Error loading module 'org_apache_mesos_Missing': Error looking up symbol 'org_apache_mesos_Missing' in '${file('1.11.0')}' : ${file('1.11.0')}: undefined symbol: org_apache_mesos_Missing`,
    );
  });
});
