import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../app/paths.js';
import { compileFixtures, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import { buildMisbehaving } from '../../test/helpers/misbehavingLibraries.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { probeLibraries } from './probeLibraries.js';
import { FORK_OF_PROBER } from './sweepChildren.js';

// Libraries that attack the prober from inside its child process (test/fixtures/libraries/
// misbehaving.cpp, one #define each), really compiled, each probed next to a good library.
const BEHAVIOURS = [
  'GARBAGE',
  'FORGE',
  'FORGE_ON_PROTOCOL',
  'EXIT_ZERO',
  'ABORT_AT_EXIT',
  'HANG_AT_EXIT',
  'FORK_SLEEP',
  'FORK_TWICE',
  'FORK_NO_EXEC',
  'HANG_NOTING_PID',
  'ESCAPE_AND_HANG',
  'ESCAPE_AND_CRASH',
  'BARE_ESCAPE_AND_HANG',
  'PRINT_AND_CRASH',
  'HUGE_MANIFEST',
] as const;
type Behaviour = (typeof BEHAVIOURS)[number];

const NAME = 'org_apache_mesos_matrix_TestModule';
const libraries = new Map<string, string>();
let scratch = '';

beforeAll(async () => {
  scratch = temporaryDir('misbehaving');
  const [built, good] = await Promise.all([buildMisbehaving(BEHAVIOURS, scratch), compileFixtures([variant('good', {})], scratch)]);
  for (const [id, library] of built) libraries.set(id, library);
  const outcome = good.get('good');
  if (outcome?.status === 'failed' || outcome === undefined) throw new Error(`the good library did not compile: ${outcome?.stderr}`);
  libraries.set('good', outcome.library);
});

const lib = (id: Behaviour | 'good') => libraries.get(id) ?? '';
/** The misbehaving library first, then the good one, in one child as far as the prober can. */
const probeWithGood = (behaviour: Behaviour, timeoutMs = 10_000) => probeLibraries([lib(behaviour), lib('good')].map((library) => ({ library, symbol: NAME })), { jobs: 1, timeoutMs });
const manifestOf = (outcome: LibraryOutcome | undefined) => (outcome?.stage === 'manifest' ? outcome.manifest : undefined);

function expectGoodKept(outcomes: readonly LibraryOutcome[]): void {
  expect(outcomes).toHaveLength(2);
  expect(manifestOf(outcomes[1])?.description).toBe('TestModule fixture built against Mesos 0.23.1');
}

describe('probeLibraries against libraries that attack the prober', () => {
  it('gives a library that writes garbage to descriptors 3..9 the verdict any library gets', async () => {
    const outcomes = await probeWithGood('GARBAGE');
    expect(manifestOf(outcomes[0])?.description).toBe('a library that misbehaves');
    expectGoodKept(outcomes);
  });

  it.each([
    ['FORGE', 'does not trust a forged answer on 3..9: the exit before answering is classified'],
    ['EXIT_ZERO', 'classifies a constructor that exits with 0 once, and the probe ends'],
  ] as const)('%s: %s', async (behaviour, _title) => {
    const outcomes = await probeWithGood(behaviour);
    expect(outcomes[0]).toEqual({ stage: 'crash', during: 'open', message: `dlopen('${lib(behaviour)}') (static initialisers) exited with code 0` });
    expectGoodKept(outcomes);
  });

  it('classifies a forged answer on the protocol descriptor itself (no token) as a protocol failure', async () => {
    const outcomes = await probeWithGood('FORGE_ON_PROTOCOL');
    expect(outcomes[0]).toEqual({ stage: 'protocol', during: 'open', message: expect.stringContaining(`dlopen('${lib('FORGE_ON_PROTOCOL')}') (static initialisers) wrote to the probe's protocol channel: "{"i":0,`) });
    expectGoodKept(outcomes);
  });

  it('keeps the answers when a static destructor aborts at exit', async () => {
    const outcomes = await probeWithGood('ABORT_AT_EXIT');
    expect(manifestOf(outcomes[0])?.description).toBe('a library that misbehaves');
    expectGoodKept(outcomes);
  });

  it('keeps the answers when a static destructor hangs at exit, and kills the child', async () => {
    const started = Date.now();
    const outcomes = await probeWithGood('HANG_AT_EXIT', 30_000);
    expect(Date.now() - started).toBeLessThan(15_000); // not the 30 s timeout: the answers were all in
    expect(manifestOf(outcomes[0])?.description).toBe('a library that misbehaves');
    expectGoodKept(outcomes);
  });

  it.each(['FORK_SLEEP', 'FORK_TWICE'] as const)('%s: kills the process a library left running, and reports it on its outcome', async (behaviour) => {
    const { outcomes, pid } = await withPidFile(behaviour, () => probeWithGood(behaviour));
    expect(manifestOf(outcomes[0])?.description).toBe('a library that misbehaves');
    // Named by what it runs, even when swept between its fork() and its exec().
    expect(outcomes[0]?.leftovers).toEqual([{ pid, command: 'sleep 3600' }]);
    expect(outcomes[1]?.leftovers).toBeUndefined();
    expectGoodKept(outcomes);
    expect(await gone(pid)).toBe(true);
  });

  it('names a forked copy of the prober that runs no program as such', async () => {
    const { outcomes, pid } = await withPidFile('FORK_NO_EXEC', () => probeWithGood('FORK_NO_EXEC'));
    expect(outcomes[0]?.leftovers).toEqual([{ pid, command: FORK_OF_PROBER }]);
    expectGoodKept(outcomes);
    expect(await gone(pid)).toBe(true);
  });

  // The child cannot sweep: it hangs, or died and its orphans went to init. The parent finds
  // what left the child's group: by ancestry while the child lives, by the mark in the
  // environment after (the bare escapee, started without an environment, by ancestry alone).
  it.each([
    ['ESCAPE_AND_HANG', 'timeout', 'did not return within 1000 ms'],
    ['BARE_ESCAPE_AND_HANG', 'timeout', 'did not return within 1000 ms'],
    ['ESCAPE_AND_CRASH', 'crash', 'killed the process (SIGSEGV)'],
  ] as const)('%s: the parent kills the session-leaving grandchild and reports it', async (behaviour, stage, how) => {
    const { outcomes, pid } = await withPidFile(behaviour, () => probeWithGood(behaviour, 1_000));
    expect(outcomes[0]).toEqual({ stage, during: 'open', message: `dlopen('${lib(behaviour)}') (static initialisers) ${how}`, leftovers: [{ pid, command: 'sleep 3600' }] });
    expectGoodKept(outcomes);
    expect(outcomes[1]?.leftovers).toBeUndefined();
    expect(await gone(pid)).toBe(true);
  });

  it('shows what a crashing library printed escaped and cut', async () => {
    const outcomes = await probeWithGood('PRINT_AND_CRASH');
    const message = outcomes[0]?.stage === 'crash' ? outcomes[0].message : '';
    expect(message).toMatch(/killed the process \(SIGSEGV\); it printed: \\x1b\]0;owned\\x07\\x1b\[2J\\rcleared the screen x+…\[\+\d+ characters cut\]$/);
    // eslint-disable-next-line no-control-regex -- no control character may be shown
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(message.length).toBeLessThan(1000);
    expectGoodKept(outcomes);
  });

  it('records a crash while opening once for every module of that library, and keeps the good one', async () => {
    const crashing = lib('PRINT_AND_CRASH');
    const items = [NAME, 'org_apache_mesos_matrix_Other'].map((symbol) => ({ library: crashing, symbol }));
    const outcomes = await probeLibraries([...items, { library: lib('good'), symbol: NAME }], { jobs: 1, timeoutMs: 10_000 });
    expect(outcomes[0]).toMatchObject({ stage: 'crash', during: 'open' });
    // One opening, one outcome: not a fresh child per module to crash again.
    expect(outcomes[1]).toBe(outcomes[0]);
    expect(manifestOf(outcomes[2])?.description).toBe('TestModule fixture built against Mesos 0.23.1');
  });

  it('shows a 1 MiB manifest string escaped and cut, and NULL-free fields as they are', async () => {
    const manifest = manifestOf((await probeWithGood('HUGE_MANIFEST'))[0]);
    expect(manifest?.description).toMatch(/^\\x1b\[31mx+…\[\+1047555 characters cut\]$/);
    expect(manifest?.description?.length).toBeLessThan(1100);
    expect(manifest?.authorName).toBe('bell\\x07');
    expect(manifest?.kind).toBe('TestModule');
    expect(manifest?.mesosVersion).toBe('0.23.1');
  });
});

/** Runs `probe` with the libraries noting the pid of the process they leave to a fresh file; that pid. */
async function withPidFile<T>(name: string, probe: () => Promise<T>): Promise<{ outcomes: T; pid: number }> {
  const pidFile = path.join(scratch, `${name}.pid`);
  process.env['MESOS_MATRIX_TEST_PIDFILE'] = pidFile;
  try {
    const outcomes = await probe();
    return { outcomes, pid: readPid(pidFile) };
  } finally {
    delete process.env['MESOS_MATRIX_TEST_PIDFILE'];
  }
}

describe('a probing process interrupted', () => {
  // HANG_NOTING_PID notes the probe child; ESCAPE_AND_HANG the `sleep` it left its session for.
  it.each([
    ['SIGINT', 'HANG_NOTING_PID'],
    ['SIGTERM', 'HANG_NOTING_PID'],
    ['SIGINT', 'ESCAPE_AND_HANG'],
  ] as const)('on %s, kills the process %s noted, and dies of that signal', async (signal, behaviour) => {
    const pidFile = path.join(scratch, `interrupted-${signal}-${behaviour}.pid`);
    const script = `const { probeLibraries } = await import(${JSON.stringify(pathToFileURL(path.join(PACKAGE_ROOT, 'src', 'loader', 'probeLibraries.ts')).href)});
      await probeLibraries([{ library: ${JSON.stringify(lib(behaviour))}, symbol: ${JSON.stringify(NAME)} }], { jobs: 1, timeoutMs: 60000 });`;
    const cli = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PACKAGE_ROOT, env: { ...process.env, MESOS_MATRIX_TEST_PIDFILE: pidFile }, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => cli.on('exit', (_code, how) => resolve(how)));
    for (let tries = 0; tries < 1500 && !existsSync(pidFile); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    const child = readPid(pidFile);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the sleep's setsid() and exec() are done
    cli.kill(signal);
    expect(await exited).toBe(signal);
    expect(await gone(child)).toBe(true);
  }, 60_000);
});

function readPid(file: string): number {
  return Number(readFileSync(file, 'utf8').trim());
}

/** Whether the process is gone (or a zombie about to be reaped: it runs nothing). */
async function gone(pid: number): Promise<boolean> {
  for (let tries = 0; tries < 100; tries++) {
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    if (stat === '' || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}
