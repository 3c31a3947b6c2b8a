import type { Command } from 'commander';
import { PLAN_FORMATS, PLAN_RENDERERS, type PlanFormat } from '../../report/renderShardPlan.js';
import type { CliIo } from '../cliIo.js';
import { addSelectionOptions, cacheDirFrom, formatOption, positiveInteger, selectionFrom } from '../options.js';

export function planCommand(program: Command, io: CliIo): void {
  const command = program.command('plan').description("deal a selection's fixtures to shards, for matrix --shard on several CI machines (then merge); builds nothing");
  addSelectionOptions(command)
    .requiredOption('--shards <n>', 'how many shards (machines) to spread the fixtures over; at most one per fixture')
    .addOption(formatOption(PLAN_FORMATS, 'text'))
    .action(async (raw: Record<string, unknown>) => {
      const { planShards } = await import('../../app/planShards.js');
      const plan = await planShards({ ...selectionFrom(raw), cacheDir: cacheDirFrom(raw, io), shards: positiveInteger('--shards', raw['shards']) });
      io.stdout(PLAN_RENDERERS[raw['format'] as PlanFormat](plan));
    });
}
