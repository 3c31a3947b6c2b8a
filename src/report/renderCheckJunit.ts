import type { CheckRun } from '../core/checkRun.js';
import { checkSummary, mesosPrints } from './checkSummary.js';
import { describeAdvice } from './describeAdvice.js';
import { junitText, newJunitBuilder } from './junitBuilder.js';

/** `check` as JUnit: one suite, a test case per release, failed with Mesos's message when the release would refuse the configuration. */
export function renderCheckJunit(run: CheckRun): string {
  const builder = newJunitBuilder().name(checkSummary(run).text);
  const suite = builder.testSuite().name('mesos-matrix check');
  for (const verdict of run.verdicts) {
    const test = suite.testCase().className('modules').name(`Mesos ${verdict.mesos} loads the configuration`);
    if (verdict.ok) continue;
    test.failure(junitText(mesosPrints(verdict)), verdict.problems[0]?.stage ?? 'refused');
    test.standardError(junitText(verdict.problems.flatMap((problem) => [`${[problem.library, problem.module].filter((part) => part !== null).join(' · ')} · ${problem.stage}: ${problem.message}`, `  hint: ${describeAdvice(problem.advice)}`]).join('\n')));
  }
  return `${builder.build()}\n`;
}
