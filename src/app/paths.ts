import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this file, both as `src/app/*.ts` and as `dist/app/*.js`. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_TABLE_DIR = path.join(PACKAGE_ROOT, 'versions');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const DEFAULT_CACHE_DIR = path.join(PACKAGE_ROOT, '.mesos-matrix');
