import { availableParallelism } from 'node:os';
import type { MatrixOptions } from './runMatrix.js';
import { DEFAULT_TABLE_DIR, defaultCacheDir, TEMPLATES_DIR } from './paths.js';

/**
 * The options `mesos-matrix matrix` runs with when given none: the `default` set of the
 * package's own table and templates, cached in the project of the current directory.
 */
export function defaultMatrixOptions(): MatrixOptions {
  return {
    releases: 'default',
    kinds: undefined,
    only: undefined,
    whatIf: [],
    tableDir: DEFAULT_TABLE_DIR,
    templatesDir: TEMPLATES_DIR,
    cacheDir: process.env['MESOS_MATRIX_CACHE'] ?? defaultCacheDir(process.cwd(), process.env),
    jobs: availableParallelism(),
    timeoutMs: 10_000,
    update: false,
    env: process.env,
  };
}
