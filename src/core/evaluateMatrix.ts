import { interfaceDifferences } from './diffInterfaces.js';
import type { Finding } from './finding.js';
import { intendedManifest, type FixtureSpec } from './fixtureSpec.js';
import type { LibraryOutcome } from './libraryOutcome.js';
import { MANIFEST_STRING_FIELDS, type Manifest } from './manifest.js';
import { libraryVerdict } from './libraryVerdict.js';
import { cellId, type MatrixPlan, type PlannedScenarioRow } from './planMatrix.js';
import type { Stage, Verdict } from './stage.js';
import type { ExpectedMatrix } from './versionTable.js';
import { verifyModule } from './verifyModule.js';

/** A fixture after build and open: the library string Mesos would dlopen, and what happened. */
export interface OpenedFixture {
  readonly library: string;
  readonly outcome: LibraryOutcome;
}

/** One (fixture row, host column) cell. */
export interface MatrixCell {
  readonly id: string;
  readonly host: string;
  readonly kind: string;
  readonly builtFor: string;
  readonly fixture: string;
  /** The host's verdict on the compiled library. */
  readonly observed: Verdict;
  /** The same rules on the manifest the table intends. */
  readonly predicted: Verdict;
  /** The committed expected stage, `null` when the expected matrix has no entry (or is not consulted). */
  readonly expected: Stage | null;
  /**
   * For an admitted cell: whether the build works in the host — no change from the build's
   * release to the host's breaks it (`breakingRules.ts`; always so for the host's own release);
   * `null` when the host refuses.
   */
  readonly sound: boolean | null;
  /** When unsound: the methods (or `structure`, `class`) whose changes break the build. */
  readonly differences: readonly string[];
  readonly asExpected: boolean;
}

export interface ScenarioCell {
  readonly planned: PlannedScenarioRow;
  readonly observed: Verdict;
  readonly asDocumented: boolean;
}

export interface MatrixResult {
  readonly plan: MatrixPlan;
  readonly cells: readonly MatrixCell[];
  readonly scenarioCells: readonly ScenarioCell[];
  readonly findings: readonly Finding[];
}

/**
 * Compares what each compiled library did on each host with the table, the expected matrix (not
 * consulted when `null`, as under `--what-if`) and the documentation, and checks that every
 * admission of another release's build is sound.
 */
export function evaluateMatrix(plan: MatrixPlan, opened: ReadonlyMap<string, OpenedFixture>, expected: ExpectedMatrix | null): MatrixResult {
  const findings: Finding[] = [];
  const cells = plan.rows.flatMap((fixture) => {
    const { library, outcome } = openedFixture(fixture, opened);
    const intended = intendedManifest(fixture);
    // Where the library holds exactly the intended manifest (every cell, unless something is
    // off), the table's verdict is the observed one: verifyModule runs once per cell, not twice.
    const asIntended = outcome.stage === 'manifest' && sameManifest(outcome.manifest, intended);
    return plan.hosts.map((release): MatrixCell => {
      const id = cellId(fixture.id, release.release);
      const observed = libraryVerdict(release.host, library, fixture.moduleName, outcome);
      const predicted = asIntended ? observed : verifyModule(release.host, fixture.moduleName, intended);
      const wanted = expected?.stageAt(fixture.id, release.release) ?? null;
      const before = findings.length;
      if (observed.stage !== predicted.stage || observed.message !== predicted.message) {
        findings.push({ code: 'differs-from-table', subject: id, observed: strip(observed), wanted: strip(predicted) });
      }
      if (expected !== null && wanted === null) {
        findings.push({ code: 'not-in-expected', subject: id, observed: strip(observed) });
      } else if (wanted !== null && wanted !== observed.stage) {
        findings.push({ code: 'differs-from-expected', subject: id, observed: strip(observed), wanted: { stage: wanted, message: null } });
      }
      const { sound, differences } = soundness(plan, fixture, release.release, observed);
      if (sound === false) findings.push({ code: 'unsound-admission', subject: id, observed: strip(observed), differences });
      return { id, host: release.release, kind: fixture.kind, builtFor: fixture.builtFor, fixture: fixture.id, observed, predicted, expected: wanted, sound, differences, asExpected: findings.length === before };
    });
  });
  const scenarioCells = plan.scenarioRows.map((planned): ScenarioCell => {
    const { library, outcome } = openedFixture(planned.fixture, opened);
    const observed = libraryVerdict(planned.host, library, planned.fixture.moduleName, outcome);
    const asDocumented = observed.loadable === planned.row.loadable && observed.stage === planned.row.stage;
    if (!asDocumented) {
      findings.push({ code: 'differs-from-documented', subject: planned.id, observed: strip(observed), wanted: { stage: planned.row.stage, message: planned.row.documentedReason } });
    }
    return { planned, observed, asDocumented };
  });
  findings.push(...leftoverFindings(plan.fixtures, opened));
  return { plan, cells, scenarioCells, findings };
}

/**
 * Whether an admission is sound: directional, as the host calls the build through its own
 * vtable layout (a pure method that gained a default body breaks no older build; the reverse
 * would). Judged on the interface, not on the layout of Mesos types inside the signatures.
 */
function soundness(plan: MatrixPlan, fixture: FixtureSpec, host: string, observed: Verdict): { sound: boolean | null; differences: readonly string[] } {
  if (!observed.loadable) return { sound: null, differences: [] };
  if (fixture.builtFor === host) return { sound: true, differences: [] };
  const hostInterface = plan.interfaces.get(fixture.kind)?.get(host);
  const buildInterface = plan.interfaces.get(fixture.kind)?.get(fixture.builtFor);
  if (!hostInterface || !buildInterface) return { sound: false, differences: [`no interface data for ${hostInterface ? fixture.builtFor : host}`] };
  const differences = interfaceDifferences(buildInterface, hostInterface);
  return differences.length === 0 ? { sound: true, differences: [] } : { sound: false, differences };
}

/** What opening a fixture left running is the fixture's, the same on every host: one finding per fixture. */
function leftoverFindings(fixtures: readonly FixtureSpec[], opened: ReadonlyMap<string, OpenedFixture>): Finding[] {
  return fixtures.flatMap((fixture): Finding[] => {
    const { library, outcome } = openedFixture(fixture, opened);
    return outcome.leftovers?.length ? [{ code: 'left-processes', subject: fixture.id, library, processes: outcome.leftovers }] : [];
  });
}

function sameManifest(a: Manifest, b: Manifest): boolean {
  return MANIFEST_STRING_FIELDS.every((field) => a[field] === b[field]) && a.create === b.create && JSON.stringify(a.compatible) === JSON.stringify(b.compatible);
}

function openedFixture(fixture: FixtureSpec, opened: ReadonlyMap<string, OpenedFixture>): OpenedFixture {
  const entry = opened.get(fixture.id);
  // Every planned fixture is built and opened before evaluation; a gap is our bug.
  if (!entry) throw new Error(`fixture ${fixture.id} was never opened`);
  return entry;
}

function strip(verdict: Verdict) {
  return { stage: verdict.stage, message: verdict.message };
}
