import { UsageError } from './errors.js';
import { grammarOf } from './host.js';
import type { MatrixSelection, WhatIf } from './planMatrix.js';
import { selectKinds, selectReleases, validReleases } from './selectReleases.js';
import { parseVersion } from './stoutVersion.js';
import type { Release, VersionTable } from './versionTable.js';

export interface SelectionOptions {
  /** `--releases` */
  readonly releases: string;
  /** `--kinds` */
  readonly kinds: string | undefined;
  /** `--only`: one cell (`Isolator/0.24.1@0.25.0`) or one scenario row (`documented#4`); overrides the others. */
  readonly only: string | undefined;
  /** `--what-if Kind=version`, repeatable. */
  readonly whatIf: readonly string[];
}

/** Resolves the command line's selection against the table; anything unknown is a usage error listing what is valid. */
export function selectMatrix(table: VersionTable, options: SelectionOptions): MatrixSelection {
  const base = { interfaces: table.interfaces };
  if (options.only !== undefined) return applyWhatIf({ ...base, ...selectOnly(table, options.only.trim()) }, options.whatIf);
  const releases = selectReleases(table, options.releases);
  return applyWhatIf({ ...base, hosts: releases, builtFor: releases, kinds: selectKinds(releases, options.kinds), scenarios: table.scenarios, whatIf: [] }, options.whatIf);
}

function selectOnly(table: VersionTable, id: string): Omit<MatrixSelection, 'interfaces'> {
  const scenarioRow = /^([a-z][a-z0-9-]*)#([0-9]+)$/.exec(id);
  if (scenarioRow) {
    const scenario = table.scenarios.find((candidate) => candidate.name === scenarioRow[1]);
    const row = scenario?.rows.find((candidate) => candidate.number === Number(scenarioRow[2]));
    if (!scenario || !row) {
      throw new UsageError(`--only ${id}: no such scenario row`, `scenario rows: ${table.scenarios.flatMap((s) => s.rows.map((r) => `${s.name}#${r.number}`)).join(' ')}`);
    }
    return { hosts: [], builtFor: [], kinds: new Set(), scenarios: [{ ...scenario, rows: [row] }], whatIf: [] };
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
    throw new UsageError(`--only ${id}: no release ${unknown.join(' or ')} in the table`, validReleases(table));
  }
  if (!build.host.kinds.has(kind)) {
    throw new UsageError(`--only ${id}: ${builtFor} registers no kind ${kind}`, `kinds of ${builtFor}: ${[...build.host.kinds.keys()].join(' ')}`);
  }
  return { hosts: [column], builtFor: [build], kinds: new Set([kind]), scenarios: [], whatIf: [] };
}

/**
 * `--what-if Kind=version`: every selected host that registers the kind gets that minimum, as
 * a maintainer editing `kindToVersion` would. The builds (rows) stay as they are.
 */
function applyWhatIf(selection: MatrixSelection, specs: readonly string[]): MatrixSelection {
  if (specs.length === 0) return selection;
  const kinds = new Set(selection.hosts.flatMap((release) => [...release.host.kinds.keys()]));
  const whatIf = specs.map((spec): WhatIf => {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(.+)$/.exec(spec.trim());
    if (!match) throw new UsageError(`--what-if ${JSON.stringify(spec)} is not Kind=version`, 'for example --what-if Isolator=0.23.1');
    const [, kind = '', minimum = ''] = match;
    if (!kinds.has(kind)) throw new UsageError(`--what-if ${spec}: no selected host registers ${kind}`, `kinds of the selected hosts: ${[...kinds].sort().join(' ')}`);
    return { kind, minimum };
  });
  const hosts = selection.hosts.map((release): Release => {
    const changed = new Map(release.host.kinds);
    for (const { kind, minimum } of whatIf) {
      if (!changed.has(kind)) continue;
      const parsed = parseVersion(minimum, grammarOf(release.host.loader));
      // Mesos CHECKs that the table's versions parse: an unparsable minimum would abort the host.
      if (!parsed.ok) throw new UsageError(`--what-if ${kind}=${minimum}: ${release.release} cannot parse it (${parsed.error})`, 'give a version such as 0.23.1');
      changed.set(kind, minimum);
    }
    return { ...release, host: { ...release.host, kinds: changed } };
  });
  return { ...selection, hosts, whatIf };
}
