import { describe, expect, it } from 'vitest';
import type { LibraryOutcome } from './libraryOutcome.js';
import { describeLeftovers, leftoverProblems } from './leftoverProblems.js';
import type { SourcedConfig } from './simulateLoad.js';

const sleep = { pid: 11, command: 'sleep 3600' };
const shell = { pid: 12, command: 'sh -c x' };

describe('describeLeftovers', () => {
  it.each([
    [[sleep], 'left 1 process running: sleep 3600'],
    [[sleep, shell], 'left 2 processes running: sleep 3600, sh -c x'],
  ])('%j → %s', (processes, want) => {
    expect(describeLeftovers(processes)).toBe(want);
  });
});

describe('leftoverProblems', () => {
  const config = (libraries: Array<{ file: string; modules: string[] }>): SourcedConfig => ({
    source: null,
    config: { libraries: libraries.map((library) => ({ file: library.file, name: null, modules: library.modules.map((name) => ({ name, parameters: [] })) })) },
  });
  const outcomes: Record<string, LibraryOutcome> = {
    'liba.so a1': { stage: 'open', dlerror: 'x', leftovers: [sleep] },
    'liba.so a2': { stage: 'open', dlerror: 'x', leftovers: [sleep] },
    'libb.so b': { stage: 'symbol', dlerror: 'y' },
    'libc.so c': { stage: 'symbol', dlerror: 'y', leftovers: [shell] },
  };
  const probed = { outcome: (library: string, module: string) => outcomes[`${library} ${module}`] ?? { stage: 'symbol' as const, dlerror: '' } };

  it('notes each library string once, in the configuration order, its processes once each', () => {
    const problems = leftoverProblems([config([{ file: 'libc.so', modules: ['c'] }, { file: 'libb.so', modules: ['b'] }, { file: 'liba.so', modules: ['a1', 'a2'] }])], probed);
    expect(problems.map(({ library, module, stage, message }) => ({ library, module, stage, message }))).toEqual([
      { library: 'libc.so', module: null, stage: 'left-processes', message: 'left 1 process running: sh -c x' },
      { library: 'liba.so', module: null, stage: 'left-processes', message: 'left 1 process running: sleep 3600' },
    ]);
  });

  it('reads nothing of dlopen("") (Mesos itself) nor of a manifest file Mesos refused', () => {
    const refused: SourcedConfig = { source: 'bad.json', refused: { library: null, module: null, stage: 'manifest-file', message: 'x' } };
    expect(leftoverProblems([config([{ file: '', modules: ['m'] }]), refused], { outcome: () => { throw new Error('probed'); } })).toEqual([]);
  });
});
