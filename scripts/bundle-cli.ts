#!/usr/bin/env -S npx tsx
/**
 * Last step of `npm run build`: bundles the CLI (dist/cli/bin.js and everything it imports,
 * dependencies included) into one function, dist/bundle/cli.cjs, with V8's code cache for it
 * beside it (cli.cjs.v8cache); bin/mesos-matrix.js compiles the one with the other. Why: a warm
 * run spent more time loading its modules than doing its work — about 130 ES modules of dist/ and
 * 60 CommonJS files of commander, semver, jsonc-parser and cli-table3, each resolved, read and
 * compiled on its own — and Node 20 caches no compiled code (`module.enableCompileCache` and
 * NODE_COMPILE_CACHE came in Node 22.1). `vm.Script` takes a code cache in every Node version.
 *
 * - One file, CommonJS: the only form a `vm.Script` runs. A dynamic `import()` of the CLI's own
 *   modules becomes a lazy initialiser, so a command still evaluates only what it uses.
 * - The file is a function expression, `(function (exports, require, module, __filename, __dirname) {…})`,
 *   the text compiled here and there byte for byte (the cache is valid only for its own source).
 * - `import.meta.url` is the bundle's own URL. It sits two folders below the package root, as
 *   dist/app/ does, so every path the code finds from its own place is the same file:
 *   package.json, dist/templates/, dist/validators/, dist/codegen/ (the renderer's identity) and
 *   dist/loader/probeChild.js (the prober child, which runs unbundled).
 * - Left out: koffi (a native addon, loaded by the prober child only), and what the code loads
 *   with `createRequire` at run time (handlebars, cli-progress, ajv's runtime for the precompiled
 *   validators, junit-report-builder): esbuild leaves a run-time `require` alone.
 * - The cache holds every function compiled (V8's `--no-lazy` while compiling here), not only
 *   the top level: measured within ~10 ms of a cache made by a real warm `matrix` run (smaller,
 *   deserialised faster), and made without one. A Node whose V8 rejects it (another version,
 *   or flags such as --max-old-space-size) compiles the source as usual.
 *
 * The library (dist/index.js) is not bundled: it is for importing, not for starting.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outfile = path.join(root, 'dist', 'bundle', 'cli.cjs');

await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/bin.js'],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ES build can be.
  mainFields: ['module', 'main'],
  // ajv's compiler (a fifth of the bundle) runs only for schemas the build did not precompile
  // (a project's own, see src/app/schemaValidators.ts): required from node_modules then, rather
  // than in every run's code cache. Its import() becomes that require (there can be no import()).
  external: ['koffi', 'ajv/dist/2020.js', 'ajv/dist/standalone/index.js'],
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__bundleUrl' },
  // Strict, as the ES modules it was made of: esbuild's own "use strict" comes after the banner, too late to count.
  banner: { js: `(function (exports, require, module, __filename, __dirname) {\n"use strict";\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;` },
  footer: { js: '})' },
  legalComments: 'none',
  logLevel: 'warning',
});

// The prober child, which check waits for, as one CommonJS file: no ES loader, no module graph
// (see childEntry in src/loader/spawnProbeChild.ts). It loads koffi's CommonJS entry.
await build({
  absWorkingDir: root,
  entryPoints: ['dist/loader/probeChild.js'],
  outfile: path.join(root, 'dist', 'bundle', 'probeChild.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['koffi'],
  legalComments: 'none',
  logLevel: 'warning',
});

const source = readFileSync(outfile, 'utf8');
// An `import()` left in would fail: a vm.Script compiled from a code cache has no dynamic import
// callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on Node 20.20, even with importModuleDynamically).
if (/\bimport\(/.test(source)) throw new Error(`${path.relative(root, outfile)} holds an import(): bundle that module too, or load it with createRequire`);
v8.setFlagsFromString('--no-lazy');
const script = new vm.Script(source, { filename: outfile });
// Back to the default before the cache is made: it records the flags, and the CLI runs lazily.
v8.setFlagsFromString('--lazy');
writeFileSync(`${outfile}.v8cache`, script.createCachedData());
