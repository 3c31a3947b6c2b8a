import { describeChange } from './describeChange.js';
import type { DiffReport } from './diffReport.js';
import { ANNOTATION_LIMIT, workflowCommands } from './workflowCommand.js';

/** `diff` as workflow commands: a `::notice` per kind whose interface changed (a change is information, not an error). */
export function renderDiffGithub(report: DiffReport): string {
  const annotations = report.kinds
    .filter((kind) => kind.changes.length > 0)
    .map(({ kind, changes }) => ({ level: 'notice' as const, title: `${kind}: interface changed ${report.from} → ${report.to}`, message: changes.flatMap(describeChange).join('\n') }));
  const changed = annotations.length;
  return `${[...workflowCommands(annotations, ANNOTATION_LIMIT, 'every kind is in --format text or json'), `${changed} of ${report.kinds.length} kinds changed their interface from ${report.from} to ${report.to}`].join('\n')}\n`;
}
