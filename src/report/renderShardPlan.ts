import type { ShardPlan } from '../core/shardPlan.js';
import { plural } from './plural.js';

/** What `plan --format` offers: a person's summary, the full plan, and the object a workflow gives `fromJSON`. */
export const PLAN_FORMATS = ['text', 'json', 'github-matrix'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** One entry of a GitHub Actions `strategy.matrix.include`: `{"shard":"1/4","index":1,"total":4,"fixtures":195}`. */
function includeEntry(shard: ShardPlan['shards'][number]) {
  return { shard: `${shard.index}/${shard.total}`, index: shard.index, total: shard.total, fixtures: shard.fixtureIds.length };
}

/** One line, as `echo "matrix=…" >> "$GITHUB_OUTPUT"` needs; never an empty `include` (GitHub refuses an empty matrix). */
function renderGithubMatrix(plan: ShardPlan): string {
  return `${JSON.stringify({ include: plan.shards.map(includeEntry) })}\n`;
}

function renderJson(plan: ShardPlan): string {
  const shards = plan.shards.map((shard) => ({ ...includeEntry(shard), ids: shard.fixtureIds }));
  return `${JSON.stringify({ requested: plan.requested, total: plan.total, fixtures: plan.fixtures, libraries: plan.libraries, shards }, null, 2)}\n`;
}

function renderText(plan: ShardPlan): string {
  const sizes = plan.shards.map((shard) => shard.fixtureIds.length);
  const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
  const capped = plan.total < plan.requested ? ` (--shards ${plan.requested}: at most one shard per library)` : '';
  const lines = plan.shards.map((shard) => {
    const shown = shard.fixtureIds.slice(0, 4).join(' ');
    const more = shard.fixtureIds.length > 4 ? ` … (${shard.fixtureIds.length - 4} more)` : '';
    return `  --shard ${`${shard.index}/${shard.total}`.padEnd(String(plan.total).length * 2 + 1)}  ${String(shard.fixtureIds.length).padStart(String(largest).length)} ${shard.fixtureIds.length === 1 ? 'fixture ' : 'fixtures'}  ${shown}${more}`;
  });
  const each = smallest === largest ? `${largest} each` : `${smallest}–${largest} each`;
  const built = `${plan.libraries} ${plan.libraries === 1 ? 'library' : 'libraries'}, each built whole by one shard`;
  return [`${plural(plan.fixtures, 'fixture')} (${built}) in ${plan.total} shard${plan.total === 1 ? '' : 's'} (${each})${capped}; each shard opens its fixtures on every host:`, ...lines, ''].join('\n');
}

/** Renderers return strings; only the CLI writes them. A format missing here fails to compile. */
export const PLAN_RENDERERS = {
  text: renderText,
  json: renderJson,
  'github-matrix': renderGithubMatrix,
} as const satisfies Record<PlanFormat, (plan: ShardPlan) => string>;
