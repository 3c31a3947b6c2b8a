import semver from 'semver';
import type { MatrixResult } from './evaluateMatrix.js';
import type { Stage } from './stage.js';
import type { ExpectedMatrix } from './versionTable.js';

/** The file form: host columns, and per fixture row the stage at each host (`null`: not recorded). */
export interface ExpectedMatrixFile {
  readonly hosts: readonly string[];
  readonly rows: Readonly<Record<string, ReadonlyArray<Stage | null>>>;
}

export function expectedFromFile(file: ExpectedMatrixFile): ExpectedMatrix {
  const rows = new Map(
    Object.entries(file.rows).map(([fixture, stages]) => [
      fixture,
      new Map(file.hosts.flatMap((host, index) => (stages[index] ? [[host, stages[index]] as const] : []))),
    ]),
  );
  return { hosts: file.hosts, rows };
}

/** `--update`: records the observed stage of every cell that ran, keeping the cells that did not. */
export function updateExpected(expected: ExpectedMatrix, result: MatrixResult): ExpectedMatrix {
  const rows = new Map([...expected.rows].map(([fixture, stages]) => [fixture, new Map(stages)]));
  for (const cell of result.cells) {
    const row = rows.get(cell.fixture) ?? new Map<string, Stage>();
    row.set(cell.host, cell.observed.stage);
    rows.set(cell.fixture, row);
  }
  const hosts = [...new Set([...expected.hosts, ...result.cells.map((cell) => cell.host)])].sort(semver.compare);
  return { hosts, rows };
}

/** One row per line, rows sorted, so that a change to the table reads as a small diff. */
export function formatExpectedMatrix(expected: ExpectedMatrix): string {
  const fixtures = [...expected.rows.keys()].sort(compareFixtureIds);
  const lines = fixtures.map((fixture) => {
    const stages = expected.hosts.map((host) => expected.rows.get(fixture)?.get(host) ?? null);
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
  return semver.valid(releaseA) && semver.valid(releaseB) ? semver.compare(releaseA, releaseB) : releaseA.localeCompare(releaseB);
}
