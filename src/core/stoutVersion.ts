import { numify } from './numify.js';

/**
 * stout's `Version` as each release's loader parses, orders and prints it
 * (loader-facts §9). Two grammars:
 * - `legacy` (0.21.0 – 1.2.0): the part before the first `-`, at most three `int` components;
 *   labels are discarded.
 * - `semver` (1.2.1 – 1.11.0): SemVer 2.0.0 plus leading zeros and missing minor/patch,
 *   `uint32_t` components, prerelease and build labels (`1.2.1:3rdparty/stout/include/stout/version.hpp`).
 */
export interface VersionGrammar {
  readonly parser: 'legacy' | 'semver';
  /** Whether a component may be written `0x…` (stout numify from 0.27.0). */
  readonly hexComponents: boolean;
}

export interface StoutVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly string[];
  readonly build: readonly string[];
}

export type VersionParse = { readonly ok: true; readonly version: StoutVersion } | { readonly ok: false; readonly error: string };

const MAX_COMPONENTS = 3;

const parsedCache = new Map<string, Map<string, VersionParse>>();

/** The longest input kept in the memo. */
const MEMO_LENGTH = 256;

/**
 * `Version::parse`: the parsed version, or the exact error text stout returns. Results are
 * immutable and memoised per grammar: a matrix over every release parses the same few strings
 * some 10^5 times.
 */
export function parseVersion(input: string, grammar: VersionGrammar): VersionParse {
  const grammarKey = `${grammar.parser}${grammar.hexComponents ? '+hex' : ''}`;
  let cache = parsedCache.get(grammarKey);
  if (!cache) parsedCache.set(grammarKey, (cache = new Map()));
  let parsed = cache.get(input);
  if (parsed === undefined) {
    parsed = grammar.parser === 'legacy' ? parseLegacy(input, grammar) : parseSemver(input, grammar);
    // Real version strings are short; a library's 1 MB "version" is parsed, never kept.
    if (cache.size < 50_000 && input.length <= MEMO_LENGTH) cache.set(input, parsed);
  }
  return parsed;
}

function parseLegacy(input: string, grammar: VersionGrammar): VersionParse {
  const components = (input.split('-')[0] ?? '').split('.');
  if (components.length > MAX_COMPONENTS) {
    return fail(`Version string has ${components.length} components; maximum ${MAX_COMPONENTS} components allowed`);
  }
  return numbers(components, 'int', grammar, [], []);
}

function parseSemver(input: string, grammar: VersionGrammar): VersionParse {
  const [beforeBuild, buildText] = splitOnce(input, '+');
  let build: readonly string[] = [];
  if (buildText !== undefined) {
    const label = parseLabel(buildText);
    if (typeof label === 'string') return fail(`Invalid build label: ${label}`);
    build = label;
  }
  // The prerelease label may itself contain hyphens: only the first one separates it.
  const [numeric, prereleaseText] = splitOnce(beforeBuild, '-');
  let prerelease: readonly string[] = [];
  if (prereleaseText !== undefined) {
    const label = parseLabel(prereleaseText);
    if (typeof label === 'string') return fail(`Invalid prerelease label: ${label}`);
    prerelease = label;
  }
  const components = numeric.split('.');
  if (components.length > MAX_COMPONENTS) {
    return fail(`Version has ${components.length} components; maximum ${MAX_COMPONENTS} components allowed`);
  }
  return numbers(components, 'uint32', grammar, prerelease, build);
}

function numbers(
  components: readonly string[],
  target: 'int' | 'uint32',
  grammar: VersionGrammar,
  prerelease: readonly string[],
  build: readonly string[],
): VersionParse {
  const values = [0, 0, 0];
  for (const [index, component] of components.entries()) {
    const result = target === 'uint32' ? numericIdentifier(component, grammar) : numify(component, target, grammar.hexComponents);
    if (!result.ok) return fail(`Invalid version component '${component}': ${result.error}`);
    values[index] = result.value;
  }
  const [major = 0, minor = 0, patch = 0] = values;
  return { ok: true, version: { major, minor, patch, prerelease, build } };
}

/** `parseNumericIdentifier`: identifiers beginning with a hyphen are not numeric (SemVer). */
function numericIdentifier(identifier: string, grammar: VersionGrammar) {
  if (identifier.startsWith('-')) return { ok: false as const, error: 'Contains leading hyphen' };
  return numify(identifier, 'uint32', grammar.hexComponents);
}

function parseLabel(label: string): readonly string[] | string {
  if (label === '') return 'Empty label';
  const identifiers = label.split('.');
  for (const identifier of identifiers) {
    if (identifier === '') return 'Empty identifier';
    // std::isalnum in the C locale. stout reports the first offending *byte*; for a
    // non-ASCII character we report the whole character (a JS string has no bytes).
    const illegal = /[^A-Za-z0-9-]/u.exec(identifier);
    if (illegal) return `Identifier contains illegal character: '${illegal[0]}'`;
  }
  return identifiers;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function fail(error: string): VersionParse {
  return { ok: false, error };
}

/** `operator==`: numbers and prerelease identifiers (as strings); build metadata is ignored. */
export function versionEquals(a: StoutVersion, b: StoutVersion): boolean {
  return (
    a.major === b.major &&
    a.minor === b.minor &&
    a.patch === b.patch &&
    a.prerelease.length === b.prerelease.length &&
    a.prerelease.every((identifier, index) => identifier === b.prerelease[index])
  );
}

/**
 * `operator<`. For legacy versions (never labelled) this is the plain numeric order. Note that
 * SemVer-era versions can be neither <, == nor > (`1.0.0-beta.02` vs `1.0.0-beta.2`).
 */
export function versionLess(a: StoutVersion, b: StoutVersion): boolean {
  if (a.major !== b.major) return a.major < b.major;
  if (a.minor !== b.minor) return a.minor < b.minor;
  if (a.patch !== b.patch) return a.patch < b.patch;
  if (a.prerelease.length > 0 && b.prerelease.length === 0) return true;
  if (a.prerelease.length === 0 && b.prerelease.length > 0) return false;
  const common = Math.min(a.prerelease.length, b.prerelease.length);
  for (let index = 0; index < common; index++) {
    const left = a.prerelease[index] ?? '';
    const right = b.prerelease[index] ?? '';
    // Identifiers compare numerically when stout can numify them (hex included).
    const leftNumber = numericIdentifier(left, { parser: 'semver', hexComponents: true });
    const rightNumber = numericIdentifier(right, { parser: 'semver', hexComponents: true });
    if (leftNumber.ok && rightNumber.ok) {
      if (leftNumber.value !== rightNumber.value) return leftNumber.value < rightNumber.value;
    } else if (leftNumber.ok) {
      return true;
    } else if (rightNumber.ok) {
      return false;
    } else if (left !== right) {
      return left < right;
    }
  }
  return a.prerelease.length < b.prerelease.length;
}

/** `stringify(Version)`: `M.m.p[-pre][+build]` (labels are always empty in the legacy era). */
export function formatVersion(version: StoutVersion): string {
  const pre = version.prerelease.length > 0 ? `-${version.prerelease.join('.')}` : '';
  const build = version.build.length > 0 ? `+${version.build.join('.')}` : '';
  return `${version.major}.${version.minor}.${version.patch}${pre}${build}`;
}
