import compare from 'semver/functions/compare.js';
import valid from 'semver/functions/valid.js';
import type { MatrixCell, MatrixResult } from './evaluateMatrix.js';
import type { Stage } from './stage.js';
import type { ExpectedMatrix } from './versionTable.js';

/** The file form: host columns, and per fixture row the stage at each host (`null`: not recorded). */
export interface ExpectedMatrixFile {
  readonly hosts: readonly string[];
  readonly rows: Readonly<Record<string, ReadonlyArray<Stage | null>>>;
}

export function expectedFromFile(file: ExpectedMatrixFile): ExpectedMatrix {
  const column = new Map(file.hosts.map((host, index) => [host, index]));
  return {
    hosts: file.hosts,
    rows: file.rows,
    stageAt(fixture, host) {
      const index = column.get(host);
      return index === undefined || !Object.hasOwn(file.rows, fixture) ? null : (file.rows[fixture]?.[index] ?? null);
    },
  };
}

/**
 * Stages that say our side failed — the fixture did not build, or the child that opened it
 * crashed, hung or broke the probe protocol — not what a Mesos release decides. The expected
 * matrix records releases' verdicts only, so `--update` refuses these (issue 10 §3): recorded,
 * a broken compiler would turn every cell into an "expected" `compile`.
 */
const UNRECORDABLE: ReadonlySet<Stage> = new Set<Stage>(['compile', 'crash', 'timeout', 'protocol']);

/** The cells `--update` must not record, in the result's order. */
export function unrecordableCells(result: MatrixResult): readonly MatrixCell[] {
  return result.cells.filter((cell) => UNRECORDABLE.has(cell.observed.stage));
}

/** `--update`: records the observed stage of every cell that ran, keeping the cells that did not. */
export function updateExpected(expected: ExpectedMatrix, result: MatrixResult): ExpectedMatrix {
  const hosts = [...new Set([...expected.hosts, ...result.cells.map((cell) => cell.host)])].sort(compare);
  const observed = new Map(result.cells.map((cell) => [`${cell.fixture}@${cell.host}`, cell.observed.stage]));
  const fixtures = new Set([...Object.keys(expected.rows), ...result.cells.map((cell) => cell.fixture)]);
  const rows = Object.fromEntries(
    [...fixtures].map((fixture) => [fixture, hosts.map((host) => observed.get(`${fixture}@${host}`) ?? expected.stageAt(fixture, host))]),
  );
  return expectedFromFile({ hosts, rows });
}

/** One row per line, rows sorted, so that a change to the table reads as a small diff. */
export function formatExpectedMatrix(expected: ExpectedMatrix): string {
  const fixtures = Object.keys(expected.rows).sort(compareFixtureIds);
  const lines = fixtures.map((fixture) => {
    const stages = expected.hosts.map((host) => expected.stageAt(fixture, host));
    return `    ${JSON.stringify(fixture)}: ${JSON.stringify(stages).replaceAll(',', ', ')}`;
  });
  return [
    '{',
    '  "$schema": "../schemas/expected-matrix.schema.json",',
    `  "hosts": ${JSON.stringify(expected.hosts).replaceAll(',', ', ')},`,
    '  "rows": {',
    lines.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** `Kind/release`: by kind, then by release in version order. */
function compareFixtureIds(a: string, b: string): number {
  const [kindA = '', releaseA = ''] = a.split('/');
  const [kindB = '', releaseB = ''] = b.split('/');
  if (kindA !== kindB) return kindA < kindB ? -1 : 1;
  return valid(releaseA) && valid(releaseB) ? compare(releaseA, releaseB) : releaseA.localeCompare(releaseB);
}
