import path from 'node:path';
import { ConfigError, UsageError } from '../core/errors.js';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { FixtureRecord, Phase } from '../core/matrixRun.js';
import type { ShardInput } from '../core/shardSet.js';
import type { ShardStamp } from '../core/shardStamp.js';
import { PACKAGE_ROOT } from './paths.js';
import { readJsonFile } from './readJsonFile.js';
import { loadSchemaValidator } from './schemaValidators.js';

/** What `merge` takes from one shard's JSON: its stamp, and per fixture what was observed. */
export interface ShardFile {
  readonly input: ShardInput;
  /** By fixture id. */
  readonly observed: ReadonlyMap<string, Omit<FixtureRecord, 'spec'>>;
  readonly phasesMs: Readonly<Record<Phase, number>>;
}

/** The part of a `matrix --format json` report `merge` reads (the rest is checked by the schema). */
interface ShardReport {
  readonly shard: ShardStamp | null;
  readonly fixtures: ReadonlyArray<{ id: string; library: string; build: FixtureRecord['build']; load: LibraryOutcome }>;
  readonly phasesMs: Record<Phase, number>;
}

const REPORT_SCHEMA = path.join(PACKAGE_ROOT, 'schemas', 'matrix-report.schema.json');

/**
 * Reads the shard files named on the command line, each checked against the published report
 * schema (`schemas/matrix-report.schema.json`). A file that is not such a report, or is a whole
 * run rather than a shard, is refused, by name.
 */
export async function readShardFiles(files: readonly string[], cacheDir: string): Promise<ShardFile[]> {
  const schema = (await readJsonFile(REPORT_SCHEMA, 'schemas/matrix-report.schema.json')) as { $id: string };
  const validate = await loadSchemaValidator([schema], cacheDir);
  return Promise.all(
    files.map(async (file) => {
      const value = await readJsonFile(path.resolve(file), file);
      const problems = validate(schema.$id, value);
      if (problems.length > 0) {
        const shown = problems.slice(0, 3).map((problem) => `${file}: ${problem.pointer}: expected ${problem.expected}`);
        throw new ConfigError(`${file} is not a report of mesos-matrix matrix --format json (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${shown.join('\n  ')}`, 'give the files that mesos-matrix matrix --shard <i>/<n> --format json wrote, unchanged, by the same tool version');
      }
      const report = value as ShardReport;
      if (report.shard === null) throw new UsageError(`${file} is a whole run, not a shard`, 'merge takes the output of mesos-matrix matrix --shard <i>/<n> --format json');
      return {
        input: { file, stamp: report.shard, fixtureIds: report.fixtures.map((fixture) => fixture.id) },
        observed: new Map(report.fixtures.map((fixture) => [fixture.id, { library: fixture.library, build: fixture.build, outcome: fixture.load }])),
        phasesMs: report.phasesMs,
      };
    }),
  );
}
