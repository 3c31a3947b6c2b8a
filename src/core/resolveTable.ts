import compare from 'semver/functions/compare.js';
import { ConfigError } from './errors.js';
import { expectedFromFile, type ExpectedMatrixFile } from './expectedMatrix.js';
import type { FlagRules } from './flagRules.js';
import { grammarOf, type LoaderRules } from './host.js';
import type { KindInterface } from './kindInterface.js';
import { placeOf } from './parseJsonText.js';
import type { ValidateDocument } from './schemaValidator.js';
import type { Stage } from './stage.js';
import { parseVersion } from './stoutVersion.js';
import type { Release, Scenario, ScenarioRow, VersionTable } from './versionTable.js';

/** A parsed JSON document, its text (to locate problems by line and column) and the path it was read from, relative to the table folder. */
export interface TableDocument {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
}

export interface TableDocuments {
  readonly releases: readonly TableDocument[];
  readonly interfaces: readonly TableDocument[];
  readonly sets: TableDocument;
  readonly scenarios: readonly TableDocument[];
  readonly expected: TableDocument;
}

const SCHEMA = (name: string) => `https://mesos-module-matrix.dev/schemas/${name}.schema.json`;

interface ReleaseFile {
  release: string;
  moduleApiVersion: string;
  kinds: Record<string, string>;
  loader: LoaderRules;
  flags: FlagRules;
}
interface SetsFile {
  sets: Record<string, string[]>;
}
interface InterfaceFile {
  kind: string;
  interfaces: Array<Omit<KindInterface, 'cppClass' | 'implements' | 'file'> & { releases: string[]; class: string; implements: { class: string; base: string | null } }>;
}
type ScenarioFile = Omit<Scenario, 'file' | 'rows'> & { rows: Array<Omit<ScenarioRow, 'stage' | 'number'> & { stage: Stage }> };

/**
 * Validates every document of `versions/` against its schema, then checks what a schema cannot
 * (names match files, versions parse with the release's own parser, references exist), and
 * returns the resolved table. Every problem of every file is reported at once.
 */
export function resolveTable(documents: TableDocuments, validate: ValidateDocument): VersionTable {
  const problems: string[] = [];
  // `file:line:column: pointer: expected …`, as a JSON syntax error is reported.
  const problem = (document: TableDocument, pointer: string, expected: string) => {
    problems.push(`${placeOf(document.file, document.text, pointer)}: ${pointer}: expected ${expected}`);
  };
  const check = <T>(document: TableDocument, schema: string): T | undefined => {
    const found = validate(SCHEMA(schema), document.value);
    for (const { pointer, expected } of found) problem(document, pointer, expected);
    return found.length === 0 ? (document.value as T) : undefined;
  };
  const versionProblem = (document: TableDocument, pointer: string, text: string, loader: LoaderRules) => {
    const parsed = parseVersion(text, grammarOf(loader));
    if (!parsed.ok) problem(document, pointer, `a version this release's parser reads; Mesos would abort: ${parsed.error}`);
  };

  const releases: Release[] = [];
  // Releases whose own file is invalid: already reported there, not again wherever they are named.
  const invalid = new Set<string>();
  for (const document of documents.releases) {
    const file = check<ReleaseFile>(document, 'release');
    if (!file) {
      invalid.add(document.file.replace(/^.*\//, '').replace(/\.json$/, ''));
      continue;
    }
    if (!document.file.endsWith(`/${file.release}.json`)) problem(document, '/release', `the file to be named ${file.release}.json`);
    for (const [kind, minimum] of Object.entries(file.kinds)) versionProblem(document, `/kinds/${kind}`, minimum, file.loader);
    const host = { mesos: file.release, moduleApiVersion: file.moduleApiVersion, kinds: new Map(Object.entries(file.kinds)), loader: file.loader };
    releases.push({ release: file.release, host, flags: file.flags, file: document.file });
  }
  releases.sort((a, b) => compare(a.release, b.release));
  if (documents.releases.length === 0) problems.push('releases/: expected at least one release file (<release>.json)');
  const known = new Set(releases.map((release) => release.release));

  const sets = new Map<string, readonly string[]>();
  const setsFile = check<SetsFile>(documents.sets, 'sets');
  for (const [name, members] of Object.entries(setsFile?.sets ?? {})) {
    members.forEach((member, index) => {
      if (!known.has(member) && !invalid.has(member)) problem(documents.sets, `/sets/${name}/${index}`, `a release of the table, got ${JSON.stringify(member)} (add versions/releases/${member}.json or remove it)`);
    });
    sets.set(name, members);
  }

  const scenarios: Scenario[] = [];
  for (const document of documents.scenarios) {
    const file = check<ScenarioFile>(document, 'scenario');
    if (!file) continue;
    if (!document.file.endsWith(`/${file.name}.json`)) problem(document, '/name', `the file to be named ${file.name}.json`);
    file.rows.forEach((row, index) => {
      for (const field of ['mesos', 'kindMinimum', 'library'] as const) versionProblem(document, `/rows/${index}/${field}`, row[field], file.loader);
    });
    scenarios.push({ ...file, file: document.file, rows: file.rows.map((row, index) => ({ ...row, number: index + 1 })) });
  }

  const interfaces = new Map<string, Map<string, KindInterface>>();
  const byRelease = new Map(releases.map((release) => [release.release, release]));
  for (const document of documents.interfaces) {
    const file = check<InterfaceFile>(document, 'interface');
    if (!file) continue;
    if (!document.file.endsWith(`/${file.kind}.json`)) problem(document, '/kind', `the file to be named ${file.kind}.json`);
    const perRelease = new Map<string, KindInterface>();
    file.interfaces.forEach(({ releases: used, class: cppClass, implements: implemented, ...rest }, index) => {
      const face: KindInterface = { ...rest, cppClass, implements: { cppClass: implemented.class, base: implemented.base }, file: document.file };
      used.forEach((release, at) => {
        const pointer = `/interfaces/${index}/releases/${at}`;
        if (perRelease.has(release)) problem(document, pointer, `each release in one interface only, but ${release} is listed twice`);
        else if (!byRelease.get(release)?.host.kinds.has(file.kind) && !invalid.has(release)) problem(document, pointer, `a release that registers ${file.kind}, got ${release}`);
        perRelease.set(release, face);
      });
    });
    interfaces.set(file.kind, perRelease);
  }

  const expectedFile = check<ExpectedMatrixFile>(documents.expected, 'expected-matrix');
  for (const [fixture, stages] of Object.entries(expectedFile?.rows ?? {})) {
    if (expectedFile && stages.length !== expectedFile.hosts.length) {
      problem(documents.expected, `/rows/${fixture.replaceAll('~', '~0').replaceAll('/', '~1')}`, `${expectedFile.hosts.length} entries (one per host), got ${stages.length}`);
    }
  }

  if (problems.length > 0) {
    throw new ConfigError(
      `the version table is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
      'fix the files named above; each must match its JSON Schema in versions/schemas/ (nothing was built)',
    );
  }
  return { releases, sets, scenarios, interfaces, expected: expectedFromFile(expectedFile ?? { hosts: [], rows: {} }) };
}
