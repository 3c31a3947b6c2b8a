#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm run build`: `npm ci` in a checkout runs it
// (the `prepare` script), and `npm pack` too, so an installed package carries dist/ and builds nothing.
// It runs from dist/bundle/, the CLI bundled into a few files, as loading dist/'s modules one by
// one costs a warm run more than all its work does (see scripts/bundle-cli.ts).
import('../dist/bundle/bin.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bundle/bin.js')) {
    process.stderr.write('mesos-matrix: the CLI is not built yet; run `npm run build` (or `npm ci`).\n');
    process.exit(2);
  }
  throw error;
});
