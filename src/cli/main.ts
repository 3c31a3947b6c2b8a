import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { isExpectedError, UsageError } from '../core/errors.js';
import { matrixExitCode } from '../core/matrixRun.js';
import { MATRIX_FORMATS, MATRIX_RENDERERS, type MatrixFormat } from '../report/matrixFormats.js';
import { createBuildProgress } from './buildProgress.js';
import { DEFAULT_CACHE_DIR, DEFAULT_TABLE_DIR } from './paths.js';
import { runMatrix } from './runMatrix.js';

/** Where the CLI writes; injected so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour and live progress only then). */
  readonly isTTY: boolean;
}

/** Runs one command line and returns the exit code: 0 as expected, 1 findings, 2 usage/configuration/toolchain, 3 internal. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('mesos-matrix')
    .description('Which Apache Mesos releases load which module builds, and why — on real compiled dynlibs.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run mesos-matrix --help for usage)');

  program
    .command('matrix')
    .description('build a fixture dynlib per kind and release, open each as every host release would, and check the loadable matrix')
    .option('--releases <spec>', 'a set (default, all), a list (0.24.1,0.25.0) or a semver range (">=0.23.1 <0.27.0")', 'default')
    .option('--kinds <list>', 'only these kinds, comma-separated (default: every kind of the selected releases)')
    .addOption(new Option('--format <format>', 'output format').choices(MATRIX_FORMATS).default('table'))
    .option('--update', `rewrite the expected matrix (versions/expected/matrix.json) with what was observed`, false)
    .option('--jobs <n>', 'compilers and library probes at once', String(availableParallelism()))
    .option('--timeout <ms>', 'how long dlopen, a lookup or compatible() may take before it counts as hung', '10000')
    .option('--table <dir>', 'the version table folder', DEFAULT_TABLE_DIR)
    .option('--cache-dir <dir>', 'where compiled fixtures are kept (env MESOS_MATRIX_CACHE)')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const format = options['format'] as MatrixFormat;
      const color = io.isTTY && format === 'table' && !('NO_COLOR' in io.env);
      const progress = createBuildProgress(io, io.isTTY && format === 'table');
      const run = await runMatrix({
        releases: String(options['releases']),
        kinds: options['kinds'] === undefined ? undefined : String(options['kinds']),
        tableDir: path.resolve(String(options['table'])),
        cacheDir: path.resolve(String(options['cacheDir'] ?? io.env['MESOS_MATRIX_CACHE'] ?? DEFAULT_CACHE_DIR)),
        jobs: positiveInteger('--jobs', options['jobs']),
        timeoutMs: positiveInteger('--timeout', options['timeout']),
        update: options['update'] === true,
        env: io.env,
        onBuildEvent: progress.onEvent,
      }).finally(progress.done);
      io.stdout(MATRIX_RENDERERS[format](run, { color }));
      exitCode = matrixExitCode(run);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; anything else commander rejects is usage.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isExpectedError(error)) {
      io.stderr(`mesos-matrix: ${error.kind} error: ${error.message}\n  → ${error.hint}\n`);
      return 2;
    }
    io.stderr(`mesos-matrix: internal error (a bug in mesos-module-matrix, please report it):\n${(error as Error).stack ?? String(error)}\n`);
    return 3;
  }
}

function positiveInteger(flag: string, value: unknown): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} takes a whole number >= 1, got ${JSON.stringify(value)}`, `for example ${flag} 4`);
  return number;
}
