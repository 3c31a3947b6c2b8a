#!/usr/bin/env -S npx tsx
/**
 * Last step of `npm run build`: bundles the CLI (dist/cli/bin.js and everything it imports,
 * dependencies included) into dist/bundle/, which bin/mesos-matrix.js runs. Why: Node 20 spends
 * most of a warm run's time above its own start-up loading modules — about 130 ES modules of
 * dist/ and 60 CommonJS files of commander, semver, jsonc-parser and cli-table3, each resolved,
 * read and compiled on its own (~0.6 ms apiece) — and it has no compile cache
 * (`module.enableCompileCache` came in Node 22.1). One file per entry point costs a fraction.
 *
 * What stays out, and why it still works from dist/bundle/ (two folders below the package root,
 * as dist/app/ is, so every `import.meta.url`-relative path resolves to the same file):
 * - koffi: a native addon, loaded only by the prober child, which runs dist/loader/probeChild.js;
 * - what the code loads with `createRequire` at run time (handlebars, cli-progress, ajv's
 *   runtime for the precompiled validators, junit-report-builder, dist/templates/precompiled.cjs):
 *   esbuild leaves a runtime `require` alone, and the banner gives each chunk one.
 * Dynamic `import()`s become chunks of their own (splitting), so a command still loads only
 * what it uses. The library (dist/index.js) is not bundled: it is for importing, not starting.
 */
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/bin.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ES build can be.
  mainFields: ['module', 'main'],
  external: ['koffi'],
  // Bundled CommonJS (commander, semver) requires Node's built-ins; an ES module has no `require`.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
