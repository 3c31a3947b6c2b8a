#!/usr/bin/env -S npx tsx
/**
 * Refreshes versions/releases/*.json from the reference facts beside the project
 * (../shared/reference/mesos/kinds.json and the loader timeline of loader-facts.md §10), and the
 * flag parser's facts per release (`flags`, boundaries below, cited in test/data/mesosTexts.test.ts).
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

// How the flag parser reads --modules, per release: each boundary read at its tag (the texts and
// tags are cited, as data, in test/data/mesosTexts.test.ts).
const ABSOLUTE_PATH_WARNING = (article: string) =>
  `Specifying ${article} absolute filename to read a command line option out of without using 'file:// is deprecated and will be removed in a future release. Simply adding 'file://' to the beginning of the path should eliminate this warning.`;
const flagRules = (release: string) => ({
  // src/Makefile.am sbin_PROGRAMS: mesos-slave until 0.28.x; mesos-agent from 1.0.0 (mesos-slave stays as an alias).
  binaries: { agent: atLeast(release, '1.0.0') ? 'mesos-agent' : 'mesos-slave', master: 'mesos-master' },
  // stout flags/fetch.hpp appears in 0.22.0.
  fetch: atLeast(release, '0.22.0'),
  // stout flags/parse.hpp parse<JSON::Object>: "a absolute" 0.22.0 – 0.26.x, "an absolute" from 0.27.0.
  absolutePathWarning: !atLeast(release, '0.22.0') ? null : ABSOLUTE_PATH_WARNING(atLeast(release, '0.27.0') ? 'an' : 'a'),
  // stout os/read.hpp (os/posix/read.hpp 0.24.x – 0.25.x): the open error's prefix.
  openError: !atLeast(release, '1.0.0') ? 'path' : atLeast(release, '1.6.0') ? 'errno' : 'plain',
  // picojson 4f93734 to 0.24.x, 1.3.0 (throws on overflow) from 0.25.0; stout json.hpp catches it in 1.4.2, 1.4.3 and from 1.5.1.
  numberOverflow: !atLeast(release, '0.25.0')
    ? 'accepted'
    : semver.satisfies(release, '>=1.4.2 <1.5.0 || >=1.5.1')
      ? 'error'
      : 'terminate',
  // stout json.hpp: "Parsed JSON included non-whitespace trailing characters" from 0.26.0.
  trailingCharacters: atLeast(release, '0.26.0'),
  // stout json.hpp ParseContext STOUT_JSON_MAX_DEPTH from 1.7.1.
  maxDepth: atLeast(release, '1.7.1') ? 200 : null,
  // stout protobuf.hpp Parser(JSON::Object): nested errors returned in 0.24.2, 0.25.1, 0.26.1, 0.26.2 and from 0.27.0.
  nestedErrors: semver.satisfies(release, '0.24.2 || 0.25.1 || >=0.26.1') ? 'propagated' : 'swallowed',
  // stout protobuf.hpp Parser(JSON::Null): "Not expecting a JSON null" until 0.26.x, an unset field from 0.27.0.
  jsonNull: atLeast(release, '0.27.0') ? 'unset' : 'error',
});

const stoutDir = (release: string) => `${atLeast(release, '1.0.0') ? '' : '3rdparty/libprocess/'}3rdparty/stout/include/stout`;

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
    flags: flagRules(release),
    sources: {
      kinds: facts.source['kinds'],
      moduleApiVersion: facts.source['moduleApiVersion'],
      // MESOS_VERSION equals the tag at every final release (loader-facts §3).
      mesosVersion: facts.source['MESOS_VERSION'],
      loader: 'shared/reference/mesos/loader-facts.md §6–§10',
      flags: `${release}: src/Makefile.am, ${stoutDir(release)}/flags/fetch.hpp, flags/parse.hpp, os/read.hpp, json.hpp, protobuf.hpp, picojson (3rdparty)`,
    },
  };
  await fs.writeFile(path.join(outDir, `${release}.json`), `${JSON.stringify(file, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(reference).length} release files to ${path.relative(root, outDir)}`);

// Interfaces: each distinct interface of a kind once, with the releases that use it.
interface ReferenceMethod {
  name: string;
  returns: string | null;
  params: Array<{ type: string; name: string; default: string | null }>;
  pure: boolean;
  const: boolean;
  virtual: boolean;
  kind?: string;
}
interface ReferenceInterface {
  header: string;
  class: string;
  base: string | null;
  methods: ReferenceMethod[];
  source: string;
  registeredInKindToVersion: boolean;
  wrapper?: boolean;
  implementedVia?: { class: string; base: string | null; methods: ReferenceMethod[] };
}
const all = (await fs.readJson(path.join(referenceDir, 'interfaces-all.json'))) as Record<string, Record<string, ReferenceInterface>>;
const method = (m: ReferenceMethod) => ({
  name: m.name,
  returns: m.returns,
  params: m.params.map((p) => ({ type: p.type, name: p.name, default: p.default })),
  pure: m.pure,
  const: m.const,
  destructor: m.kind === 'destructor',
});
const byKind = new Map<string, Array<{ releases: string[]; sources: string[]; definition: object }>>();
for (const [release, kinds] of Object.entries(all)) {
  for (const [kind, reference] of Object.entries(kinds)) {
    // SecretGenerator has a Module<T> but no kindToVersion entry: not a loadable kind.
    if (!reference.registeredInKindToVersion) continue;
    const wrapper = reference.wrapper === true && reference.implementedVia !== undefined;
    const implemented = wrapper ? reference.implementedVia! : reference;
    const definition = {
      header: reference.header,
      class: reference.class,
      structure: wrapper ? 'wrapper' : 'abstract',
      implements: { class: implemented.class, base: implemented.base },
      // The virtual methods a module author implements, in vtable order.
      methods: implemented.methods.filter((m) => m.virtual || m.kind === 'destructor').map(method),
    };
    const entries = byKind.get(kind) ?? [];
    const same = entries.find((entry) => JSON.stringify(entry.definition) === JSON.stringify(definition));
    if (same) {
      same.releases.push(release);
      same.sources.push(reference.source);
    } else entries.push({ releases: [release], sources: [reference.source], definition });
    byKind.set(kind, entries);
  }
}
const interfacesDir = path.join(root, 'versions', 'interfaces');
await fs.ensureDir(interfacesDir);
for (const [kind, entries] of byKind) {
  const file = {
    $schema: '../schemas/interface.schema.json',
    kind,
    interfaces: entries.map((entry) => ({ releases: entry.releases, source: entry.sources[0], ...entry.definition })),
  };
  await fs.writeFile(path.join(interfacesDir, `${kind}.json`), `${JSON.stringify(file, null, 2)}\n`);
}
console.log(`wrote ${byKind.size} interface files to ${path.relative(root, interfacesDir)}`);
