import type { CheckRun } from '../core/checkRun.js';
import { checkSummary, mesosPrints, mesosWarnings, splitProblems } from './checkSummary.js';
import { describeAdvice } from './describeAdvice.js';
import { ANNOTATION_LIMIT, workflowCommands, type WorkflowAnnotation } from './workflowCommand.js';

/** `check` as workflow commands: an `::error` per release that would refuse the configuration (on the run, not a file: the configuration may be inline). */
export function renderCheckGithub(run: CheckRun): string {
  const annotations: WorkflowAnnotation[] = run.verdicts
    .filter((verdict) => !verdict.ok)
    .map((verdict) => {
      const first = splitProblems(verdict).refusals[0];
      const hint = first ? describeAdvice(first.advice) : '';
      return { level: 'error' as const, title: `Mesos ${verdict.mesos} would refuse the modules`, message: [mesosPrints(verdict), hint ? `hint: ${hint}` : ''].filter(Boolean).join('\n') };
    });
  // A library that left processes running: a warning each (the same on every release), as Mesos loads it.
  const notes = new Map(run.verdicts.flatMap((verdict) => splitProblems(verdict).notes.map((problem) => [problem.library, problem] as const)));
  for (const [library, problem] of notes) {
    annotations.push({ level: 'warning', title: `${library} left processes running`, message: `${problem.message}\nhint: ${describeAdvice(problem.advice)}` });
  }
  for (const warning of mesosWarnings(run)) annotations.push({ level: 'warning', title: `Mesos ${warning.releases.join(', ')} warns`, message: warning.text });
  return `${[...workflowCommands(annotations, ANNOTATION_LIMIT, 'every release is in --format text or json'), checkSummary(run).text].join('\n')}\n`;
}
