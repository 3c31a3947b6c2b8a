import { describeChange } from './describeChange.js';
import { safeMinimumsHeading, type DiffReport } from './diffReport.js';
import type { DiffFormat } from './formats.js';
import { renderDiffGithub } from './renderDiffGithub.js';
import { renderDiffHtml } from './renderDiffHtml.js';
import { renderDiffJunit } from './renderDiffJunit.js';
import { renderDiffMarkdown } from './renderDiffMarkdown.js';

export type { DiffReport };

export const DIFF_RENDERERS = {
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  text: (report) => {
    const out = [`Interface changes ${report.from} → ${report.to}`, ''];
    const changed = report.kinds.filter((kind) => kind.changes.length > 0);
    for (const { kind, changes } of changed) out.push(kind, ...changes.flatMap(describeChange).map((line) => `  ${line}`), '');
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
