import type { CheckRun } from '../core/checkRun.js';
import { checkSummary, mesosPrints } from './checkSummary.js';
import { describeAdvice } from './describeAdvice.js';
import { ANNOTATION_LIMIT, workflowCommands } from './workflowCommand.js';

/** `check` as workflow commands: an `::error` per release that would refuse the configuration (on the run, not a file: the configuration may be inline). */
export function renderCheckGithub(run: CheckRun): string {
  const annotations = run.verdicts
    .filter((verdict) => !verdict.ok)
    .map((verdict) => {
      const hint = verdict.problems[0] ? describeAdvice(verdict.problems[0].advice) : '';
      return { level: 'error' as const, title: `Mesos ${verdict.mesos} would refuse the modules`, message: [mesosPrints(verdict), hint ? `hint: ${hint}` : ''].filter(Boolean).join('\n') };
    });
  return `${[...workflowCommands(annotations, ANNOTATION_LIMIT, 'every release is in --format text or json'), checkSummary(run).text].join('\n')}\n`;
}
