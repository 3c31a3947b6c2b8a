import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * A fresh folder for a test, inside the run's temporary root (see temporaryRoot.ts), which is
 * removed with everything in it when the run ends: callers never clean up themselves.
 */
export function temporaryDir(prefix: string): string {
  const root = inject('temporaryRoot');
  if (!root) throw new Error('temporaryDir: no temporary root; run the tests with vitest.config.ts, whose globalSetup test/helpers/temporaryRoot.ts makes one');
  return mkdtempSync(path.join(root, `${prefix}-`));
}
