import { UsageError } from './errors.js';
import { fixtureLibraries } from './fixtureLibraries.js';
import type { MatrixPlan } from './planMatrix.js';

/** One share of a matrix run: `--shard 2/5` is `{ index: 2, total: 5 }` (1-based). */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** `--shard i/n` as given; anything else is a usage error saying what is expected. */
export function parseShard(text: string): Shard {
  const match = /^\s*([0-9]+)\s*\/\s*([0-9]+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new UsageError(`--shard ${JSON.stringify(text)} is not <index>/<count> with 1 <= index <= count`, 'for example --shard 2/4 (mesos-matrix plan --shards 4 lists them)');
  }
  return { index, total };
}

/**
 * How many shards `plan --shards <requested>` makes: never more than there are libraries to build
 * (a machine with nothing to build is wasted), and never none, since GitHub Actions rejects an
 * empty matrix.
 */
export function shardCount(requested: number, libraries: number): number {
  return Math.max(1, Math.min(requested, libraries));
}

/**
 * The fixture ids of each shard, in plan order. The unit that costs is one compile, and a
 * release's fixtures compile as one library (see `fixtureLibraries`), which a shard builds whole,
 * exactly as the unsharded run does, so that the merged result is that run's. Libraries go
 * largest first, each to the shard holding the fewest fixtures so far (the first of equals).
 */
export function shardFixtureIds(plan: MatrixPlan, total: number): string[][] {
  const shards = Array.from({ length: total }, () => ({ ids: new Set<string>(), size: 0 }));
  const libraries = fixtureLibraries(plan.fixtures).sort((a, b) => b.specs.length - a.specs.length);
  for (const library of libraries) {
    const lightest = shards.reduce((best, shard) => (shard.size < best.size ? shard : best));
    for (const spec of library.specs) lightest.ids.add(spec.id);
    lightest.size += library.specs.length;
  }
  return shards.map((shard) => plan.fixtures.flatMap((fixture) => (shard.ids.has(fixture.id) ? [fixture.id] : [])));
}

/** The part of `plan` one shard builds and judges: its fixtures' rows against every host, and the scenario rows of its fixtures. */
export function planShard(plan: MatrixPlan, shard: Shard): MatrixPlan {
  const mine = new Set(shardFixtureIds(plan, shard.total)[shard.index - 1]);
  return {
    ...plan,
    rows: plan.rows.filter((fixture) => mine.has(fixture.id)),
    scenarioRows: plan.scenarioRows.filter((row) => mine.has(row.fixture.id)),
    fixtures: plan.fixtures.filter((fixture) => mine.has(fixture.id)),
  };
}

/** `plan --shards <n>`: how the fixtures of a selection are dealt to CI machines. */
export interface ShardPlan {
  /** `--shards` as given. */
  readonly requested: number;
  /** The shards made: `requested`, but at most one per library and at least one. */
  readonly total: number;
  /** Fixtures in the whole plan. */
  readonly fixtures: number;
  /** The libraries they are built into. */
  readonly libraries: number;
  readonly shards: ReadonlyArray<Shard & { readonly fixtureIds: readonly string[] }>;
}

/** Deals the plan's fixtures to `requested` shards (see {@link shardCount} and {@link shardFixtureIds}). */
export function dealShards(plan: MatrixPlan, requested: number): ShardPlan {
  const libraries = fixtureLibraries(plan.fixtures).length;
  const total = shardCount(requested, libraries);
  const shards = shardFixtureIds(plan, total).map((fixtureIds, position) => ({ index: position + 1, total, fixtureIds }));
  return { requested, total, fixtures: plan.fixtures.length, libraries, shards };
}
