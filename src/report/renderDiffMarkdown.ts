import { describeChange } from './describeChange.js';
import { safeMinimumsHeading, type DiffReport } from './diffReport.js';
import { markdownCell, markdownFence } from './markdownText.js';

/** `diff` for a pull-request comment: per changed kind its changes as a diff block, then the safe minimums as a table. */
export function renderDiffMarkdown(report: DiffReport): string {
  const changed = report.kinds.filter((kind) => kind.changes.length > 0);
  const unchanged = report.kinds.filter((kind) => kind.changes.length === 0).map((kind) => kind.kind);
  const out = [`### Interface changes ${report.from} → ${report.to}`, ''];
  if (changed.length === 0) out.push('No interface changes.', '');
  for (const { kind, changes } of changed) out.push(`**${kind}**`, '', markdownFence(changes.flatMap(describeChange).join('\n'), 'diff'), '');
  if (unchanged.length > 0) out.push(`Unchanged: ${unchanged.join(', ')}`, '');
  out.push(`${markdownCell(safeMinimumsHeading(report))}:`, '', '| kind | safe minimum |', '|---|---|');
  for (const [kind, minimum] of Object.entries(report.safeMinimums)) out.push(`| ${kind} | ${minimum ?? '(no interface data)'} |`);
  return `${out.join('\n')}\n`;
}
