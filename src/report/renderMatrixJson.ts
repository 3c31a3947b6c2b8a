import type { MatrixRun } from '../core/matrixRun.js';

export const MATRIX_JSON_SCHEMA_VERSION = 1;

/**
 * The canonical form, described by `schemas/matrix-report.schema.json`. Every cell carries
 * host, kind, builtFor, loadable, expectedLoadable, stage and message (Mesos's text after
 * "Error loading modules: ", empty when it loads).
 */
export function renderMatrixJson(run: MatrixRun): string {
  const { result } = run;
  const report = {
    schemaVersion: MATRIX_JSON_SCHEMA_VERSION,
    selection: run.selection,
    shard: run.shard,
    summary: {
      ok: result.findings.length === 0,
      cells: result.cells.length,
      loadable: result.cells.filter((cell) => cell.observed.loadable).length,
      notAsExpected: result.cells.filter((cell) => !cell.asExpected).length,
      documentedRows: result.scenarioCells.length,
      documentedRowsAsDocumented: result.scenarioCells.filter((cell) => cell.asDocumented).length,
      findings: result.findings.length,
    },
    hosts: result.plan.hosts.map((release) => ({ mesos: release.release, kinds: Object.fromEntries(release.host.kinds), loader: release.host.loader })),
    cells: result.cells.map((cell) => ({
      id: cell.id,
      host: cell.host,
      kind: cell.kind,
      builtFor: cell.builtFor,
      fixture: cell.fixture,
      loadable: cell.observed.loadable,
      expectedLoadable: cell.expected === null ? cell.predicted.loadable : cell.expected === 'loaded',
      stage: cell.observed.stage,
      message: cell.observed.message,
      predicted: { loadable: cell.predicted.loadable, stage: cell.predicted.stage },
      expectedStage: cell.expected,
      sound: cell.sound,
      differences: cell.differences,
      asExpected: cell.asExpected,
    })),
    documented: result.scenarioCells.map(({ planned, observed, asDocumented }) => ({
      id: planned.id,
      scenario: planned.scenario.name,
      mesos: planned.row.mesos,
      kindMinimum: planned.row.kindMinimum,
      library: planned.row.library,
      loadable: observed.loadable,
      stage: observed.stage,
      message: observed.message,
      documented: { loadable: planned.row.loadable, stage: planned.row.stage, reason: planned.row.documentedReason },
      asDocumented,
    })),
    fixtures: run.fixtures.map((fixture) => ({
      id: fixture.spec.id,
      kind: fixture.spec.kind,
      builtFor: fixture.spec.builtFor,
      moduleName: fixture.spec.moduleName,
      library: fixture.library,
      build: fixture.build,
      load: fixture.outcome,
    })),
    findings: result.findings,
    expectedFile: run.expectedFile,
    updated: run.updated,
    phasesMs: run.phasesMs,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
