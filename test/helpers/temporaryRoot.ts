import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The one folder under the system temp dir that holds every test's temporary folders. */
    temporaryRoot: string;
  }
}

/**
 * vitest's globalSetup: makes one folder for the whole run, hands it to the test workers
 * (`inject('temporaryRoot')`: {@link temporaryDir}, and useTemporaryRoot.ts, which makes it each
 * worker's TMPDIR) and removes it when the run ends, passed or failed. A test cannot forget to
 * clean up what it made there.
 */
export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'mesos-matrix-test-'));
  project.provide('temporaryRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
