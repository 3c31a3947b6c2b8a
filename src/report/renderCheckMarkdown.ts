import type { CheckRun, CheckVerdict } from '../core/checkRun.js';
import { checkSummary, mesosPrints, mesosWarnings, splitProblems } from './checkSummary.js';
import { describeAdvice } from './describeAdvice.js';
import { MARKDOWN_BUDGET, markdownCell, markdownCode } from './markdownText.js';

/** `check` for a pull-request comment: a row per release with Mesos's message and the hint, then the further problems of the refusing releases. */
export function renderCheckMarkdown(run: CheckRun): string {
  const { ok, text } = checkSummary(run);
  const rows = run.verdicts.map((verdict) => {
    if (verdict.ok) return `| ${verdict.mesos} | ✓ loads | ${markdownCell(verdict.modules.map((module) => module.name).join(', '))} |`;
    const hint = verdict.problems[0] ? describeAdvice(verdict.problems[0].advice) : '';
    return `| ${verdict.mesos} | ✗ refuses | ${markdownCode(mesosPrints(verdict))}${hint ? `<br>hint: ${markdownCell(hint)}` : ''} |`;
  });
  const item = (problem: CheckVerdict['problems'][number]) => `${[problem.library, problem.module].filter((part) => part !== null).map((part) => markdownCode(String(part))).join(' · ')} ${problem.stage}: ${markdownCode(problem.message)}`;
  const further = run.verdicts
    .map((verdict) => ({ verdict, rest: splitProblems(verdict).refusals.slice(1) }))
    .filter(({ rest }) => rest.length > 0)
    .flatMap(({ verdict, rest }) => [`- **${verdict.mesos}**, after the first:`, ...rest.map((problem) => `  - ${item(problem)}`)]);
  // The same on every release (a library is opened once): listed once, beside the table.
  const notes = [...new Set(run.verdicts.flatMap((verdict) => splitProblems(verdict).notes.map((problem) => `- ⚠️ ${item(problem)}`)))];
  // Mesos's own warnings while it reads the flags (the deprecated leading `/`, say).
  notes.push(...mesosWarnings(run).map((warning) => `- ⚠️ Mesos ${warning.releases.join(', ')} warns: ${markdownCode(warning.text)}`));
  const head = [`### ${ok ? '✅' : '❌'} mesos-matrix check`, '', `**${markdownCell(text)}**`, '', '| Mesos | verdict | modules, or what Mesos prints |', '|---|---|---|'];
  const out = [
    ...head,
    ...rows,
    ...(notes.length > 0 ? ['', ...notes] : []),
    ...(further.length > 0 ? ['', '<details><summary>Further problems Mesos would meet</summary>', '', ...further, '', '</details>'] : []),
  ];
  // Many releases with long library paths: keep the table, drop the detail, say so.
  const text2 = out.join('\n');
  if (text2.length <= MARKDOWN_BUDGET) return `${text2}\n`;
  return `${[...head, ...rows].join('\n').slice(0, MARKDOWN_BUDGET)}\n\n…cut to fit a comment; ${markdownCode('mesos-matrix check --format html')} shows every release.\n`;
}
