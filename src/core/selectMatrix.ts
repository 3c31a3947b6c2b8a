import { UsageError } from './errors.js';
import type { MatrixSelection } from './planMatrix.js';
import { selectKinds, selectReleases } from './selectReleases.js';
import type { VersionTable } from './versionTable.js';

export interface SelectionOptions {
  /** `--releases` */
  readonly releases: string;
  /** `--kinds` */
  readonly kinds: string | undefined;
  /** `--only`: one cell (`Isolator/0.24.1@0.25.0`) or one scenario row (`documented#4`); overrides the others. */
  readonly only: string | undefined;
}

/** Resolves the command line's selection against the table; anything unknown is a usage error listing what is valid. */
export function selectMatrix(table: VersionTable, options: SelectionOptions): MatrixSelection {
  if (options.only !== undefined) return selectOnly(table, options.only.trim());
  const releases = selectReleases(table, options.releases);
  return { hosts: releases, builtFor: releases, kinds: selectKinds(releases, options.kinds), scenarios: table.scenarios, interfaces: table.interfaces };
}

function selectOnly(table: VersionTable, id: string): MatrixSelection {
  const scenarioRow = /^([a-z][a-z0-9-]*)#([0-9]+)$/.exec(id);
  if (scenarioRow) {
    const scenario = table.scenarios.find((candidate) => candidate.name === scenarioRow[1]);
    const row = scenario?.rows.find((candidate) => candidate.number === Number(scenarioRow[2]));
    if (!scenario || !row) {
      throw new UsageError(`--only ${id}: no such scenario row`, `scenario rows: ${table.scenarios.flatMap((s) => s.rows.map((r) => `${s.name}#${r.number}`)).join(' ')}`);
    }
    return { hosts: [], builtFor: [], kinds: new Set(), scenarios: [{ ...scenario, rows: [row] }], interfaces: table.interfaces };
  }
  const cell = /^([A-Za-z][A-Za-z0-9]*)\/([^@/]+)@(.+)$/.exec(id);
  const byName = new Map(table.releases.map((release) => [release.release, release]));
  const shape = 'a cell is <kind>/<built for>@<host>, for example Isolator/0.24.1@0.25.0 (mesos-matrix list shows them all)';
  if (!cell) throw new UsageError(`--only ${JSON.stringify(id)} is not a cell id`, shape);
  const [, kind = '', builtFor = '', host = ''] = cell;
  const build = byName.get(builtFor);
  const column = byName.get(host);
  if (!build || !column) {
    const unknown = [builtFor, host].filter((release) => !byName.has(release));
    throw new UsageError(`--only ${id}: no release ${unknown.join(' or ')} in the table`, `valid releases: ${table.releases.map((release) => release.release).join(' ')}`);
  }
  if (!build.host.kinds.has(kind)) {
    throw new UsageError(`--only ${id}: ${builtFor} registers no kind ${kind}`, `kinds of ${builtFor}: ${[...build.host.kinds.keys()].join(' ')}`);
  }
  return { hosts: [column], builtFor: [build], kinds: new Set([kind]), scenarios: [], interfaces: table.interfaces };
}
