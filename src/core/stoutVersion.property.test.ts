import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVersion, parseVersion, versionEquals, versionLess, type StoutVersion, type VersionGrammar } from './stoutVersion.js';

// Properties of stout's `Version` (loader-facts §9) over generated strings: what the table-driven
// stoutVersion.test.ts shows for the documented rows must hold for every input. Seeded, so a
// failure names a reproducible counterexample.
const legacy023: VersionGrammar = { parser: 'legacy', hexComponents: false }; // 0.21.0 – 0.26.x
const legacy027: VersionGrammar = { parser: 'legacy', hexComponents: true }; // 0.27.0 – 1.2.0
const semver: VersionGrammar = { parser: 'semver', hexComponents: true }; // 1.2.1 – 1.11.0
const GRAMMARS = [legacy023, legacy027, semver] as const;
const RUNS = { seed: 20261130, numRuns: 300 };

const INT_MAX = 2 ** 31 - 1; // legacy components are `int` (numify<int>)
const UINT32_MAX = 2 ** 32 - 1; // SemVer components are `uint32_t`

const identifier = fc.stringMatching(/^[A-Za-z0-9-]{1,8}$/);
/** An identifier that no other spelling numifies to the same value (no leading zeros, no hex). */
const canonicalIdentifier = fc.oneof(fc.nat({ max: UINT32_MAX }).map(String), fc.stringMatching(/^[A-Za-z-][A-Za-z0-9-]{0,6}$/));

/** A version every grammar accepts, as stout holds it. */
const versionOf = (maxComponent: number, labels: fc.Arbitrary<string[]>) =>
  fc.record({ major: fc.nat({ max: maxComponent }), minor: fc.nat({ max: maxComponent }), patch: fc.nat({ max: maxComponent }), prerelease: labels, build: labels });
const legacyVersion = versionOf(INT_MAX, fc.constant([]));
const semverVersion = versionOf(UINT32_MAX, fc.array(identifier, { maxLength: 3 }));

/**
 * Versions from a few values only, so that generated pairs and triples often share their numbers
 * and prerelease identifiers, including spellings stout numifies alike (`2`, `02`, `0x2`).
 */
const nearbyVersion = versionOf(2, fc.array(fc.constantFrom('0', '1', '2', '02', '0x2', '10', '-1', 'a', 'b', 'B', 'alpha', 'rc-1'), { maxLength: 3 }));
const nearbyCanonicalVersion = versionOf(2, fc.array(fc.constantFrom('0', '1', '2', '10', '-1', 'a', 'b', 'B', 'alpha', 'rc-1'), { maxLength: 3 }));

/** Strings near the grammar's edges: separators, signs, hex prefixes, overflow, white space, control and non-ASCII bytes. */
const TOKENS = ['0', '1', '9', '00', '.', '.', '-', '+', 'x', '0x', '0X1f', 'a', 'rc', '', ' ', '\0', '\n', '\u001b[31m', '2147483648', '4294967296', '-0x1', 'é', '\u{1F600}'];
const versionish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((tokens) => tokens.join(''));
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), versionish, fc.string({ unit: 'grapheme', maxLength: 40 }));

function parsed(text: string, grammar: VersionGrammar): StoutVersion {
  const result = parseVersion(text, grammar);
  if (!result.ok) throw new Error(`'${text}' should parse: ${result.error}`);
  return result.version;
}

/** The documented error texts (loader-facts §9), each naming a piece of the input. */
function documentedError(error: string, input: string, grammar: VersionGrammar): boolean {
  // Legacy: the components precede the first '-'. SemVer: the first '+', then the first '-'
  // (a component can never hold a '-', so "Contains leading hyphen" is unreachable there).
  const numeric = grammar.parser === 'legacy' ? input.split('-')[0] : input.split('+')[0]?.split('-')[0];
  const components = (numeric ?? '').split('.');
  const tooMany = `${grammar.parser === 'legacy' ? 'Version string' : 'Version'} has ${components.length} components; maximum 3 components allowed`;
  if (error === tooMany) return components.length > 3;
  if (components.some((component) => error === `Invalid version component '${component}': Failed to convert '${component}' to number`)) return true;
  return grammar.parser === 'semver' && /^Invalid (build|prerelease) label: (Empty label|Empty identifier|Identifier contains illegal character: '[^A-Za-z0-9-]')$/u.test(error);
}

describe('Version::parse over arbitrary strings', () => {
  it.each(GRAMMARS)('never throws, and every error is one of stout\'s texts naming a piece of the input (%j)', (grammar) => {
    fc.assert(
      fc.property(anyString, (input) => {
        const result = parseVersion(input, grammar);
        if (result.ok) return;
        expect(documentedError(result.error, input, grammar), `${JSON.stringify(input)} → ${JSON.stringify(result.error)}`).toBe(true);
      }),
      { ...RUNS, numRuns: 1000 },
    );
  });

  it.each(GRAMMARS)('normalises idempotently: what it prints parses back to an equal version with the same labels (%j)', (grammar) => {
    fc.assert(
      fc.property(anyString, (input) => {
        const result = parseVersion(input, grammar);
        if (!result.ok) return;
        expect(parseVersion(formatVersion(result.version), grammar)).toEqual(result);
      }),
      { ...RUNS, numRuns: 1000 },
    );
  });

  it('survives huge inputs of every shape', () => {
    const huge = fc.tuple(fc.constantFrom('1', '.', '-', '+', 'a', '\0', '0x'), fc.integer({ min: 50_000, max: 200_000 })).map(([unit, times]) => `1.0.0${unit.repeat(times)}`);
    fc.assert(
      fc.property(huge, fc.constantFrom(...GRAMMARS), (input, grammar) => {
        const result = parseVersion(input, grammar);
        if (!result.ok) expect(documentedError(result.error, input, grammar)).toBe(true);
      }),
      { ...RUNS, numRuns: 20 },
    );
  });
});

describe('Version round trip', () => {
  it('prints a SemVer version so that it parses back to itself, and a printed version reprints unchanged', () => {
    fc.assert(
      fc.property(semverVersion, (version) => {
        const text = formatVersion(version);
        expect(parsed(text, semver)).toEqual(version);
        expect(formatVersion(parsed(text, semver))).toBe(text);
      }),
      RUNS,
    );
  });

  it.each([legacy023, legacy027])('prints a legacy version so that it parses back to itself (%j)', (grammar) => {
    fc.assert(
      fc.property(legacyVersion, (version) => {
        expect(parsed(formatVersion(version), grammar)).toEqual(version);
      }),
      RUNS,
    );
  });

  it.each([legacy023, legacy027])('discards everything after the first "-" before 1.2.1 (%j)', (grammar) => {
    fc.assert(
      fc.property(legacyVersion, fc.string({ unit: 'binary' }), (version, label) => {
        expect(parsed(`${formatVersion(version)}-${label}`, grammar)).toEqual(version);
      }),
      RUNS,
    );
  });

  it.each(GRAMMARS)('reads missing components as 0 and leading zeros as nothing (%j)', (grammar) => {
    fc.assert(
      fc.property(fc.nat({ max: INT_MAX }), fc.nat({ max: INT_MAX }), fc.nat({ max: 5 }), (major, minor, zeros) => {
        const pad = (n: number) => `${'0'.repeat(zeros)}${n}`;
        expect(parsed(pad(major), grammar)).toEqual(parsed(`${major}.0.0`, grammar));
        expect(parsed(`${pad(major)}.${pad(minor)}`, grammar)).toEqual(parsed(`${major}.${minor}.0`, grammar));
      }),
      RUNS,
    );
  });
});

describe('Version::parse errors for generated invalid inputs', () => {
  const numbers = (count: number) => fc.array(fc.nat({ max: 999 }).map(String), { minLength: count, maxLength: count });
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_ ]{0,5}$/); // never a number, in any grammar

  it('counts the components of a version with more than three', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 12 }).chain(numbers), (components) => {
        const text = components.join('.');
        expect(parseVersion(text, legacy023)).toEqual({ ok: false, error: `Version string has ${components.length} components; maximum 3 components allowed` });
        expect(parseVersion(text, semver)).toEqual({ ok: false, error: `Version has ${components.length} components; maximum 3 components allowed` });
      }),
      RUNS,
    );
  });

  it('names the first component that is not a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain(numbers), fc.nat(), word, (components, at, bad) => {
        const index = at % components.length;
        const text = components.map((component, i) => (i === index ? bad : component)).join('.');
        for (const grammar of GRAMMARS) {
          expect(parseVersion(text, grammar)).toEqual({ ok: false, error: `Invalid version component '${bad}': Failed to convert '${bad}' to number` });
        }
      }),
      RUNS,
    );
  });

  it('refuses components beyond int before 1.2.1 and beyond uint32_t from 1.2.1', () => {
    fc.assert(
      fc.property(fc.integer({ min: INT_MAX + 1, max: UINT32_MAX }), fc.integer({ min: UINT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }), (big, huge) => {
        expect(parseVersion(`1.${big}.0`, legacy027)).toEqual({ ok: false, error: `Invalid version component '${big}': Failed to convert '${big}' to number` });
        expect(parsed(`1.${big}.0`, semver).minor).toBe(big);
        expect(parseVersion(`1.${huge}.0`, semver)).toEqual({ ok: false, error: `Invalid version component '${huge}': Failed to convert '${huge}' to number` });
      }),
      RUNS,
    );
  });

  it('names the first illegal character of a label, an empty label and an empty identifier', () => {
    const illegal = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/[A-Za-z0-9.+-]/u.test(c));
    fc.assert(
      fc.property(semverVersion, identifier, illegal, identifier, (version, before, bad, after) => {
        const base = formatVersion({ ...version, prerelease: [], build: [] });
        const label = `${before}${bad}${after}`;
        expect(parseVersion(`${base}-${label}`, semver)).toEqual({ ok: false, error: `Invalid prerelease label: Identifier contains illegal character: '${bad}'` });
        expect(parseVersion(`${base}+${label}`, semver)).toEqual({ ok: false, error: `Invalid build label: Identifier contains illegal character: '${bad}'` });
        expect(parseVersion(`${base}-`, semver)).toEqual({ ok: false, error: 'Invalid prerelease label: Empty label' });
        expect(parseVersion(`${base}+`, semver)).toEqual({ ok: false, error: 'Invalid build label: Empty label' });
        expect(parseVersion(`${base}-${before}..${after}`, semver)).toEqual({ ok: false, error: 'Invalid prerelease label: Empty identifier' });
      }),
      RUNS,
    );
  });

  it('checks right to left from 1.2.1: the build label, then the prerelease label, then the components', () => {
    fc.assert(
      fc.property(word, (bad) => {
        expect(parseVersion(`${bad}.0.0-a_b+c_d`, semver)).toEqual({ ok: false, error: "Invalid build label: Identifier contains illegal character: '_'" });
        expect(parseVersion(`${bad}.0.0-a_b+cd`, semver)).toEqual({ ok: false, error: "Invalid prerelease label: Identifier contains illegal character: '_'" });
        expect(parseVersion(`${bad}.0.0-ab+cd`, semver)).toEqual({ ok: false, error: `Invalid version component '${bad}': Failed to convert '${bad}' to number` });
      }),
      RUNS,
    );
  });
});

describe('Version ordering', () => {
  const numbersOf = (v: StoutVersion) => [v.major, v.minor, v.patch];
  const tupleLess = (a: readonly number[], b: readonly number[]): boolean => {
    const at = a.findIndex((n, i) => n !== b[i]);
    return at >= 0 && (a[at] ?? 0) < (b[at] ?? 0);
  };

  it('is a strict order: irreflexive, asymmetric, transitive; == is symmetric and excludes <', () => {
    fc.assert(
      fc.property(nearbyVersion, nearbyVersion, nearbyVersion, (a, b, c) => {
        expect(versionLess(a, a)).toBe(false);
        expect(versionEquals(a, a)).toBe(true);
        expect(versionLess(a, b) && versionLess(b, a)).toBe(false);
        if (versionLess(a, b) && versionLess(b, c)) expect(versionLess(a, c)).toBe(true);
        expect(versionEquals(a, b)).toBe(versionEquals(b, a));
        if (versionEquals(a, b)) expect(versionLess(a, b) || versionLess(b, a)).toBe(false);
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it('is total when no two spellings of an identifier numify alike (exactly one of <, ==, >)', () => {
    fc.assert(
      fc.property(nearbyCanonicalVersion, nearbyCanonicalVersion, (a, b) => {
        expect([versionLess(a, b), versionEquals(a, b), versionLess(b, a)].filter(Boolean)).toHaveLength(1);
      }),
      { ...RUNS, numRuns: 1000 },
    );
    fc.assert(
      fc.property(versionOf(UINT32_MAX, fc.array(canonicalIdentifier, { maxLength: 3 })), versionOf(UINT32_MAX, fc.array(canonicalIdentifier, { maxLength: 3 })), (a, b) => {
        expect([versionLess(a, b), versionEquals(a, b), versionLess(b, a)].filter(Boolean)).toHaveLength(1);
      }),
      RUNS,
    );
  });

  it('orders differing numbers numerically, major first, whatever the labels', () => {
    fc.assert(
      fc.property(semverVersion, semverVersion, (a, b) => {
        if (numbersOf(a).join() === numbersOf(b).join()) return;
        expect(versionLess(a, b)).toBe(tupleLess(numbersOf(a), numbersOf(b)));
        expect(versionEquals(a, b)).toBe(false);
      }),
      RUNS,
    );
  });

  it('puts a prerelease before its release, and ignores build metadata', () => {
    fc.assert(
      fc.property(semverVersion, fc.array(identifier, { minLength: 1, maxLength: 3 }), fc.array(identifier, { maxLength: 3 }), (version, prerelease, build) => {
        const release = { ...version, prerelease: [] };
        expect(versionLess({ ...release, prerelease }, release)).toBe(true);
        expect(versionLess(release, { ...release, prerelease })).toBe(false);
        const rebuilt = { ...version, build };
        expect(versionEquals(version, rebuilt)).toBe(true);
        expect([versionLess(version, rebuilt), versionLess(rebuilt, version)]).toEqual([false, false]);
      }),
      RUNS,
    );
  });

  it.each([legacy023, legacy027])('compares legacy versions by their three numbers alone (%j)', (grammar) => {
    const text = fc.tuple(versionish, legacyVersion).map(([noise, version]) => `${formatVersion(version)}-${noise}`);
    fc.assert(
      fc.property(text, text, (left, right) => {
        const [a, b] = [parsed(left, grammar), parsed(right, grammar)];
        expect(versionLess(a, b)).toBe(tupleLess(numbersOf(a), numbersOf(b)));
        expect(versionEquals(a, b)).toBe(numbersOf(a).join() === numbersOf(b).join());
      }),
      RUNS,
    );
  });
});
