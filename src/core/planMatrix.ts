import { standardFixture, type FixtureSpec } from './fixtureSpec.js';
import type { Host } from './host.js';
import type { InterfaceTable } from './kindInterface.js';
import { placeholderInterface } from './placeholderInterface.js';
import type { Release, Scenario, ScenarioRow } from './versionTable.js';

/** A scenario row with the host it describes and the fixture it loads. */
export interface PlannedScenarioRow {
  /** `documented#4` */
  readonly id: string;
  readonly scenario: Scenario;
  readonly row: ScenarioRow;
  readonly host: Host;
  readonly fixture: FixtureSpec;
}

/** What a matrix run builds, opens and judges: rows × host columns, plus the scenario rows. */
export interface MatrixPlan {
  readonly hosts: readonly Release[];
  /** One fixture per kind each selected release registers, ordered by kind, then release. */
  readonly rows: readonly FixtureSpec[];
  readonly scenarioRows: readonly PlannedScenarioRow[];
  /** Every distinct fixture to build (rows first, then scenario fixtures). */
  readonly fixtures: readonly FixtureSpec[];
  readonly interfaces: InterfaceTable;
  /** The kind minimums `--what-if` changed in the hosts. */
  readonly whatIf: readonly WhatIf[];
}

/** `--what-if Isolator=0.23.1`: the hosts' minimum for a kind, as a maintainer considering a change would set it. */
export interface WhatIf {
  readonly kind: string;
  readonly minimum: string;
}

export interface MatrixSelection {
  /** The host columns. */
  readonly hosts: readonly Release[];
  /** The releases whose kinds make the fixture rows (the hosts, except for `--only`). */
  readonly builtFor: readonly Release[];
  readonly kinds: ReadonlySet<string>;
  /** Scenarios with the rows to run. */
  readonly scenarios: readonly Scenario[];
  /** What each fixture implements. */
  readonly interfaces: InterfaceTable;
  readonly whatIf: readonly WhatIf[];
}

export function planMatrix(selection: MatrixSelection): MatrixPlan {
  const face = (kind: string, release: string) => selection.interfaces.get(kind)?.get(release) ?? placeholderInterface(kind);
  // Fixtures supply compatible() returning true, as a module author who wants backwards
  // compatibility does (loader-facts §4): without it every kind table reduces to "equal only",
  // and relaxing a kind's minimum (--what-if) could never admit anything.
  const rows = selection.builtFor
    .flatMap((release) =>
      [...release.host.kinds.keys()]
        .filter((kind) => selection.kinds.has(kind))
        .map((kind) => standardFixture(`${kind}/${release.release}`, kind, release.release, 'true', release.file, face(kind, release.release))),
    )
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind < b.kind ? -1 : 1)); // stable: releases stay in version order

  const scenarioFixtures = new Map<string, FixtureSpec>();
  const scenarioRows = selection.scenarios.flatMap((scenario) =>
    scenario.rows.map((row): PlannedScenarioRow => {
      const id = `${scenario.name}:${scenario.kind}/${row.library}`;
      const fixture = scenarioFixtures.get(id) ?? standardFixture(id, scenario.kind, row.library, scenario.compatible, scenario.file, face(scenario.kind, row.library));
      scenarioFixtures.set(id, fixture);
      return { id: `${scenario.name}#${row.number}`, scenario, row, host: scenarioHost(scenario, row), fixture };
    }),
  );
  return { hosts: selection.hosts, rows, scenarioRows, fixtures: [...rows, ...scenarioFixtures.values()], interfaces: selection.interfaces, whatIf: selection.whatIf };
}

/** A hypothetical host: the row's Mesos version, registering only the scenario's kind at the row's minimum. */
function scenarioHost(scenario: Scenario, row: ScenarioRow): Host {
  return { mesos: row.mesos, moduleApiVersion: '2', kinds: new Map([[scenario.kind, row.kindMinimum]]), loader: scenario.loader };
}

/** `Isolator/0.24.1@0.25.0`: the fixture row and the host column, as `--only` takes it. */
export function cellId(fixtureId: string, host: string): string {
  return `${fixtureId}@${host}`;
}
