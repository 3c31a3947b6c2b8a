import { describeChange } from './describeChange.js';
import type { DiffReport } from './diffReport.js';
import { junitText, newJunitBuilder } from './junitBuilder.js';

/**
 * `diff` as JUnit: a test case per kind, with its changes and safe minimum as output. A change
 * is not a failure (`diff` exits 0): the gate, not the diff, decides what fails.
 */
export function renderDiffJunit(report: DiffReport): string {
  const builder = newJunitBuilder().name(`Interface changes ${report.from} → ${report.to}`);
  const suite = builder.testSuite().name(`interfaces ${report.from} → ${report.to}`);
  for (const { kind, changes } of report.kinds) {
    const minimum = report.safeMinimums[kind];
    const lines = [...(changes.length === 0 ? ['unchanged'] : changes.flatMap(describeChange)), ...(minimum === undefined ? [] : [`safe minimum at ${report.to}: ${minimum ?? '(no interface data)'}`])];
    suite.testCase().className('interfaces').name(kind).standardOutput(junitText(lines.join('\n')));
  }
  return `${builder.build()}\n`;
}
