#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm run build`: `npm ci` in a checkout runs it
// (the `prepare` script), and `npm pack` too, so an installed package carries dist/ and builds nothing.
// It runs from dist/bundle/cli.cjs, the whole CLI as one function, compiled with the V8 code cache
// the build made for it: loading and compiling dist/'s modules one by one cost a warm run more than
// its work (see scripts/bundle-cli.ts). A cache this Node's V8 rejects is ignored: the source is compiled.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle', 'cli.cjs');
let source;
try {
  source = readFileSync(file, 'utf8');
} catch (error) {
  if (error?.code !== 'ENOENT') throw error;
  process.stderr.write('mesos-matrix: the CLI is not built yet; run `npm run build` (or `npm ci`).\n');
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(`${file}.v8cache`);
} catch {
  // none: compiled from source
}
const script = new vm.Script(source, { filename: file, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
