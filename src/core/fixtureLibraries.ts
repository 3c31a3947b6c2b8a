import { fixtureLibraryName } from './fixtureLibraryName.js';
import type { FixtureSpec } from './fixtureSpec.js';

/** One library to build: the fixtures of one release in one library, or a fixture in a library of its own. */
export interface FixtureLibrary {
  /** The build's id: the fixture's id, or `modules/0.24.1` for a release's library. */
  readonly id: string;
  /** Its file name in the cache entry. */
  readonly fileName: string;
  /** The name results give it (`fixtures/libmodules-0.24.1.so`): see {@link fixtureLibraryName}. */
  readonly name: string;
  readonly specs: readonly FixtureSpec[];
}

/**
 * How the fixtures are built: the standard fixtures of one release share one library, one module
 * per kind (each exports its own `org_apache_mesos_matrix_<Kind>`), as a real module library holds
 * several modules (loader-facts §3: each module is looked up by its own name). One compiler run
 * per release instead of per fixture: a fixture's compile is mostly the compiler's start-up.
 *
 * A fixture stays alone when its library is special (a scenario's, one whose module is hidden,
 * crashes or hangs on load or in `compatible()`), when it would be its release's only one, and when
 * its module name or interface class is already taken in the release's library.
 */
export function fixtureLibraries(specs: readonly FixtureSpec[]): FixtureLibrary[] {
  const byRelease = new Map<string, FixtureSpec[]>();
  const alone: FixtureSpec[] = [];
  for (const spec of specs) {
    const members = byRelease.get(spec.builtFor) ?? [];
    const taken = members.some((member) => member.moduleName === spec.moduleName || member.interface.cppClass === spec.interface.cppClass);
    if (!sharesLibrary(spec) || taken) alone.push(spec);
    else byRelease.set(spec.builtFor, [...members, spec]);
  }
  const shared = [...byRelease].flatMap(([release, members]): FixtureLibrary[] => {
    if (members.length === 1) {
      alone.push(...members);
      return [];
    }
    return [{ id: `modules/${release}`, fileName: `libmodules-${release}.so`, name: `fixtures/libmodules-${release}.so`, specs: members }];
  });
  const position = new Map(specs.map((spec, index) => [spec, index]));
  // Largest first: the compilers that take longest start first (less waiting on the last one),
  // and the biggest compiler processes run while the CLI's heap is still small.
  const largestFirst = shared.sort((a, b) => b.specs.length - a.specs.length);
  return [...largestFirst, ...alone.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)).map(ownLibrary)];
}

/** A fixture in a library of its own (`fixtures/libIsolator-0.24.1.so`): what a release's library falls back to. */
export function ownLibrary(spec: FixtureSpec): FixtureLibrary {
  return { id: spec.id, fileName: `lib${spec.kind}-${spec.builtFor}.so`, name: fixtureLibraryName(spec), specs: [spec] };
}

function sharesLibrary(spec: FixtureSpec): boolean {
  const plain = spec.declared.compatible === 'true' || spec.declared.compatible === 'false' || spec.declared.compatible === 'absent';
  return !spec.id.includes(':') && spec.exportSymbol && spec.onLoad === 'construct' && plain;
}
