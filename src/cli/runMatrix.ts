import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFixtures, type BuildEvent } from '../build/buildFixtures.js';
import { findCompiler } from '../build/findCompiler.js';
import { createFixtureRenderer } from '../codegen/renderFixture.js';
import { evaluateMatrix, type OpenedFixture } from '../core/evaluateMatrix.js';
import { formatExpectedMatrix, updateExpected } from '../core/expectedMatrix.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { FixtureRecord, MatrixRun, Phase } from '../core/matrixRun.js';
import { planMatrix } from '../core/planMatrix.js';
import { selectMatrix, type SelectionOptions } from '../core/selectMatrix.js';
import { probeLibraries } from '../loader/probeLibraries.js';
import { TEMPLATES_DIR } from './paths.js';
import { readTable } from './readTable.js';

export interface MatrixOptions extends SelectionOptions {
  readonly tableDir: string;
  readonly cacheDir: string;
  readonly jobs: number;
  readonly timeoutMs: number;
  /** `--update`: rewrite the expected matrix with what was observed. */
  readonly update: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly onBuildEvent?: ((event: BuildEvent) => void) | undefined;
}

/** read → plan → generate → compile → load → verify (→ update the expected matrix). */
export async function runMatrix(options: MatrixOptions): Promise<MatrixRun> {
  const phasesMs: Record<Phase, number> = { generate: 0, compile: 0, load: 0, verify: 0 };
  const timed = async <T>(phase: Phase, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      phasesMs[phase] += Math.round(performance.now() - started);
    }
  };

  const { table, plan, sources, selection } = await timed('generate', async () => {
    const table = await readTable(options.tableDir);
    const selection = selectMatrix(table, options);
    const plan = planMatrix(selection);
    const [fixture, interfacePlaceholder] = await Promise.all(
      ['fixture.cpp.hbs', 'interface-placeholder.hpp.hbs'].map((name) => readFile(path.join(TEMPLATES_DIR, name), 'utf8')),
    );
    const render = createFixtureRenderer({ fixture: fixture ?? '', interfacePlaceholder: interfacePlaceholder ?? '' });
    return { table, plan, selection, sources: plan.fixtures.map((spec) => ({ id: spec.id, source: render(spec), fileName: `lib${spec.kind}-${spec.builtFor}.so` })) };
  });

  const built = await timed('compile', async () => {
    const compiler = await findCompiler(options.env);
    return buildFixtures(sources, { compiler, cacheDir: options.cacheDir, jobs: options.jobs, onEvent: options.onBuildEvent });
  });

  const opened = await timed('load', async () => {
    const loadable = plan.fixtures.filter((spec) => built.get(spec.id)?.status !== 'failed');
    const outcomes = await probeLibraries(
      loadable.map((spec) => ({ library: built.get(spec.id)?.library ?? '', symbol: spec.moduleName })),
      { jobs: options.jobs, timeoutMs: options.timeoutMs },
    );
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
  const { result, updated } = await timed('verify', async () => {
    const first = evaluateMatrix(plan, opened, table.expected);
    if (!options.update) return { result: first, updated: null };
    const expected = updateExpected(table.expected, first);
    await writeFile(expectedPath, formatExpectedMatrix(expected));
    const changedCells = first.cells.filter((cell) => cell.expected !== cell.observed.stage).length;
    return { result: evaluateMatrix(plan, opened, expected), updated: { changedCells } };
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
    selection: { spec: options.releases, only: options.only ?? null, releases: selection.hosts.map((release) => release.release), kinds: [...selection.kinds].sort() },
    result,
    fixtures,
    phasesMs,
    expectedFile: path.join(path.basename(options.tableDir), 'expected', 'matrix.json'),
    updated,
  };
}
