import { describe, expect, it } from 'vitest';
import { standardFixture } from './fixtureSpec.js';
import type { MatrixPlan } from './planMatrix.js';
import { placeholderInterface } from './placeholderInterface.js';
import { dealShards, parseShard, planShard, shardCount, shardFixtureIds } from './shardPlan.js';

/** A plan of `rows` fixture rows and one scenario fixture with two rows, as planMatrix orders them (rows first). */
function planOf(rows: number): MatrixPlan {
  // Each row fixture built for a release of its own, so that each is a library of its own.
  const fixture = (id: string, release: string) => standardFixture(id, 'Kind', release, 'true', 'test', placeholderInterface('Kind'));
  const fixtures = [...Array.from({ length: rows }, (_, index) => fixture(`Kind/${index}`, `0.${index}.0`)), fixture('documented:Kind/0.18.0', '0.18.0')];
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
  ])('--shards %i over %i libraries makes %i', (requested, libraries, want) => expect(shardCount(requested, libraries)).toBe(want));
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

describe('shardFixtureIds over release libraries', () => {
  it("keeps a release's library whole in one shard, as the unsharded run builds it, and balances fixtures", () => {
    const plain = (kind: string, release: string) => ({ ...standardFixture(`${kind}/${release}`, kind, release, 'true', 'test', placeholderInterface(kind)) });
    const fixtures = ['0.24.1', '0.25.0', '0.26.0'].flatMap((release, index) => ['Alpha', 'Beta', 'Gamma', 'Delta'].slice(0, index + 2).map((kind) => plain(kind, release)));
    const plan = { ...planOf(0), fixtures: [...fixtures, ...planOf(0).fixtures] } as MatrixPlan;
    const shards = shardFixtureIds(plan, 2);
    expect(shards).toEqual([
      ['Alpha/0.26.0', 'Beta/0.26.0', 'Gamma/0.26.0', 'Delta/0.26.0', 'documented:Kind/0.18.0'],
      ['Alpha/0.24.1', 'Beta/0.24.1', 'Alpha/0.25.0', 'Beta/0.25.0', 'Gamma/0.25.0'],
    ]);
    expect(dealShards(plan, 10)).toMatchObject({ total: 4, fixtures: 10, libraries: 4 });
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
    expect(dealShards(planOf(2), 10)).toMatchObject({ requested: 10, total: 3, fixtures: 3, libraries: 3 });
    expect(dealShards(planOf(2), 10).shards.map((shard) => shard.fixtureIds.length)).toEqual([1, 1, 1]);
    const empty = { ...planOf(0), fixtures: [], scenarioRows: [] } as MatrixPlan;
    expect(dealShards(empty, 4).shards).toEqual([{ index: 1, total: 1, fixtureIds: [] }]);
  });
});
