import { describe, expect, it } from 'vitest';
import { agreedShardRun, checkShardSet, type ShardInput } from './shardSet.js';
import type { ShardStamp } from './shardStamp.js';

const LOCAL = { total: 2, tool: 'mesos-module-matrix 0.1.0', table: 'a'.repeat(64), request: { releases: 'all', kinds: null, only: null, whatIf: [] } };
const ASSIGNMENT = [
  ['Kind/1', 'Kind/3'],
  ['Kind/2'],
];

function shard(file: string, index: number | null, change: Partial<ShardStamp> = {}, fixtureIds = ASSIGNMENT[(index ?? 1) - 1] ?? []): ShardInput {
  return { file, stamp: { ...LOCAL, index, fingerprint: 'f'.repeat(64), ...change }, fixtureIds };
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('agreedShardRun', () => {
  it('takes the selection and count the shards share', () => {
    expect(agreedShardRun([shard('s1.json', 1), shard('s2.json', 2)])).toEqual({ request: LOCAL.request, total: 2 });
  });

  it.each([
    ['a merged result', shard('merged.json', null), 'merged.json: a merged result, not a shard'],
    ['another tool version', shard('old.json', 2, { tool: 'mesos-module-matrix 0.0.9' }), 'old.json: made by mesos-module-matrix 0.0.9, s1.json by mesos-module-matrix 0.1.0'],
    ['another table', shard('t.json', 2, { table: 'b'.repeat(64) }), 't.json: made from another version table or fixture templates (bbbbbbbbbbbb, s1.json aaaaaaaaaaaa)'],
    ['another selection', shard('k.json', 2, { request: { ...LOCAL.request, kinds: 'Isolator' } }), 'k.json: run with --releases all --kinds Isolator, s1.json with --releases all'],
    ['another split', shard('n.json', 2, { total: 3 }), 'n.json: one of 3 shards, s1.json one of 2'],
  ])('refuses %s, naming the file', (_what, stray, message) => {
    expect(refusal(() => agreedShardRun([shard('s1.json', 1), stray]))).toContain(message);
  });
});

describe('checkShardSet', () => {
  it('accepts every shard once, in any order', () => {
    expect(() => checkShardSet([shard('s2.json', 2), shard('s1.json', 1)], LOCAL, ASSIGNMENT)).not.toThrow();
  });

  it.each([
    ['a missing shard', [shard('s1.json', 1)], 'missing shard 2/2 (given: s1.json = 1/2)'],
    ['a shard given twice', [shard('s1.json', 1), shard('s2.json', 2), shard('copy.json', 2)], 'shard 2/2 given 2 times: s2.json, copy.json'],
    ['shards of another table', [shard('s1.json', 1, { table: 'c'.repeat(64) }), shard('s2.json', 2)], 's1.json: made from another version table or fixture templates (cccccccccccc, this checkout aaaaaaaaaaaa)'],
    ['an edited shard', [shard('s1.json', 1, {}, ['Kind/1']), shard('s2.json', 2)], 's1.json: its fixtures are not those this table deals to shard 1/2'],
  ])('refuses %s, naming the files', (_what, inputs, message) => {
    expect(refusal(() => checkShardSet(inputs, LOCAL, ASSIGNMENT))).toContain(message);
  });
});
