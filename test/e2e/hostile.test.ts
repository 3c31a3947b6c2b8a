import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFixtures, temporaryDir, variant } from '../helpers/compileFixtures.js';
import { buildMisbehaving } from '../helpers/misbehavingLibraries.js';
import { runCli } from '../helpers/runCli.js';

// issue 10, "Done when": one check whose --modules lists a library of each hostile kind and a
// good one, through the built CLI. Each library exports its own module, so that only what the
// library does decides its fate.
const HOSTILE = ['GARBAGE', 'FORGE', 'EXIT_ZERO', 'FORK_SLEEP', 'FORK_TWICE'] as const;
type Hostile = (typeof HOSTILE)[number];
const symbol = (id: string) => `org_apache_mesos_hostile_${id.toLowerCase().replaceAll('-', '_')}`;

const cache = temporaryDir('hostile-cache');
afterAll(() => rmSync(cache, { recursive: true, force: true }));
const libraries = new Map<string, string>();

beforeAll(async () => {
  const fixtures = [variant('good', {}), variant('segfault', { onLoad: 'crash' }), variant('hang', { onLoad: 'hang' })].map((spec) => ({ ...spec, moduleName: symbol(spec.id) }));
  const [hostile, built] = await Promise.all([buildMisbehaving<Hostile>(HOSTILE, cache, symbol), compileFixtures(fixtures, cache)]);
  for (const [id, library] of hostile) libraries.set(id, library);
  for (const [id, outcome] of built) {
    if (outcome.status === 'failed') throw new Error(`${id}: ${outcome.stderr}`);
    libraries.set(id, outcome.library);
  }
}, 300_000);

const ORDER = ['good', ...HOSTILE, 'segfault', 'hang'] as const;
const lib = (id: (typeof ORDER)[number]) => libraries.get(id) ?? '';
const config = () => JSON.stringify({ libraries: ORDER.map((id) => ({ file: lib(id), modules: [{ name: symbol(id) }] })) });
const LEFT = 'left 1 process running: sleep 3600';

interface Verdict {
  ok: boolean;
  error: string | null;
  problems: Array<{ library: string | null; module: string | null; stage: string; message: string }>;
  modules: Array<{ name: string; loadable: boolean }>;
}

/** Every process that carries `marker` in its environment (zombies run nothing and are left out). */
function processesMarked(marker: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z') && readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker);
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map((pid) => `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ')}`);
}

/** The CLI's run with an environment variable unique to it, which every process it starts (and theirs) inherits. */
async function hostileCheck(format: 'json' | 'text') {
  const marker = `MESOS_MATRIX_TEST_PIDFILE=${path.join(temporaryDir('hostile-run'), 'sleep.pid')}`;
  const started = Date.now();
  const run = await runCli(['check', '--mesos', '0.23.1', '--modules', config(), '--timeout', '2s', '--format', format], { MESOS_MATRIX_CACHE: cache, MESOS_MATRIX_TEST_PIDFILE: marker.split('=')[1] ?? '' });
  return { run, seconds: (Date.now() - started) / 1000, left: processesMarked(marker) };
}

describe('check on a configuration of hostile libraries and a good one', () => {
  it('classifies each, keeps the good verdict, notes the leftovers, leaves no process, exits 1', async () => {
    const { run, seconds, left } = await hostileCheck('json');
    expect(run.exitCode, run.stderr).toBe(1);
    expect(seconds).toBeLessThan(60); // the hang costs its 2 s timeout, not the run
    expect(left).toEqual([]);
    const verdict = JSON.parse(run.stdout) as Verdict;
    expect(verdict.ok).toBe(false);
    // Mesos would load the good library and every library that merely misbehaves around its module.
    expect(verdict.modules.filter((module) => module.loadable).map((module) => module.name)).toEqual(['good', 'GARBAGE', 'FORK_SLEEP', 'FORK_TWICE'].map(symbol));
    const opening = (id: (typeof ORDER)[number]) => `dlopen('${lib(id)}') (static initialisers)`;
    expect(verdict.problems.filter((problem) => problem.stage !== 'left-processes')).toEqual([
      { library: lib('FORGE'), module: null, stage: 'crash', message: `${opening('FORGE')} exited with code 0`, hint: expect.any(String) },
      { library: lib('EXIT_ZERO'), module: null, stage: 'crash', message: `${opening('EXIT_ZERO')} exited with code 0`, hint: expect.any(String) },
      { library: lib('segfault'), module: null, stage: 'crash', message: expect.stringMatching(new RegExp(`^${escapeRegExp(opening('segfault'))} killed the process \\(SIGSEGV\\)`)), hint: expect.any(String) },
      { library: lib('hang'), module: null, stage: 'timeout', message: `${opening('hang')} did not return within 2000 ms`, hint: expect.any(String) },
    ]);
    expect(verdict.error).toBe(verdict.problems[0]?.message);
    const notes = verdict.problems.filter((problem) => problem.stage === 'left-processes');
    expect(notes.map((note) => note.library)).toEqual([lib('FORK_SLEEP'), lib('FORK_TWICE')]);
    expect(notes.map((note) => note.message)).toEqual([LEFT, LEFT]);
  }, 120_000);

  it('shows the leftovers beside the verdict in text', async () => {
    const { run, left } = await hostileCheck('text');
    expect(run.exitCode, run.stderr).toBe(1);
    expect(left).toEqual([]);
    const notes = run.stdout.split('\n').filter((line) => line.trimStart().startsWith('note:'));
    expect(notes.map((line) => line.trim())).toEqual([
      `note: '${lib('FORK_SLEEP')}' ${LEFT}`,
      `note: '${lib('FORK_TWICE')}' ${LEFT}`,
    ]);
  }, 120_000);
});

describe('--timeout', () => {
  it.each([
    ['0', '--timeout: 0 is too short: it must be at least 1 ms'],
    ['-1s', '--timeout: not a duration: "-1s"'],
    ['soon', '--timeout: not a duration: "soon"'],
    ['2147483648', '--timeout: 2147483648 is longer than Node can time (2147483647 ms, about 24.8 days)'],
    ['30d', '--timeout: not a duration: "30d"'],
  ])('refuses %s with a usage error (exit 2) saying what it accepts', async (value, message) => {
    const run = await runCli(['check', '--modules', '{"libraries":[]}', '--timeout', value], { MESOS_MATRIX_CACHE: cache });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('--timeout 10s, --timeout 1.5s, --timeout 500ms');
  });

  it('takes seconds with a unit', async () => {
    const run = await runCli(['check', '--mesos', '0.23.1', '--modules', JSON.stringify({ libraries: [{ file: lib('hang'), modules: [{ name: symbol('hang') }] }] }), '--timeout', '0.5s', '--format', 'json'], { MESOS_MATRIX_CACHE: cache });
    expect(run.exitCode, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as Verdict).error).toBe(`dlopen('${lib('hang')}') (static initialisers) did not return within 500 ms`);
  }, 60_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
