import { rmSync } from 'node:fs';
import { DEFAULT_TABLE_DIR } from '../../src/app/paths.js';
import { readTable } from '../../src/app/readTable.js';
import { evaluateMatrix, type OpenedFixture } from '../../src/core/evaluateMatrix.js';
import { intendedManifest } from '../../src/core/fixtureSpec.js';
import type { FixtureRecord, MatrixRun } from '../../src/core/matrixRun.js';
import { planMatrix } from '../../src/core/planMatrix.js';
import { selectMatrix } from '../../src/core/selectMatrix.js';
import type { VersionTable } from '../../src/core/versionTable.js';
import type { CheckRun } from '../../src/core/checkRun.js';
import { temporaryDir } from '../helpers/compileFixtures.js';

let table: Promise<VersionTable> | undefined;

/** The package's own version table, read and validated once per test file (its validators cached in a temporary folder, removed at once). */
export function packageTable(): Promise<VersionTable> {
  table ??= (async () => {
    const cacheDir = temporaryDir('report-table');
    try {
      return await readTable(DEFAULT_TABLE_DIR, cacheDir);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  })();
  return table;
}

export interface SampleRunOptions {
  readonly releases: string;
  readonly kinds?: string;
  readonly whatIf?: readonly string[];
  /** Fixture ids whose library crashes when opened, as a broken build would. */
  readonly crashing?: readonly string[];
  /** What the crashing ones report. */
  readonly crashMessage?: string;
  /** Fixture ids whose library left a `sleep 3600` running when it was opened. */
  readonly leaving?: readonly string[];
}

/**
 * A realistic `MatrixRun` without a compiler: the real table, selection, plan and evaluation,
 * with every fixture's library showing the manifest the table intends (what a correct build
 * shows, so the verdicts and messages are Mesos's), except the `crashing` ones. Timings and
 * library paths are fixed, so that renderings can be snapshots.
 */
export async function sampleMatrixRun(options: SampleRunOptions): Promise<MatrixRun> {
  const resolved = await packageTable();
  const whatIf = options.whatIf ?? [];
  const selection = selectMatrix(resolved, { releases: options.releases, kinds: options.kinds, only: undefined, whatIf });
  const plan = planMatrix(selection);
  const crashing = new Set(options.crashing ?? []);
  const leaving = new Set(options.leaving ?? []);
  const opened = new Map(
    plan.fixtures.map((spec): [string, OpenedFixture] => [
      spec.id,
      {
        library: `cache/lib${spec.id.replace(/[^A-Za-z0-9.]/g, '_')}.so`,
        outcome: crashing.has(spec.id)
          ? { stage: 'crash', during: 'open', message: options.crashMessage ?? 'Error opening library: the library crashed the process that opened it (SIGSEGV)' }
          : { stage: 'manifest', manifest: intendedManifest(spec), ...(leaving.has(spec.id) ? { leftovers: [{ pid: 4242, command: 'sleep 3600' }] } : {}) },
      },
    ]),
  );
  const result = evaluateMatrix(plan, opened, whatIf.length > 0 ? null : resolved.expected);
  const fixtures = plan.fixtures.map((spec): FixtureRecord => ({
    spec,
    library: opened.get(spec.id)?.library ?? '',
    build: { status: 'cached', durationMs: 0, stderr: '' },
    outcome: opened.get(spec.id)?.outcome ?? { stage: 'compile', message: '' },
  }));
  return {
    selection: { spec: options.releases, only: null, whatIf: plan.whatIf, releases: selection.hosts.map((release) => release.release), kinds: [...selection.kinds].sort() },
    result,
    fixtures,
    phasesMs: { generate: 40, compile: 12, load: 15, verify: 2 },
    expectedFile: 'versions/expected/matrix.json',
    updated: null,
    shard: null,
  };
}

/**
 * `check` of one library on three releases, as README shows it: 0.25.0 misses a module's symbol,
 * 0.26.0 refuses the build's version (and would then miss the symbol), 1.0.0 loads it. Messages
 * are Mesos's; the library path is relative, as a configuration may give it.
 */
export function sampleCheckRun(): CheckRun {
  const library = 'lib/libexamplemodule.so';
  const symbol = `Error loading module 'org_apache_mesos_bar': Error looking up symbol 'org_apache_mesos_bar' in '${library}' : ${library}: undefined symbol: org_apache_mesos_bar`;
  const minimum = "Error verifying module 'org_apache_mesos_matrix_TestModule': Minimum supported mesos version for 'TestModule' is 0.26.0, but module is compiled with version 0.25.0";
  const testModule = { name: 'org_apache_mesos_matrix_TestModule', library, kind: 'TestModule', builtFor: '0.25.0' };
  return {
    single: false,
    verdicts: [
      {
        mesos: '0.25.0',
        ok: false,
        error: symbol,
        problems: [{ library, module: 'org_apache_mesos_bar', stage: 'symbol', message: symbol, advice: { advice: 'symbol-not-found', library, emptyFile: false } }],
        modules: [{ ...testModule, loadable: true }, { name: 'org_apache_mesos_bar', library, kind: null, builtFor: null, loadable: false }],
      },
      {
        mesos: '0.26.0',
        ok: false,
        error: minimum,
        problems: [
          { library, module: testModule.name, stage: 'below-minimum', message: minimum, advice: { advice: 'rebuild', kind: 'TestModule', builtFor: '0.25.0', host: '0.26.0', minimum: '0.26.0', exactOnly: false } },
          { library, module: 'org_apache_mesos_bar', stage: 'symbol', message: symbol, advice: { advice: 'symbol-not-found', library, emptyFile: false } },
        ],
        modules: [{ ...testModule, loadable: false }, { name: 'org_apache_mesos_bar', library, kind: null, builtFor: null, loadable: false }],
      },
      { mesos: '1.0.0', ok: true, error: null, problems: [], modules: [{ ...testModule, builtFor: '1.0.0', loadable: true }] },
    ],
  };
}
