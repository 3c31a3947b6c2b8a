import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Every test's temporary folders go into one root, each worker's TMPDIR, removed when the run ends.
    globalSetup: ['test/helpers/temporaryRoot.ts'],
    setupFiles: ['test/helpers/useTemporaryRoot.ts'],
    // The loader and end-to-end tests compile and open real dynlibs: give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
