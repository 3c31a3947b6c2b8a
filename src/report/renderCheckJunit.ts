import type { CheckRun, CheckVerdict } from '../core/checkRun.js';
import { checkSummary, mesosPrints, problemLine, splitProblems } from './checkSummary.js';
import { describeAdvice } from './describeAdvice.js';
import { junitText, newJunitBuilder } from './junitBuilder.js';

/** `check` as JUnit: one suite, a test case per release, failed with Mesos's message when the release would refuse the configuration. */
export function renderCheckJunit(run: CheckRun): string {
  const builder = newJunitBuilder().name(checkSummary(run).text);
  const suite = builder.testSuite().name('mesos-matrix check');
  for (const verdict of run.verdicts) {
    const test = suite.testCase().className('modules').name(`Mesos ${verdict.mesos} loads the configuration`);
    const lines = (problems: readonly CheckVerdict['problems'][number][]) => problems.flatMap((problem) => [problemLine(problem, false), `  hint: ${describeAdvice(problem.advice)}`]);
    const { refusals, notes } = splitProblems(verdict);
    // What Mesos logs while reading the flags goes with the case, whichever its verdict.
    const warned = (verdict.logged ?? []).map((text) => `Mesos warns: ${text}`);
    // Notes (processes left running) do not fail the case: Mesos loads such a library.
    if (verdict.ok) {
      if (notes.length > 0 || warned.length > 0) test.standardError(junitText([...warned, ...lines(notes)].join('\n')));
      continue;
    }
    test.failure(junitText(mesosPrints(verdict)), refusals[0]?.stage ?? 'refused');
    test.standardError(junitText([...warned, ...lines([...refusals, ...notes])].join('\n')));
  }
  return `${builder.build()}\n`;
}
