#!/usr/bin/env -S npx tsx
/**
 * Refreshes versions/releases/*.json from the reference facts beside the project
 * (../shared/reference/mesos/kinds.json and the loader timeline of loader-facts.md §10).
 * Usage: npx tsx scripts/import-reference.ts [reference-dir]
 */
import { fs, path, argv } from 'zx';
import semver from 'semver';

interface ReferenceRelease {
  moduleApiVersion: string;
  MESOS_VERSION: string;
  kinds: Record<string, string>;
  source: Record<string, string>;
}

const root = path.resolve(import.meta.dirname, '..');
const referenceDir = path.resolve(String(argv._[0] ?? path.join(root, '..', 'shared', 'reference', 'mesos')));
const reference = (await fs.readJson(path.join(referenceDir, 'kinds.json'))) as Record<string, ReferenceRelease>;
const outDir = path.join(root, 'versions', 'releases');
await fs.ensureDir(outDir);

const atLeast = (release: string, since: string) => semver.gte(release, since);

for (const [release, facts] of Object.entries(reference)) {
  const kinds = Object.fromEntries(
    Object.keys(facts.kinds)
      .sort()
      // Every kind's minimum is written `MESOS_VERSION` in manager.cpp, i.e. the release itself.
      .map((kind) => [kind, facts.kinds[kind] === 'MESOS_VERSION' ? facts.MESOS_VERSION : facts.kinds[kind]]),
  );
  const file = {
    $schema: '../schemas/release.schema.json',
    release,
    moduleApiVersion: facts.moduleApiVersion,
    kinds,
    loader: {
      versionParser: atLeast(release, '1.2.1') ? 'semver' : 'legacy',
      hexComponents: atLeast(release, '0.27.0'),
      duplicateModules: !atLeast(release, '0.28.0')
        ? 'reject-before-lookup'
        : atLeast(release, '1.8.0')
          ? 'accept-identical'
          : 'accept-identical-misspelled',
      openErrorDetail: atLeast(release, '0.22.0'),
      modulesDir: atLeast(release, '1.0.0'),
    },
    sources: {
      kinds: facts.source['kinds'],
      moduleApiVersion: facts.source['moduleApiVersion'],
      // MESOS_VERSION equals the tag at every final release (loader-facts §3).
      mesosVersion: facts.source['MESOS_VERSION'],
      loader: 'shared/reference/mesos/loader-facts.md §6–§10',
    },
  };
  await fs.writeFile(path.join(outDir, `${release}.json`), `${JSON.stringify(file, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(reference).length} release files to ${path.relative(root, outDir)}`);
