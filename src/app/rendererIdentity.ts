import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from './paths.js';

const require = createRequire(import.meta.url);

/** The module that renders fixture sources, as this process runs it: `dist/codegen/*.js` or `src/codegen/*.ts`. */
const ENTRY = fileURLToPath(new URL('../codegen/renderFixture.js', import.meta.url));

let identity: Promise<string> | undefined;

/**
 * What, besides the templates and the spec, a rendered fixture source is a function of: this
 * package's version, Handlebars's version, and the text of the rendering modules — the entry
 * and every module it imports, followed through relative imports. Part of every recipe, so a
 * cache shared across branches and revisions never finds a library through a recipe another
 * revision's renderer made. Computed once per process (a dozen small files, about a millisecond).
 */
export function rendererIdentity(): Promise<string> {
  const versions = [packageVersion(path.join(PACKAGE_ROOT, 'package.json')), packageVersion('handlebars/package.json')];
  identity ??= moduleClosure(ENTRY, PACKAGE_ROOT, versions).then((closure) => closure.digest);
  return identity;
}

/**
 * The digest of `entry` and every module it reaches through relative imports, with `extra`
 * (versions); paths count relative to `root`, so two checkouts of one revision agree.
 */
export async function moduleClosure(entry: string, root: string, extra: readonly string[]): Promise<{ digest: string; files: string[] }> {
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  // Breadth first, each level read at once: the files are few, the latency is what counts.
  for (let level = [entry]; level.length > 0; ) {
    level.forEach((file) => seen.add(file));
    const found = (await Promise.all(level.map(readModule))).filter((module) => module !== null);
    for (const { file, text } of found) texts.set(path.relative(root, file), text);
    // Relative imports only: packages are covered by their versions.
    const next = found.flatMap(({ file, text }) => [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(([, specifier = '']) => path.resolve(path.dirname(file), specifier)));
    level = [...new Set(next)].filter((file) => !seen.has(file));
  }
  const files = [...texts.keys()].sort();
  const hash = createHash('sha256').update(JSON.stringify(extra));
  for (const file of files) hash.update(`\0${file}\0${texts.get(file) ?? ''}`);
  return { digest: hash.digest('hex'), files };
}

/** A module by its import specifier's path: the `.js` file when running the build, else the `.ts` source (tsx, vitest). */
async function readModule(file: string): Promise<{ file: string; text: string } | null> {
  for (const candidate of [file, file.replace(/\.js$/, '.ts')]) {
    const text = await readFile(candidate, 'utf8').catch(() => null);
    if (text !== null) return { file: candidate, text };
  }
  return null;
}

function packageVersion(specifier: string): string {
  return (require(specifier) as { version: string }).version;
}
