import { dealShards, type ShardPlan } from '../core/shardPlan.js';
import { planRun, type PlanRunOptions } from './planRun.js';

/** `plan --shards <n>`: a selection and how many CI machines to spread it over. */
export interface PlanShardsOptions extends PlanRunOptions {
  /** The number of shards wanted; fewer are made when there are fewer fixtures. */
  readonly shards: number;
}

/** Which fixtures each `matrix --shard i/n` of the selection builds, without building anything. */
export async function planShards(options: PlanShardsOptions): Promise<ShardPlan> {
  return dealShards((await planRun(options)).plan, options.shards);
}
