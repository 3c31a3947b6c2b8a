import type { MatrixRun } from '../core/matrixRun.js';
import { findingLinesBySubject } from './describeCell.js';
import type { MatrixReportOptions } from './matrixReportOptions.js';
import { matrixSummary } from './matrixSummary.js';
import { ANNOTATION_LIMIT, workflowCommands, type WorkflowAnnotation } from './workflowCommand.js';

/**
 * GitHub Actions workflow commands: an `::error` per cell not as expected (an unsound admission
 * included), placed on the host's entry for the kind in its release file — the line a maintainer
 * edits — and per documented row that differs, on the row in its scenario file. Then the
 * summary as a plain line of the log.
 */
export function renderMatrixGithub(run: MatrixRun, options: MatrixReportOptions = { color: false }): string {
  const { result } = run;
  const cells = new Map(result.cells.map((cell) => [cell.id, cell]));
  const rows = new Map(result.scenarioCells.map((cell) => [cell.planned.id, cell.planned]));
  const fixtures = new Set(result.plan.fixtures.map((fixture) => fixture.id));
  const fileOf = new Map(result.plan.hosts.map((release) => [release.release, release.file]));
  const place = (file: string | undefined, pointer: string) => (file === undefined ? null : (options.locate?.(file, pointer) ?? { file }));

  const annotations = [...findingLinesBySubject(run)].map(([subject, lines]): WorkflowAnnotation => {
    const cell = cells.get(subject);
    if (cell) {
      const title = cell.sound === false ? `${subject}: unsound admission` : `${subject}: not as expected`;
      // The kind's entry decides the cell; a host without the kind has none, and the pointer stops at its kinds.
      return { level: 'error', title, message: lines.join('\n'), place: place(fileOf.get(cell.host), `/kinds/${cell.kind}`) };
    }
    // A fixture's own finding (processes it left running): on the run, as no file line causes it.
    if (fixtures.has(subject)) return { level: 'error', title: `${subject}: left processes running`, message: lines.join('\n'), place: null };
    const row = rows.get(subject);
    return { level: 'error', title: `${subject}: differs from the documentation`, message: lines.join('\n'), place: row ? place(row.scenario.file, `/rows/${row.row.number - 1}`) : null };
  });
  const rest = `every cell is in --format text, json or html`;
  return `${[...workflowCommands(annotations, ANNOTATION_LIMIT, rest), matrixSummary(run).text].join('\n')}\n`;
}
