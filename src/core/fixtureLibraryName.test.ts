import { describe, expect, it } from 'vitest';
import { standardFixture } from './fixtureSpec.js';
import { fixtureLibraryName, relocateStrings } from './fixtureLibraryName.js';
import { placeholderInterface } from './placeholderInterface.js';

const fixture = (id: string, kind: string, builtFor: string) => standardFixture(id, kind, builtFor, 'true', 'test', placeholderInterface(kind));

describe('fixtureLibraryName', () => {
  it.each([
    [fixture('Isolator/0.24.1', 'Isolator', '0.24.1'), 'fixtures/libIsolator-0.24.1.so'],
    [fixture('documented:Isolator/0.21.0', 'Isolator', '0.21.0'), 'fixtures/documented/libIsolator-0.21.0.so'],
  ])('names %j by fixture', (spec, want) => expect(fixtureLibraryName(spec)).toBe(want));
});

describe('relocateStrings', () => {
  const lib = '/home/ci/cache/fixtures/0123abcd/libHook-1.0.0.so';
  it('replaces every occurrence in every string, longest first, and leaves other values alone', () => {
    const outcome = { stage: 'symbol', dlerror: `${lib}: undefined symbol: x`, nested: [{ text: `dlopen('${lib}') in /home/ci/cache/fixtures/0123abcd/fixture.cpp`, n: 3, ok: true, none: null }] };
    const replacements = [
      [lib, 'fixtures/libHook-1.0.0.so'],
      ['/home/ci/cache/fixtures/0123abcd', 'fixtures'],
    ] as const;
    expect(relocateStrings(outcome, replacements)).toEqual({
      stage: 'symbol',
      dlerror: 'fixtures/libHook-1.0.0.so: undefined symbol: x',
      nested: [{ text: "dlopen('fixtures/libHook-1.0.0.so') in fixtures/fixture.cpp", n: 3, ok: true, none: null }],
    });
  });

  it('returns the value itself when nothing is to be replaced', () => {
    const value = { a: 'x' };
    expect(relocateStrings(value, [['', 'y'], ['x', 'x']])).toBe(value);
  });
});
