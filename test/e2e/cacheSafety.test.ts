import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { missingExports } from '../../src/compile/missingExports.js';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { copyOfTable, runCli, type Transcript } from '../helpers/runCli.js';

// Issue 10 §3: failures at the right layer, and a cache that several runs can share.
const KINDS = ['--kinds', 'Isolator,Hook,Authorizer'];
const toolchain = (name: string) => path.join(PACKAGE_ROOT, 'test', 'fixtures', 'toolchain', name);
const leftovers = (cache: string) => readdirSync(cache, { recursive: true }).map(String).filter((name) => /\.tmp(\.cpp)?$|\.lock$/.test(name));
/** What a cell's verdict is, without timings or build counts. */
const verdicts = (run: Transcript) =>
  (JSON.parse(run.stdout) as { cells: Record<string, unknown>[] }).cells.map(({ id, host, kind, builtFor, loadable, stage, message }) => ({ id, host, kind, builtFor, loadable, stage, message }));

describe('a compiler that cannot compile anything', () => {
  it('is a toolchain error naming the compiler and its first error, never a matrix finding', async () => {
    const run = await runCli(['matrix', ...KINDS], { MESOS_MATRIX_CACHE: temporaryDir('bogus'), CXX: 'c++ -bogus' });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/mesos-matrix: toolchain error: the C\+\+ compiler `c\+\+ -bogus` fails on a source that always compiles, so no fixture can be built: .*error: .*-bogus/);
    expect(run.stderr).toContain('→ fix the compiler, or point CXX at a working one');
  });

  it('cannot be recorded with --update', async () => {
    const table = copyOfTable();
    const expected = readFileSync(path.join(table, 'expected', 'matrix.json'), 'utf8');
    const run = await runCli(['matrix', '--table', table, ...KINDS, '--update'], { MESOS_MATRIX_CACHE: temporaryDir('bogus'), CXX: 'c++ -bogus' });
    expect(run.exitCode).toBe(2);
    expect(readFileSync(path.join(table, 'expected', 'matrix.json'), 'utf8')).toBe(expected);
  });
});

describe('--update', () => {
  it('refuses to record cells whose fixture did not build, naming them, and writes nothing', async () => {
    const table = copyOfTable();
    const expected = readFileSync(path.join(table, 'expected', 'matrix.json'), 'utf8');
    const run = await runCli(['matrix', '--table', table, '--kinds', 'Hook,Isolator', '--update'], { MESOS_MATRIX_CACHE: temporaryDir('hook'), CXX: toolchain('cxx-fails-on-hook.sh') });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('mesos-matrix: usage error: --update refuses to record 16 cells whose fixture did not build or whose probe failed; versions/expected/matrix.json records only what Mesos releases decide, and was not changed:');
    expect(run.stderr).toMatch(/\n {2}Hook\/0\.24\.1@0\.23\.1,0\.24\.1,0\.25\.0,0\.26\.0: compile: the fixture did not compile: fixtures\/fixture\.cpp:1:1: error: simulated failure compiling a Hook fixture\n/);
    expect(run.stderr.match(/^ {2}Hook\//gm)).toHaveLength(4);
    expect(readFileSync(path.join(table, 'expected', 'matrix.json'), 'utf8')).toBe(expected);
  });
});

describe('runs sharing a cache', () => {
  it('three runs started at once on an empty cache all give a single run’s verdicts, and leave a correct cache', async () => {
    const single = await runCli(['matrix', ...KINDS, '--format', 'json'], { MESOS_MATRIX_CACHE: temporaryDir('single') });
    expect(single.exitCode).toBe(0);
    const shared = temporaryDir('shared');
    const runs = await Promise.all([1, 2, 3].map(() => runCli(['matrix', ...KINDS, '--format', 'json'], { MESOS_MATRIX_CACHE: shared })));
    for (const run of runs) {
      expect(run.exitCode).toBe(0);
      expect(verdicts(run)).toEqual(verdicts(single));
    }
    expect(leftovers(shared)).toEqual([]);
    // Every stamped library exports the module of each fixture its stamp names (a release's
    // library holds several), and a later run trusts all of them.
    const entries = readdirSync(path.join(shared, 'fixtures'));
    for (const entry of entries) {
      const library = readdirSync(path.join(shared, 'fixtures', entry)).find((name) => name.endsWith('.so')) ?? '';
      const { fixtures } = JSON.parse(readFileSync(path.join(shared, 'fixtures', entry, 'stamp.json'), 'utf8')) as { fixtures: string[] };
      const modules = fixtures.map((id) => `org_apache_mesos_matrix_${/(\w+)\/[^/]+$/.exec(id)?.[1] ?? ''}`);
      expect(modules.length).toBeGreaterThan(0);
      expect(missingExports(readFileSync(path.join(shared, 'fixtures', entry, library)), modules)).toBeNull();
    }
    const later = await runCli(['matrix', ...KINDS, '--format', 'json'], { MESOS_MATRIX_CACHE: shared });
    expect(verdicts(later)).toEqual(verdicts(single));
    expect((JSON.parse(later.stdout) as { fixtures: { build: { status: string } }[] }).fixtures.every((fixture) => fixture.build.status === 'cached')).toBe(true);
  });
});

// Real faults of a real file system: a tiny tmpfs, a read-only bind mount (both need root and
// mount(8)), and a folder the user may not write (chmod; as root, the run drops to nobody).
const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];
afterAll(() => mounted.reverse().forEach((dir) => spawnSync('umount', [dir])));
function mount(dir: string, ...args: string[]): boolean {
  mkdirSync(dir, { recursive: true });
  const done = isRoot && spawnSync('mount', [...args, dir]).status === 0;
  if (done) mounted.push(dir);
  return done;
}
/** Whether this process may mount: tried once and undone at once (afterAll never runs where every test of the file is filtered out). */
function mayMount(): boolean {
  const dir = path.join(temporaryDir('probe-mount'), 'm');
  mkdirSync(dir, { recursive: true });
  const done = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (done) spawnSync('umount', [dir]);
  return done;
}
const canMount = mayMount();

describe.runIf(canMount)('a cache on a file system that refuses (root: mounts)', () => {
  it('a full disk is a configuration error naming the path, and what to do', async () => {
    const dir = path.join(temporaryDir('full'), 'disk');
    expect(mount(dir, '-t', 'tmpfs', '-o', 'size=96k', 'tmpfs')).toBe(true);
    const run = await runCli(['matrix', ...KINDS], { MESOS_MATRIX_CACHE: path.join(dir, 'cache') });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`configuration error: cannot write the cache folder ${dir}/cache: ENOSPC at ${dir}/cache/\\S+ \\(the disk is full or over quota\\)`));
    expect(run.stderr).toContain('→ free space on that disk (or raise the quota), or give a writable folder with --cache-dir <dir>');
    expect(run.stderr).not.toMatch(/internal error|Unhandled| {4}at /);
  });

  it('a read-only file system is a configuration error naming it', async () => {
    const dir = temporaryDir('readonly');
    expect(mount(dir, '--bind', dir)).toBe(true);
    expect(spawnSync('mount', ['-o', 'remount,ro,bind', dir]).status).toBe(0);
    const run = await runCli(['matrix', ...KINDS], { MESOS_MATRIX_CACHE: path.join(dir, 'cache') });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`cannot write the cache folder ${dir}/cache: EROFS`);
  });
});

const setpriv = isRoot && spawnSync('setpriv', ['--version']).status === 0;
/**
 * As root the test runs the CLI as user nobody, who must be able to read this checkout and reach
 * the temp folder's parent (a clone inside a 0700 folder is out of its reach): otherwise skipped,
 * saying why.
 */
const nobodyReaches =
  !isRoot ||
  (setpriv &&
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', 'const fs = require("fs"); fs.accessSync(process.argv[1], fs.constants.R_OK); fs.accessSync(process.argv[2], fs.constants.X_OK);', path.join(PACKAGE_ROOT, 'bin', 'mesos-matrix.js'), path.dirname(path.dirname(temporaryDir('reach')))]).status === 0);
describe.runIf(nobodyReaches)(`a cache folder this user may not write${nobodyReaches ? '' : ' (skipped: user nobody cannot reach this checkout or the temp folder)'}`, () => {
  it('is a configuration error naming the folder, and what to do', async () => {
    const dir = temporaryDir('denied');
    const cache = path.join(dir, 'cache');
    mkdirSync(path.join(cache, 'fixtures'), { recursive: true });
    mkdirSync(path.join(dir, 'tmp'));
    let run: Transcript;
    if (isRoot) {
      // As nobody: the test root is opened for traversal only, the folders are nobody's.
      for (let at = dir; at !== path.dirname(PACKAGE_ROOT) && at !== '/' && at.startsWith(path.dirname(dir)); at = path.dirname(at)) chmodSync(at, 0o711);
      execFileSync('chown', ['-R', '65534:65534', dir]);
      chownSync(dir, 65534, 65534);
      chmodSync(path.join(cache, 'fixtures'), 0o555);
      const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(PACKAGE_ROOT, 'bin', 'mesos-matrix.js'), 'matrix', ...KINDS], {
        env: { ...process.env, NO_COLOR: '1', TMPDIR: path.join(dir, 'tmp'), MESOS_MATRIX_CACHE: cache },
        encoding: 'utf8',
      });
      run = { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    } else {
      chmodSync(path.join(cache, 'fixtures'), 0o555);
      run = await runCli(['matrix', ...KINDS], { MESOS_MATRIX_CACHE: cache });
    }
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`cannot write the cache folder ${cache}: EACCES at ${cache}/fixtures/\\S+ \\(no permission to write there\\)`));
    expect(run.stderr).toContain('→ make it writable for this user (chmod, chown), or give a writable folder');
  });
});
