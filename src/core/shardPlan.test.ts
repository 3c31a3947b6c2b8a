import { describe, expect, it } from 'vitest';
import type { MatrixPlan } from './planMatrix.js';
import { dealShards, parseShard, planShard, shardCount, shardFixtureIds } from './shardPlan.js';

/** A plan of `rows` fixture rows and one scenario fixture with two rows, as planMatrix orders them (rows first). */
function planOf(rows: number): MatrixPlan {
  const fixtures = [...Array.from({ length: rows }, (_, index) => ({ id: `Kind/${index}` })), { id: 'documented:Kind/0.18.0' }];
  const scenario = fixtures.at(-1);
  return {
    hosts: [{ release: 'h' }],
    rows: fixtures.slice(0, rows),
    scenarioRows: [
      { id: 'documented#1', fixture: scenario },
      { id: 'documented#2', fixture: scenario },
    ],
    fixtures,
    interfaces: new Map(),
    whatIf: [],
  } as unknown as MatrixPlan;
}

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, total: 1 }],
    ['2/5', { index: 2, total: 5 }],
    [' 5 / 5 ', { index: 5, total: 5 }],
  ])('reads %j', (text, want) => expect(parseShard(text)).toEqual(want));

  it.each(['0/3', '4/3', '1/0', '1', 'a/b', '-1/3', '1.5/3', ''])('refuses %j as a usage error', (text) => {
    expect(() => parseShard(text)).toThrow(/is not <index>\/<count>/);
  });
});

describe('shardCount', () => {
  it.each([
    [4, 780, 4],
    [1000, 42, 42],
    [3, 1, 1],
    [3, 0, 1],
  ])('--shards %i over %i fixtures makes %i', (requested, fixtures, want) => expect(shardCount(requested, fixtures)).toBe(want));
});

describe('shardFixtureIds', () => {
  it.each([1, 2, 3, 5, 7, 13])('deals 12 fixtures to %i shards: each once, in plan order, sizes within one', (total) => {
    const plan = planOf(12);
    const shards = shardFixtureIds(plan, total);
    expect(shards).toHaveLength(total);
    expect(shards.flat().sort()).toEqual(plan.fixtures.map((fixture) => fixture.id).sort());
    const order = plan.fixtures.map((fixture) => fixture.id);
    for (const ids of shards) expect([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(ids);
    const sizes = shards.map((ids) => ids.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe('planShard', () => {
  it('keeps every host and takes the rows and scenario rows of its own fixtures', () => {
    const plan = planOf(4); // Kind/0..3, then the scenario fixture: five, dealt to two shards
    const first = planShard(plan, { index: 1, total: 2 });
    const second = planShard(plan, { index: 2, total: 2 });
    expect(first.hosts).toBe(plan.hosts);
    expect(first.rows.map((row) => row.id)).toEqual(['Kind/0', 'Kind/2']);
    expect(first.scenarioRows.map((row) => row.id)).toEqual(['documented#1', 'documented#2']);
    expect(first.fixtures.map((fixture) => fixture.id)).toEqual(['Kind/0', 'Kind/2', 'documented:Kind/0.18.0']);
    expect(second.rows.map((row) => row.id)).toEqual(['Kind/1', 'Kind/3']);
    expect(second.scenarioRows).toEqual([]);
  });
});

describe('dealShards', () => {
  it('never makes an empty plan, and at most one shard per fixture', () => {
    expect(dealShards(planOf(2), 10)).toMatchObject({ requested: 10, total: 3, fixtures: 3 });
    expect(dealShards(planOf(2), 10).shards.map((shard) => shard.fixtureIds.length)).toEqual([1, 1, 1]);
    const empty = { ...planOf(0), fixtures: [], scenarioRows: [] } as MatrixPlan;
    expect(dealShards(empty, 4).shards).toEqual([{ index: 1, total: 1, fixtureIds: [] }]);
  });
});
