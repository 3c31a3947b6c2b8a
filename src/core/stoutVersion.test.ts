import { describe, expect, it } from 'vitest';
import { formatVersion, parseVersion, versionEquals, versionLess, type VersionGrammar } from './stoutVersion.js';

const legacy023: VersionGrammar = { parser: 'legacy', hexComponents: false }; // 0.21.0 – 0.26.x
const legacy027: VersionGrammar = { parser: 'legacy', hexComponents: true }; // 0.27.0 – 1.2.0
const semver: VersionGrammar = { parser: 'semver', hexComponents: true }; // 1.2.1 – 1.11.0

const badNumber = (c: string) => `Invalid version component '${c}': Failed to convert '${c}' to number`;

// Every row of loader-facts §9 "Empirical table [verified]": input → (<= 1.2.0 at 0.23.1, >= 1.2.1 at 1.11.0).
// A string result is the printed version, an object the exact error text.
const EMPIRICAL: ReadonlyArray<readonly [string, string | { error: string }, string | { error: string }]> = [
  ['0.23.1', '0.23.1', '0.23.1'],
  ['0.23', '0.23.0', '0.23.0'],
  ['0.23.1-rc1', '0.23.1', '0.23.1-rc1'],
  ['1.0.0-SNAPSHOT', '1.0.0', '1.0.0-SNAPSHOT'],
  ['0.23.1+build', { error: badNumber('1+build') }, '0.23.1+build'],
  ['0.23.1+build.5', { error: 'Version string has 4 components; maximum 3 components allowed' }, '0.23.1+build.5'],
  ['0.23.1-rc1+b2', '0.23.1', '0.23.1-rc1+b2'],
  ['1.11.0-', '1.11.0', { error: 'Invalid prerelease label: Empty label' }],
  ['1.11.0+', { error: badNumber('0+') }, { error: 'Invalid build label: Empty label' }],
  ['1.2.3.4', { error: 'Version string has 4 components; maximum 3 components allowed' }, { error: 'Version has 4 components; maximum 3 components allowed' }],
  ['01.002.0003', '1.2.3', '1.2.3'],
  ['0x1.0.0', { error: badNumber('0x1') }, '1.0.0'],
  ['+1.0.0', '1.0.0', { error: badNumber('') }],
  [' 1.0.0', { error: badNumber(' 1') }, { error: badNumber(' 1') }],
  ['1.0.0 ', { error: badNumber('0 ') }, { error: badNumber('0 ') }],
  ['v1.0.0', { error: badNumber('v1') }, { error: badNumber('v1') }],
  ['1.a.0', { error: badNumber('a') }, { error: badNumber('a') }],
  ['', { error: badNumber('') }, { error: badNumber('') }],
  ['.1.0', { error: badNumber('') }, { error: badNumber('') }],
  ['-1.0.0', { error: badNumber('') }, { error: badNumber('') }],
  ['2147483648.0.0', { error: badNumber('2147483648') }, '2147483648.0.0'],
  ['4294967296.0.0', { error: badNumber('4294967296') }, { error: badNumber('4294967296') }],
  ['1.0.0-rc_1', '1.0.0', { error: "Invalid prerelease label: Identifier contains illegal character: '_'" }],
  ['1.0.0-rc..1', '1.0.0', { error: 'Invalid prerelease label: Empty identifier' }],
  ['1.0.0--x', '1.0.0', '1.0.0--x'],
];

function show(input: string, grammar: VersionGrammar): string | { error: string } {
  const parsed = parseVersion(input, grammar);
  return parsed.ok ? formatVersion(parsed.version) : { error: parsed.error };
}

describe('Version::parse, loader-facts §9 empirical table', () => {
  it.each(EMPIRICAL)('%j', (input, legacyWant, semverWant) => {
    expect(show(input, legacy023)).toEqual(legacyWant);
    expect(show(input, semver)).toEqual(semverWant);
  });

  it('reads 0x components from 0.27.0 on, within int range', () => {
    expect(show('0x1.0.0', legacy027)).toBe('1.0.0');
    expect(show('0X1f.0.0', legacy027)).toBe('31.0.0');
    expect(show('0x7fffffff.0.0', legacy027)).toBe('2147483647.0.0');
    expect(show('0x80000000.0.0', legacy027)).toEqual({ error: badNumber('0x80000000') });
    expect(show('0x.0.0', legacy027)).toEqual({ error: badNumber('0x') });
    expect(show('0xffffffff.0.0', semver)).toBe('4294967295.0.0');
  });
});

describe('Version ordering', () => {
  const v = (text: string, grammar: VersionGrammar = semver) => {
    const parsed = parseVersion(text, grammar);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.version;
  };

  it('orders the SemVer precedence chain of loader-facts §9', () => {
    const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 0; i + 1 < chain.length; i++) {
      expect(versionLess(v(chain[i] ?? ''), v(chain[i + 1] ?? ''))).toBe(true);
      expect(versionLess(v(chain[i + 1] ?? ''), v(chain[i] ?? ''))).toBe(false);
    }
  });

  it('ignores build metadata and compares case-sensitively', () => {
    expect(versionEquals(v('1.0.0-beta.2+b'), v('1.0.0-beta.2'))).toBe(true);
    expect(versionLess(v('1.0.0-Beta.2'), v('1.0.0-beta.2'))).toBe(true);
  });

  it('leaves 1.0.0-beta.02 and 1.0.0-beta.2 unordered', () => {
    const [a, b] = [v('1.0.0-beta.02'), v('1.0.0-beta.2')];
    expect([versionLess(a, b), versionEquals(a, b), versionLess(b, a)]).toEqual([false, false, false]);
  });

  it('treats a legacy rc as the release itself, a SemVer rc as older', () => {
    expect(versionEquals(v('0.23.1-rc1', legacy023), v('0.23.1', legacy023))).toBe(true);
    expect(versionLess(v('0.23.1-rc1'), v('0.23.1'))).toBe(true);
  });

  it('compares numerically, never by dot-stripped integers', () => {
    expect(versionLess(v('0.23.1', legacy023), v('1.0.1', legacy023))).toBe(true);
    expect(versionLess(v('0.9.0', legacy023), v('0.10.0', legacy023))).toBe(true);
  });
});
