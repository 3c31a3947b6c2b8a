import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/app/paths.js';

/**
 * The reference facts about Mesos (kinds.json, interfaces-diff.json, …): `$MESOS_MATRIX_REFERENCE`
 * when set, else `../shared/reference/mesos` beside the checkout, where the project's CI has them.
 * A fresh clone has neither; pointing the variable at an empty folder shows what it does.
 */
const OVERRIDE = process.env['MESOS_MATRIX_REFERENCE'];
export const REFERENCE_DIR = OVERRIDE || path.join(PACKAGE_ROOT, '..', 'shared', 'reference', 'mesos');

/**
 * One reference file, parsed, or undefined when it is not there. Suites read it at module level
 * and hand the result to `describe.skipIf(!data)`: vitest runs a skipped suite's body to collect
 * it, so a read inside that body would fail on every machine without the reference.
 */
export function readReference<T>(file: string): T | undefined {
  const where = path.join(REFERENCE_DIR, file);
  return existsSync(where) ? (JSON.parse(readFileSync(where, 'utf8')) as T) : undefined;
}

/** The suite title, saying where the reference came from and why a suite was skipped. */
export function referenceTitle(subject: string, file: string, data: unknown): string {
  const where = `${OVERRIDE ? '$MESOS_MATRIX_REFERENCE' : '../shared/reference/mesos'}/${file}`;
  return data === undefined ? `${subject} against ${where} (skipped: no such file; set MESOS_MATRIX_REFERENCE to the reference folder)` : `${subject} against ${where}`;
}
