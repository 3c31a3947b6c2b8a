import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFixtures, type BuildEvent } from '../compile/buildFixtures.js';
import { findCompiler, type Compiler } from '../compile/findCompiler.js';
import { ConfigError, UsageError } from '../core/errors.js';
import { evaluateMatrix, type OpenedFixture } from '../core/evaluateMatrix.js';
import { formatExpectedMatrix, updateExpected } from '../core/expectedMatrix.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { FixtureRecord, MatrixRun, Phase } from '../core/matrixRun.js';
import { planMatrix } from '../core/planMatrix.js';
import { selectMatrix, type SelectionOptions } from '../core/selectMatrix.js';
import { startProber, type Prober } from '../loader/probeLibraries.js';
import { ensureWritableCache, rethrowCacheFault } from './cacheDir.js';
import { fixtureRequests } from './fixtureRequests.js';
import { readTable } from './readTable.js';

export interface MatrixOptions extends SelectionOptions {
  /** The version table folder (`versions/`). */
  readonly tableDir: string;
  /** The fixture templates (`fixture.cpp.hbs`, `interface.hpp.hbs`). */
  readonly templatesDir: string;
  /** Where compiled fixtures are kept; created if missing, and must be writable. */
  readonly cacheDir: string;
  readonly jobs: number;
  readonly timeoutMs: number;
  /** `--update`: rewrite the expected matrix with what was observed. */
  readonly update: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly onBuildEvent?: ((event: BuildEvent) => void) | undefined;
}

type Timed = <T>(phase: Phase, work: () => Promise<T> | T) => Promise<T>;

/** read → plan → generate → compile → load → verify (→ update the expected matrix). */
export async function runMatrix(options: MatrixOptions): Promise<MatrixRun> {
  const phasesMs: Record<Phase, number> = { generate: 0, compile: 0, load: 0, verify: 0 };
  const timed: Timed = async (phase, work) => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      phasesMs[phase] += Math.round(performance.now() - started);
    }
  };

  // Started now, so that they overlap reading the table: the prober child loads Node and koffi,
  // and the compiler is identified (from memory when warm, else by running it).
  const prober = startProber({ jobs: options.jobs, timeoutMs: options.timeoutMs });
  // The cache is checked first, so that an unwritable one is named as such before any work.
  const compiler = ensureWritableCache(options.cacheDir).then(() => findCompiler(options.env, options.cacheDir).catch(rethrowCacheFault(options.cacheDir)));
  compiler.catch(() => undefined); // awaited, and reported, in the compile phase
  try {
    return await matrixWith(prober, compiler, options, phasesMs, timed);
  } finally {
    prober.close();
  }
}

async function matrixWith(prober: Prober, compiler: Promise<Compiler>, options: MatrixOptions, phasesMs: Record<Phase, number>, timed: Timed): Promise<MatrixRun> {
  if (options.update && options.whatIf.length > 0) {
    throw new UsageError('--update records the real kind tables; it cannot be combined with --what-if', 'run --update without --what-if');
  }
  const { table, plan, requests, selection } = await timed('generate', async () => {
    const table = await readTable(options.tableDir, options.cacheDir);
    const selection = selectMatrix(table, options);
    const plan = planMatrix(selection);
    return { table, plan, selection, requests: await fixtureRequests(plan.fixtures, options.templatesDir) };
  });

  const built = await timed('compile', async () => {
    const ready = await compiler;
    return buildFixtures(requests, { compiler: ready, cacheDir: options.cacheDir, jobs: options.jobs, onEvent: options.onBuildEvent }).catch(rethrowCacheFault(options.cacheDir));
  });

  const opened = await timed('load', async () => {
    const loadable = plan.fixtures.filter((spec) => built.get(spec.id)?.status !== 'failed');
    const outcomes = await prober.probe(loadable.map((spec) => ({ library: built.get(spec.id)?.library ?? '', symbol: spec.moduleName })));
    const byId = new Map<string, LibraryOutcome>(loadable.map((spec, index) => [spec.id, outcomes[index] as LibraryOutcome]));
    return new Map(
      plan.fixtures.map((spec): [string, OpenedFixture] => {
        const build = built.get(spec.id);
        const outcome: LibraryOutcome = build?.status === 'failed' ? { stage: 'compile', message: build.message } : (byId.get(spec.id) as LibraryOutcome);
        return [spec.id, { library: build?.library ?? '', outcome }];
      }),
    );
  });

  const expectedPath = path.join(options.tableDir, 'expected', 'matrix.json');
  // The committed expected matrix describes the real kind tables, not a --what-if.
  const committed = plan.whatIf.length > 0 ? null : table.expected;
  const { result, updated } = await timed('verify', async () => {
    const first = evaluateMatrix(plan, opened, committed);
    if (!options.update) return { result: first, updated: null };
    const recorded = updateExpected(table.expected, first);
    await writeFile(expectedPath, formatExpectedMatrix(recorded)).catch((error: Error) => {
      throw new ConfigError(`--update cannot write ${expectedPath}: ${error.message}`, 'make the file writable, or run without --update');
    });
    const changedCells = first.cells.filter((cell) => cell.expected !== cell.observed.stage).length;
    return { result: evaluateMatrix(plan, opened, recorded), updated: { changedCells } };
  });

  const fixtures = plan.fixtures.map((spec): FixtureRecord => {
    const build = built.get(spec.id);
    const entry = opened.get(spec.id) as OpenedFixture;
    return {
      spec,
      library: entry.library,
      build: { status: build?.status ?? 'failed', durationMs: build?.durationMs ?? 0, stderr: build?.status === 'failed' ? build.stderr : '' },
      outcome: entry.outcome,
    };
  });
  return {
    selection: { spec: options.releases, only: options.only ?? null, whatIf: plan.whatIf, releases: selection.hosts.map((release) => release.release), kinds: [...selection.kinds].sort() },
    result,
    fixtures,
    phasesMs,
    expectedFile: path.join(path.basename(options.tableDir), 'expected', 'matrix.json'),
    updated,
  };
}
