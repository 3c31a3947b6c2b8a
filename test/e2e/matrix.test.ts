import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { copyOfTable as copyOfPackageTable, runCli, type Transcript } from '../helpers/runCli.js';

const cache = temporaryDir('e2e-cache');
// Every folder this file makes, removed at the end.
const made = [cache];
const copyOfTable = () => {
  const dir = copyOfPackageTable();
  made.push(path.dirname(dir));
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const env = { MESOS_MATRIX_CACHE: cache };
let table: Transcript;
let json: Transcript;

beforeAll(async () => {
  table = await runCli(['matrix'], env);
  json = await runCli(['matrix', '--format', 'json'], env);
});

/** The last line holds timings and cache counts, which vary between runs. */
const stable = (transcript: Transcript) =>
  `$ mesos-matrix matrix\n${transcript.stdout.replace(/\n[^\n]*fixtures: \d+ compiled[^\n]*$/, '\n<build counts and timings>')}\n[exit ${transcript.exitCode}]\n`;

describe('mesos-matrix matrix on the default table', () => {
  it('prints the default matrix and exits 0', async () => {
    expect(table.exitCode).toBe(0);
    await expect(stable(table)).toMatchFileSnapshot('__snapshots__/matrix-default.txt');
  });

  it('describes every cell as JSON valid against the published schema', () => {
    expect(json.exitCode).toBe(0);
    const report = JSON.parse(json.stdout);
    const schema = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', 'matrix-report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate.errors ?? validate(report)).toBe(true);

    // 9 kinds at 0.23.1, 10 at the others (Authorizer arrives in 0.24.x), × 4 hosts.
    expect(report.cells).toHaveLength(39 * 4);
    for (const cell of report.cells) {
      // Every real kind table pins its own release: only a build for the host's own release loads.
      expect(cell.loadable).toBe(cell.builtFor === cell.host);
      expect(cell.expectedLoadable).toBe(cell.loadable);
      for (const key of ['host', 'kind', 'builtFor', 'stage', 'message']) expect(typeof cell[key]).toBe('string');
    }
    const cell = (id: string) => report.cells.find((candidate: { id: string }) => candidate.id === id);
    expect(cell('Authorizer/0.24.1@0.23.1')).toMatchObject({
      stage: 'unknown-kind',
      message: "Error verifying module 'org_apache_mesos_matrix_Authorizer': Unknown module kind: Authorizer",
    });
    expect(cell('Isolator/0.23.1@0.24.1')).toMatchObject({
      stage: 'below-minimum',
      message: "Error verifying module 'org_apache_mesos_matrix_Isolator': Minimum supported mesos version for 'Isolator' is 0.24.1, but module is compiled with version 0.23.1",
    });
    // Fixtures supply compatible(), so a newer build fails the "not newer than Mesos" check.
    expect(cell('Hook/0.26.0@0.25.0')).toMatchObject({
      stage: 'newer',
      message: "Error verifying module 'org_apache_mesos_matrix_Hook': Mesos has version 0.25.0, but module is compiled with version 0.26.0",
    });
    expect(cell('Hook/0.26.0@0.26.0')).toMatchObject({ loadable: true, stage: 'loaded', message: '' });

    expect(report.documented.map((row: { loadable: boolean; stage: string; asDocumented: boolean }) => [row.loadable, row.stage, row.asDocumented])).toEqual([
      [true, 'loaded', true],
      [true, 'loaded', true],
      [true, 'loaded', true],
      [false, 'newer', true],
      [false, 'below-minimum', true],
      [false, 'below-minimum', true],
    ]);
  });

  it('compiles nothing on a warm run', () => {
    const report = JSON.parse(json.stdout);
    expect(report.fixtures.map((fixture: { build: { status: string } }) => fixture.build.status)).toEqual(report.fixtures.map(() => 'cached'));
  });
});

describe('the build cache', () => {
  it('recompiles only the library of the release file that changed', async () => {
    const dir = copyOfTable();
    const file = path.join(dir, 'releases', '0.25.0.json');
    const release = JSON.parse(readFileSync(file, 'utf8'));
    release.kinds.Zeta = '0.25.0';
    release.kinds.Isolator = '0.24.1'; // a minimum does not change any fixture
    writeFileSync(file, JSON.stringify(release, null, 2));
    const run = await runCli(['matrix', '--table', dir, '--format', 'json'], env);
    const report = JSON.parse(run.stdout);
    const records: Array<{ id: string; library: string; build: { status: string } }> = report.fixtures;
    const compiled = records.filter((fixture) => fixture.build.status === 'compiled');
    // The fixtures of 0.25.0 share one library, which now holds a Zeta module too; nothing else is compiled.
    expect(compiled.map((fixture) => fixture.id)).toEqual(expect.arrayContaining(['Zeta/0.25.0', 'Isolator/0.25.0']));
    expect(new Set(compiled.map((fixture) => fixture.library))).toEqual(new Set(['fixtures/libmodules-0.25.0.so']));
    expect(records.filter((fixture) => fixture.library === 'fixtures/libmodules-0.25.0.so')).toEqual(compiled);
    expect(run.stderr).toMatch(new RegExp(`^compiling 1 of 7 libraries \\(${compiled.length} fixtures; 6 cached\\) with 1 job…\ncompiled 1 library in [0-9.]+ s$`)); // execa strips the final newline
  });
});

describe('bad input', () => {
  it('rejects a release file that violates its schema, naming file, line, column, pointer and expectation, and builds nothing', async () => {
    const dir = copyOfTable();
    const file = path.join(dir, 'releases', '0.24.1.json');
    const release = JSON.parse(readFileSync(file, 'utf8'));
    release.loader.versionParser = 'semver2';
    delete release.moduleApiVersion;
    writeFileSync(file, JSON.stringify(release, null, 2));
    const emptyCache = temporaryDir('unused-cache');
    made.push(emptyCache);
    const run = await runCli(['matrix', '--table', dir], { MESOS_MATRIX_CACHE: emptyCache });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('versions/releases/0.24.1.json:1:1: /: expected a property "moduleApiVersion"');
    expect(run.stderr).toContain('versions/releases/0.24.1.json:17:22: /loader/versionParser: expected one of "legacy", "semver"');
    // The sets and interfaces that name 0.24.1 are not blamed for its file's problems.
    expect(run.stderr).toContain('the version table is invalid (2 problems)');
    expect(run.stdout).toBe('');
    expect(existsSync(path.join(emptyCache, 'fixtures'))).toBe(false);
  });

  it('rejects a release file that is not JSON, with line and column', async () => {
    const dir = copyOfTable();
    const file = path.join(dir, 'releases', '0.25.0.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"TestModule": "0.25.0"', '"TestModule": "0.25.0",'));
    const run = await runCli(['matrix', '--table', dir], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/versions\/releases\/0\.25\.0\.json:16:3: not valid JSON: trailing comma before '}': JSON allows none, remove it/);
  });

  it('rejects an unknown release, listing the valid ones and the nearest', async () => {
    const run = await runCli(['matrix', '--releases', '0.24.9'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('no release of the table matches "0.24.9"; nearest: 0.24.2, 0.25.0');
    expect(run.stderr).toContain('valid releases: 0.21.0 0.21.1');
  });

  it('rejects an unknown kind, listing the valid ones', async () => {
    const run = await runCli(['matrix', '--kinds', 'isolator,Nope'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('unknown kinds for the selected releases: isolator, Nope (kinds are case-sensitive: isolator → Isolator)');
    expect(run.stderr).toContain('valid kinds: Allocator Anonymous Authenticatee Authenticator Authorizer Hook Isolator QoSController ResourceEstimator TestModule');
  });

  it('names what to install when there is no compiler, and what to fix when it is broken', async () => {
    const missing = await runCli(['matrix', '--kinds', 'TestModule'], { ...env, CXX: 'no-such-compiler-anywhere' });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('no C++ compiler found: CXX=no-such-compiler-anywhere is not on the PATH');
    const broken = await runCli(['matrix', '--kinds', 'TestModule'], { ...env, CXX: 'false' });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain('the C++ compiler does not work: `false --version` exited with 1');
  });

  it('marks the rows of a fixture that fails to compile, runs the rest, and exits 1', async () => {
    const compiler = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'toolchain', 'cxx-fails-on-hook.sh');
    const run = await runCli(['matrix', '--kinds', 'Hook,Isolator', '--format', 'json'], { ...env, CXX: compiler });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout);
    for (const cell of report.cells) {
      if (cell.kind === 'Hook') {
        expect(cell).toMatchObject({ stage: 'compile', loadable: false, asExpected: false });
        expect(cell.message).toMatch(/^the fixture did not compile: .*fixture\.cpp:1:1: error: simulated failure compiling a Hook fixture$/);
      } else {
        expect(cell.asExpected).toBe(true);
      }
    }
    expect(report.documented.every((row: { asDocumented: boolean }) => row.asDocumented)).toBe(true);
  });

  it('shows a difference from the committed expected matrix as a diff, exits 1, and --update records it', async () => {
    const dir = copyOfTable();
    const file = path.join(dir, 'expected', 'matrix.json');
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    expected.rows['Isolator/0.24.1'][expected.hosts.indexOf('0.25.0')] = 'loaded';
    writeFileSync(file, JSON.stringify(expected));
    const run = await runCli(['matrix', '--table', dir, '--kinds', 'Isolator'], env);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(['Isolator/0.24.1@0.25.0: differs from versions/expected/matrix.json', '    - loaded  (expected)', "    + below-minimum  (observed: Error verifying module 'org_apache_mesos_matrix_Isolator': Minimum supported mesos version for 'Isolator' is 0.25.0, but module is compiled with version 0.24.1)"].join('\n'));
    const update = await runCli(['matrix', '--table', dir, '--kinds', 'Isolator', '--update'], env);
    expect(update.exitCode).toBe(0);
    expect(update.stdout).toContain('updated versions/expected/matrix.json (1 cells changed)');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(PACKAGE_ROOT, 'versions', 'expected', 'matrix.json'), 'utf8'));
  });
});
