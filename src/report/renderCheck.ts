import { createColors } from 'picocolors';
import type { CheckRun, CheckVerdict } from '../core/checkRun.js';
import type { Advice } from '../core/loadAdvice.js';
import { withVisibleControls } from '../core/visibleControls.js';
import type { CheckFormat } from './formats.js';
import { checkSummary, mesosPrints, problemLine, splitProblems } from './checkSummary.js';
import { describeAdvice } from './describeAdvice.js';
import { plural } from './plural.js';
import { renderCheckGithub } from './renderCheckGithub.js';
import { renderCheckHtml } from './renderCheckHtml.js';
import { renderCheckJunit } from './renderCheckJunit.js';
import { renderCheckMarkdown } from './renderCheckMarkdown.js';

export { describeAdvice };

function renderText(run: CheckRun, color: boolean): string {
  const c = createColors(color);
  const out: string[] = [];
  for (const verdict of run.verdicts) out.push(...renderVerdict(verdict, c));
  if (run.verdicts.length > 1) {
    const { text } = checkSummary(run);
    out.push('', run.verdicts.some((verdict) => verdict.ok) ? text : c.red(text));
  }
  return `${out.join('\n')}\n`;
}

function renderVerdict(verdict: CheckVerdict, c: ReturnType<typeof createColors>): string[] {
  // Mesos's own warnings (glog, on its stderr) follow its answer.
  return [...answerLines(verdict, c), ...(verdict.logged ?? []).map((line) => `        ${c.yellow('Mesos warns:')} ${line}`)];
}

function answerLines(verdict: CheckVerdict, c: ReturnType<typeof createColors>): string[] {
  const { refusals, notes } = splitProblems(verdict);
  // Beside the verdict, whichever it is: Mesos loads such a library, the processes stay.
  const noteLines = notes.flatMap((problem) => [`        ${c.yellow('note:')} '${problem.library}' ${problem.message}`, ...adviceLines(problem.advice, '          ')]);
  if (verdict.ok) {
    const modules = verdict.modules.map((module) => `${module.name}${module.kind ? ` (${module.kind}, built for ${module.builtFor})` : ''}`);
    return [`${c.bold(verdict.mesos.padEnd(7))} ${c.green('loads')} ${plural(verdict.modules.length, 'module')}${modules.length > 0 ? `: ${modules.join(', ')}` : ''}`, ...noteLines];
  }
  const [first, ...rest] = refusals;
  const lines = [`${c.bold(verdict.mesos.padEnd(7))} ${c.red(mesosPrints(verdict))}`];
  if (first) lines.push(...adviceLines(first.advice));
  if (rest.length > 0) {
    lines.push(`        ${c.dim(`and ${plural(rest.length, 'further problem')} Mesos would meet after it:`)}`);
    for (const problem of rest) lines.push(`        - ${problemLine(problem)}`, ...adviceLines(problem.advice, '          '));
  }
  return [...lines, ...noteLines];
}

function adviceLines(advice: Advice, indent = '        '): string[] {
  const text = describeAdvice(advice);
  return text ? [`${indent}hint: ${text}`] : [];
}

/** `--format json`: per release `{ mesos, ok, error, problems, modules, logged }`; an array unless `--mesos` asked for one. */
function renderJson(run: CheckRun): string {
  const verdicts = run.verdicts.map((verdict) => ({
    mesos: verdict.mesos,
    ok: verdict.ok,
    error: verdict.error,
    problems: verdict.problems.map((problem) => ({ library: problem.library, module: problem.module, stage: problem.stage, message: problem.message, hint: describeAdvice(problem.advice) })),
    modules: verdict.modules,
    logged: verdict.logged ?? [],
  }));
  return `${JSON.stringify(run.single ? verdicts[0] : verdicts, null, 2)}\n`;
}

export const CHECK_RENDERERS = {
  // Every format a person reads shows the configuration's control characters escaped; JSON escapes them itself.
  text: (run, color) => renderText(withVisibleControls(run), color),
  json: (run) => renderJson(run),
  markdown: (run) => renderCheckMarkdown(withVisibleControls(run)),
  junit: (run) => renderCheckJunit(withVisibleControls(run)),
  github: (run) => renderCheckGithub(withVisibleControls(run)),
  html: (run) => renderCheckHtml(withVisibleControls(run)),
} as const satisfies Record<CheckFormat, (run: CheckRun, color: boolean) => string>;
