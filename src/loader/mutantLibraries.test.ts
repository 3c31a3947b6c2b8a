import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixtures, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import { MUTATIONS, mutateLibrary, type Mutant, type Mutation } from '../../test/helpers/mutateLibrary.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { intendedManifest } from '../core/fixtureSpec.js';
import { MANIFEST_STRING_FIELDS } from '../core/manifest.js';
import { startProber } from './probeLibraries.js';

// A fuzz test of the prober: ~200 damaged copies of one real, compiled fixture, all probed in one
// run through the real prober. Whatever the damage (a loader that refuses the file, a segfault
// in ld.so or in the static initialisers, a manifest read from garbage), each library gets a
// classified outcome, the good copies keep theirs, and no process outlives the run.
const FIXTURE = variant('good', { declared: { compatible: 'true' } });
/** What the undamaged library holds: the fixture's manifest, compatible() answering true. */
const WANT = intendedManifest(FIXTURE);
const NAME = FIXTURE.moduleName;
const SEED = 0x5eed_2026;
/**
 * 200 mutants. Each one that crashes costs a fresh probe child (~0.7 s of CPU under the test
 * runner's tsx, 2 s and more on a busy 2-core machine), and damage to the dynamic section, the
 * relocations and truncation crash most of the time: they get few mutants, so that some 20
 * crash (measured: 38–52 s at a load average of 13–17 on 2 cores, mostly those restarts).
 */
const COUNTS: Readonly<Record<Mutation, number>> = {
  'elf-header': 60,
  'program-headers': 8,
  dynamic: 4,
  dynsym: 12,
  relocations: 4,
  'manifest-data': 51,
  'random-bytes': 57,
  truncate: 4,
};
const TIMEOUT_MS = 5_000;
const OUTCOME_STAGES = ['manifest', 'open', 'symbol', 'crash', 'timeout', 'protocol'] as const;

let scratch = '';
let mutants: Array<Mutant & { library: string }> = [];
let controls: string[] = [];

beforeAll(async () => {
  scratch = temporaryDir('mutants');
  const built = (await compileFixtures([FIXTURE], scratch)).get(FIXTURE.id);
  if (built?.status !== 'cached' && built?.status !== 'compiled') throw new Error(`the fixture did not compile: ${built?.status === 'failed' ? built.stderr : 'no outcome'}`);
  const original = readFileSync(built.library);
  const manifestStrings = MANIFEST_STRING_FIELDS.map((field) => WANT[field] as string);
  mutants = mutateLibrary(original, { symbol: NAME, manifestStrings }, COUNTS, SEED).map((mutant, i) => {
    const library = path.join(scratch, `libmutant-${String(i).padStart(3, '0')}-${mutant.mutation}.so`);
    writeFileSync(library, mutant.bytes);
    return { ...mutant, library };
  });
  // Unmutated copies first (before any mutant ran in the child), halfway and last.
  controls = ['first', 'middle', 'last'].map((when) => {
    const library = path.join(scratch, `libcontrol-${when}.so`);
    writeFileSync(library, original);
    return library;
  });
});

describe('the prober against mutated copies of a real fixture', () => {
  it('classifies every mutant, keeps the good copies’ outcomes and leaves no process behind', async ({ annotate }) => {
    const half = Math.floor(mutants.length / 2);
    const libraries = [controls[0], ...mutants.slice(0, half).map((m) => m.library), controls[1], ...mutants.slice(half).map((m) => m.library), controls[2]] as string[];
    const before = new Set(descendants(process.pid));
    const groups = new Set<number>();
    const watcher = setInterval(() => {
      // The probe children lead process groups of their own: note them, to check they are gone after.
      for (const pid of children()) if (!before.has(pid)) groups.add(processGroup(pid) ?? pid);
    }, 20);
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);

    const started = Date.now();
    const prober = startProber({ jobs: 2, timeoutMs: TIMEOUT_MS });
    let outcomes: LibraryOutcome[];
    try {
      outcomes = await within(120_000, prober.probe(libraries.map((library) => ({ library, symbol: NAME }))));
    } finally {
      prober.close();
      clearInterval(watcher);
      process.off('unhandledRejection', onRejection);
    }
    const seconds = (Date.now() - started) / 1000;

    expect(outcomes).toHaveLength(libraries.length);
    for (const [i, outcome] of outcomes.entries()) expect(classified(outcome), `${libraries[i]}: ${JSON.stringify(outcome).slice(0, 300)}`).toBe(true);
    for (const control of controls) expect(outcomes[libraries.indexOf(control)]).toEqual({ stage: 'manifest', manifest: WANT });
    const outcomeOf = new Map(libraries.map((library, i) => [library, outcomes[i] as LibraryOutcome]));
    for (const mutant of mutants) {
      const outcome = outcomeOf.get(mutant.library);
      // glibc names the file it refused, a crash is blamed on the library that was being opened or
      // read, and a damaged manifest string is read as it now is, never as it was.
      if (outcome?.stage === 'open') expect(outcome.dlerror.startsWith(`${mutant.library}: `), outcome.dlerror).toBe(true);
      if (outcome?.stage === 'crash' || outcome?.stage === 'timeout') {
        const blamed = outcome.during === 'open' ? [`dlopen('${mutant.library}')`] : [`reading the manifest '${NAME}'`, `compatible() of '${NAME}'`];
        expect(blamed.some((step) => outcome.message.startsWith(step)), outcome.message).toBe(true);
      }
      if (mutant.mutation === 'manifest-data' && outcome?.stage === 'manifest') expect(outcome.manifest, mutant.detail).not.toEqual(WANT);
    }
    expect(rejections).toEqual([]);
    expect(groups.size).toBeGreaterThan(0); // the probe children were seen, so their groups are checked
    expect(await leftAlive(before, groups)).toEqual([]);

    // A summary, not a snapshot: a few mutants (a dynamic symbol's name offset flipped, say) make
    // ld.so read memory whose contents depend on the address layout, so their stage can differ
    // from run to run.
    const summary = tally(outcomeOf);
    await annotate(`${mutants.length} mutants probed in ${seconds.toFixed(1)} s (seed 0x${SEED.toString(16)}):\n${summary}`);
  }, 180_000);
});

/** Whether an outcome is one of the prober's classified kinds, with the fields that kind has. */
function classified(outcome: LibraryOutcome): boolean {
  switch (outcome.stage) {
    case 'open':
    case 'symbol':
      return typeof outcome.dlerror === 'string';
    case 'crash':
    case 'timeout':
    case 'protocol':
      return ['open', 'lookup'].includes(outcome.during) && outcome.message.length > 0;
    case 'manifest':
      return MANIFEST_STRING_FIELDS.every((field) => outcome.manifest[field] === null || typeof outcome.manifest[field] === 'string') && typeof outcome.manifest.compatible.present === 'boolean';
    default:
      return false;
  }
}

/** Per kind of damage, how many mutants ended at each stage. */
function tally(outcomeOf: ReadonlyMap<string, LibraryOutcome | undefined>): string {
  return MUTATIONS.map((mutation) => {
    const stages = mutants.filter((mutant) => mutant.mutation === mutation).map((mutant) => outcomeOf.get(mutant.library)?.stage);
    return `${mutation.padEnd(16)} ${OUTCOME_STAGES.map((stage) => `${stage} ${stages.filter((s) => s === stage).length}`).join(', ')}`;
  }).join('\n');
}

/** Every process below `pid` (children, their children, …), from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const stat = statOf(Number(entry));
    if (stat) parents.set(stat.ppid, [...(parents.get(stat.ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of parents.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** This process's children (cheap enough to poll: one file per thread). */
function children(): number[] {
  return readdirSync('/proc/self/task').flatMap((task) => {
    try {
      return readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

function processGroup(pid: number): number | undefined {
  return statOf(pid)?.pgrp;
}

/** ppid, process group and state from /proc/<pid>/stat (fields after the command's last ')'). */
function statOf(pid: number): { state: string; ppid: number; pgrp: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state = '', ppid = '', pgrp = ''] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Processes, other than those there before, still below this one or in a probe child's group, after a short grace. */
async function leftAlive(before: ReadonlySet<number>, groups: ReadonlySet<number>): Promise<string[]> {
  let alive: string[] = [];
  for (let tries = 0; tries < 100; tries++) {
    const inGroups = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && groups.has(processGroup(Number(name)) ?? -1)).map(Number);
    alive = [...new Set([...descendants(process.pid).filter((pid) => !before.has(pid)), ...inGroups])]
      .filter((pid) => statOf(pid) !== undefined && statOf(pid)?.state !== 'Z')
      .map((pid) => `${pid} ${readCommand(pid)}`);
    if (alive.length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return alive;
}

function readCommand(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '?';
  }
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the probe did not finish within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
