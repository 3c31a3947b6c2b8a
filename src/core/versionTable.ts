import type { FlagRules } from './flagRules.js';
import type { Host, LoaderRules } from './host.js';
import type { InterfaceTable } from './kindInterface.js';
import type { Stage } from './stage.js';

/** One real Mesos release of the table (`versions/releases/<release>.json`). */
export interface Release {
  readonly release: string;
  readonly host: Host;
  /** How its flag parser reads `--modules` and each `--modules_dir` file, and its programs' names. */
  readonly flags: FlagRules;
  /** The table file it came from, relative to the table folder (for messages and generated headers). */
  readonly file: string;
}

/** A documented table: hypothetical hosts, fixtures built for given versions, expected verdicts. */
export interface Scenario {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly file: string;
  readonly kind: string;
  readonly compatible: 'absent' | 'true' | 'false';
  readonly loader: LoaderRules;
  readonly rows: readonly ScenarioRow[];
}

export interface ScenarioRow {
  /** 1-based position in the scenario file: the row's id is `<scenario>#<number>`. */
  readonly number: number;
  readonly mesos: string;
  readonly kindMinimum: string;
  readonly library: string;
  readonly loadable: boolean;
  readonly stage: Stage;
  readonly documentedReason: string;
}

/**
 * The committed expected matrix: per row (fixture id) the stage at each host, `null` where never
 * recorded. Kept in its file form and read through `stageAt`: a table of every release has
 * ~46,000 cells, and a run usually looks at a few hundred.
 */
export interface ExpectedMatrix {
  readonly hosts: readonly string[];
  readonly rows: Readonly<Record<string, ReadonlyArray<Stage | null>>>;
  stageAt(fixture: string, host: string): Stage | null;
}

/** Everything under `versions/`, validated and resolved. Releases are in version order. */
export interface VersionTable {
  readonly releases: readonly Release[];
  readonly sets: ReadonlyMap<string, readonly string[]>;
  readonly scenarios: readonly Scenario[];
  readonly expected: ExpectedMatrix;
  /** Each kind's interface per release (`versions/interfaces/<Kind>.json`). */
  readonly interfaces: InterfaceTable;
}
