import { INTERFACE_RULES } from '../core/breakingRules.js';
import type { KindDiff } from '../core/diffInterfaces.js';
import { groupBy } from '../core/groupBy.js';
import type { InterfaceBreak } from '../core/interfaceBreaks.js';
import { describeChange } from './describeChange.js';
import { safeMinimumsHeading, type DiffReport } from './diffReport.js';
import type { DiffFormat } from './formats.js';
import { renderDiffGithub } from './renderDiffGithub.js';
import { renderDiffHtml } from './renderDiffHtml.js';
import { renderDiffJunit } from './renderDiffJunit.js';
import { renderDiffMarkdown } from './renderDiffMarkdown.js';

export type { DiffReport };

/** What the changes do to builds of the earlier release in a host of the later one: each rule once, with its reason. */
function judge(builds: KindDiff['builds']): string[] {
  if (!builds || builds.breaking.length + builds.harmless.length === 0) return [];
  const verdict = builds.breaking.length > 0 ? 'break' : 'nothing breaks';
  const lines = (changes: readonly InterfaceBreak[], mark: string) =>
    [...groupBy(changes, (change) => change.rule)].map(([rule, group]) => `  ${mark} ${rule} (${[...new Set(group.map((change) => change.subject))].join(', ')}): ${INTERFACE_RULES[rule].why}`);
  return [`${builds.builtFor} builds on a ${builds.host} host: ${verdict}`, ...lines(builds.breaking, '✗'), ...lines(builds.harmless, '✓')];
}

export const DIFF_RENDERERS = {
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  text: (report) => {
    const out = [`Interface changes ${report.from} → ${report.to}`, ''];
    const changed = report.kinds.filter((kind) => kind.changes.length > 0);
    for (const { kind, changes, builds } of changed) out.push(kind, ...[...changes.flatMap(describeChange), ...judge(builds)].map((line) => `  ${line}`), '');
    const unchanged = report.kinds.filter((kind) => kind.changes.length === 0).map((kind) => kind.kind);
    if (changed.length === 0) out.push('No interface changes.', '');
    if (unchanged.length > 0) out.push(`Unchanged: ${unchanged.join(', ')}`, '');
    out.push(`${safeMinimumsHeading(report)}:`);
    for (const [kind, minimum] of Object.entries(report.safeMinimums)) out.push(`  ${kind.padEnd(18)} ${minimum ?? '(no interface data)'}`);
    return `${out.join('\n')}\n`;
  },
  markdown: (report) => renderDiffMarkdown(report),
  junit: (report) => renderDiffJunit(report),
  github: (report) => renderDiffGithub(report),
  html: (report) => renderDiffHtml(report),
} as const satisfies Record<DiffFormat, (report: DiffReport) => string>;
