import { describe, expect, it } from 'vitest';
import { plainFixture } from '../../test/helpers/compileFixtures.js';
import { fixtureLibraries } from './fixtureLibraries.js';
import type { FixtureSpec } from './fixtureSpec.js';
import { placeholderInterface } from './placeholderInterface.js';

const layout = (specs: readonly FixtureSpec[]) => fixtureLibraries(specs).map((library) => [library.name, library.specs.map((spec) => spec.id)]);

describe('fixtureLibraries', () => {
  it("puts a release's standard fixtures in one library, one module per kind, largest library first, and keeps every fixture exactly once", () => {
    const specs = [plainFixture('Alpha', '0.24.1'), plainFixture('Alpha', '0.25.0'), plainFixture('Beta', '0.24.1'), plainFixture('Beta', '0.25.0'), plainFixture('Gamma', '0.25.0')];
    expect(layout(specs)).toEqual([
      ['fixtures/libmodules-0.25.0.so', ['Alpha/0.25.0', 'Beta/0.25.0', 'Gamma/0.25.0']],
      ['fixtures/libmodules-0.24.1.so', ['Alpha/0.24.1', 'Beta/0.24.1']],
    ]);
  });

  it('keeps special fixtures, a release with one fixture, and a second module of the same name or class in libraries of their own', () => {
    const specs = [
      plainFixture('Alpha', '0.24.1'),
      plainFixture('Beta', '0.24.1'),
      plainFixture('Hidden', '0.24.1', { exportSymbol: false }),
      plainFixture('Crashing', '0.24.1', { onLoad: 'crash' }),
      plainFixture('Hanging', '0.24.1', { declared: { ...plainFixture('Hanging', '0.24.1').declared, compatible: 'hang' } }),
      { ...plainFixture('Alpha', '0.24.1'), id: 'documented:Alpha/0.24.1' },
      { ...plainFixture('Beta', '0.24.1'), id: 'Beta-again/0.24.1' },
      { ...plainFixture('Delta', '0.24.1'), interface: placeholderInterface('Alpha') },
      plainFixture('Alone', '0.26.0'),
    ];
    expect(layout(specs)).toEqual([
      ['fixtures/libmodules-0.24.1.so', ['Alpha/0.24.1', 'Beta/0.24.1']],
      ['fixtures/libHidden-0.24.1.so', ['Hidden/0.24.1']],
      ['fixtures/libCrashing-0.24.1.so', ['Crashing/0.24.1']],
      ['fixtures/libHanging-0.24.1.so', ['Hanging/0.24.1']],
      ['fixtures/documented/libAlpha-0.24.1.so', ['documented:Alpha/0.24.1']],
      ['fixtures/libBeta-0.24.1.so', ['Beta-again/0.24.1']],
      ['fixtures/libDelta-0.24.1.so', ['Delta/0.24.1']],
      ['fixtures/libAlone-0.26.0.so', ['Alone/0.26.0']],
    ]);
  });
});
