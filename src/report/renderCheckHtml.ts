import type { CheckRun } from '../core/checkRun.js';
import { checkSummary, mesosPrints } from './checkSummary.js';
import { describeAdvice } from './describeAdvice.js';
import { escapeHtml, htmlPage } from './htmlPage.js';

/** `check` as one self-contained page: a row per release with its verdict, Mesos's message, and every problem with its hint. */
export function renderCheckHtml(run: CheckRun): string {
  const { ok, text } = checkSummary(run);
  const rows = run.verdicts.map((verdict) => {
    const problems = verdict.problems.map((problem) => {
      const hint = describeAdvice(problem.advice);
      const where = [problem.library, problem.module].filter((part) => part !== null).join(' · ');
      return `<li>${escapeHtml(where)} · ${escapeHtml(problem.stage)}: <code>${escapeHtml(problem.message)}</code>${hint ? `<br><span class=muted>hint: ${escapeHtml(hint)}</span>` : ''}`;
    });
    const modules = verdict.modules.map((module) => `${module.name}${module.kind ? ` (${module.kind}, built for ${module.builtFor})` : ''}`).join(', ');
    // Notes beside a verdict Mesos gives all the same (processes left running).
    const notes = problems.filter((_, index) => verdict.problems[index]?.stage === 'left-processes');
    const warned = (verdict.logged ?? []).map((text) => `<p class=muted>Mesos warns: <code>${escapeHtml(text)}</code></p>`).join('');
    return verdict.ok
      ? `<tr><th scope=row>${escapeHtml(verdict.mesos)}<td class=ok>✓ loads<td>${escapeHtml(modules)}${notes.length > 0 ? `<ul>${notes.join('')}</ul>` : ''}${warned}`
      : `<tr><th scope=row>${escapeHtml(verdict.mesos)}<td class=bad>✗ refuses<td><code>${escapeHtml(mesosPrints(verdict))}</code><ul>${problems.join('')}</ul>${warned}`;
  });
  const body = [
    '<h1>mesos-matrix check</h1>',
    `<p class="${ok ? 'ok' : 'bad'}"><strong>${escapeHtml(text)}</strong></p>`,
    '<table class=plain><thead><tr><th>Mesos<th>verdict<th>modules, or what Mesos prints and every problem it would meet</thead><tbody>',
    ...rows,
    '</tbody></table>',
  ];
  return htmlPage({ title: `mesos-matrix check — ${text}`, body: body.join('\n') });
}
