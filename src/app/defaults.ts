import { availableParallelism } from 'node:os';
import type { MatrixOptions } from './runMatrix.js';
import { DEFAULT_CACHE_DIR, DEFAULT_TABLE_DIR } from './paths.js';

/** The options `mesos-matrix matrix` runs with when given none: the `default` set of the package's own table. */
export function defaultMatrixOptions(): MatrixOptions {
  return {
    releases: 'default',
    kinds: undefined,
    only: undefined,
    whatIf: [],
    tableDir: DEFAULT_TABLE_DIR,
    cacheDir: DEFAULT_CACHE_DIR,
    jobs: availableParallelism(),
    timeoutMs: 10_000,
    update: false,
    env: process.env,
  };
}
