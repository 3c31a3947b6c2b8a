import { groupBy } from '../core/groupBy.js';
import type { MatrixRun } from '../core/matrixRun.js';
import { describeVerdict, findingLinesBySubject } from './describeCell.js';
import { junitText, newJunitBuilder, type JunitTestCase } from './junitBuilder.js';
import { matrixSummary } from './matrixSummary.js';

/**
 * JUnit XML, so that CI shows the matrix as tests: a suite per kind, a test case per cell
 * (named by its id, `Isolator/0.24.1@0.25.0`, so that CI keeps its history across runs; its
 * class the kind, its file the host's release file), failed when the cell is not as expected,
 * with the findings and Mesos's message; then a suite per
 * documented table, a case per row.
 */
export function renderMatrixJunit(run: MatrixRun): string {
  const builder = newJunitBuilder().name(matrixSummary(run).text);
  const findings = findingLinesBySubject(run);
  const fileOf = new Map(run.result.plan.hosts.map((release) => [release.release, release.file]));
  for (const [kind, cells] of groupBy(run.result.cells, (cell) => cell.kind)) {
    const suite = builder.testSuite().name(kind);
    for (const cell of cells) {
      const test = suite.testCase().className(kind).name(cell.id);
      const file = fileOf.get(cell.host);
      if (file) test.file(file);
      fail(test, [describeVerdict(cell), cell.observed.message], findings.get(cell.id), cell.sound === false ? 'unsound-admission' : 'not-as-expected');
    }
  }
  // Processes a fixture left running: a failed case of its own, only when there were any.
  const leftovers = run.result.findings.filter((finding) => finding.code === 'left-processes');
  if (leftovers.length > 0) {
    const suite = builder.testSuite().name('processes left running');
    for (const finding of leftovers) fail(suite.testCase().className('fixtures').name(finding.subject), [], findings.get(finding.subject), finding.code);
  }
  for (const [scenario, rows] of groupBy(run.result.scenarioCells, (cell) => cell.planned.scenario)) {
    const suite = builder.testSuite().name(scenario.title);
    for (const { planned, observed } of rows) {
      const test = suite.testCase().className(scenario.name).name(`${planned.id}: Mesos ${planned.row.mesos}, kind ${planned.row.kindMinimum}, library ${planned.row.library}`).file(scenario.file);
      fail(test, [observed.loadable ? 'loads' : `refused: ${observed.stage}`, observed.message], findings.get(planned.id), 'differs-from-documented');
    }
  }
  return `${builder.build()}\n`;
}

/**
 * A failing case says why first, then every finding and what Mesos printed. Passing cases carry
 * nothing more than their name and file: the whole history is 46,620 of them, and a verdict per
 * case would quadruple the XML (the json and html reports hold every message).
 */
function fail(test: JunitTestCase, outcome: readonly string[], findings: readonly string[] | undefined, type: string): void {
  if (!findings) return;
  test.failure(junitText(findings[0] ?? ''), type);
  test.standardError(junitText([...findings, '', ...outcome.filter(Boolean)].join('\n')));
}
