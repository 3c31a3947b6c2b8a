import type { KindInterface } from './kindInterface.js';
import type { Manifest } from './manifest.js';

/** What a fixture's `compatible` member points to. */
export type CompatibleBehaviour = 'absent' | 'true' | 'false' | 'crash' | 'hang';

/** The manifest a fixture's constructor stores; `null` renders as a NULL pointer. */
export interface DeclaredManifest {
  readonly moduleApiVersion: string | null;
  readonly mesosVersion: string | null;
  readonly kind: string | null;
  readonly authorName: string | null;
  readonly authorEmail: string | null;
  readonly description: string | null;
  readonly compatible: CompatibleBehaviour;
}

/**
 * One fixture dynlib: a module implementing `kind`'s interface as of release `builtFor`,
 * exported under `moduleName` with the declared manifest. The faults make misbehaving
 * libraries for the loader's tests.
 */
export interface FixtureSpec {
  /** `Isolator/0.24.1`, or `<scenario>:<kind>/<version>` for a scenario's fixture. */
  readonly id: string;
  readonly kind: string;
  readonly builtFor: string;
  readonly moduleName: string;
  /** The table file the fixture derives from, named in the generated source's header. */
  readonly origin: string;
  /** The interface of `kind` at `builtFor` that the fixture implements. */
  readonly interface: KindInterface;
  readonly declared: DeclaredManifest;
  /** `false`: the module object has internal linkage, so `dlsym` cannot find it. */
  readonly exportSymbol: boolean;
  /** What the library's static initialisers do during `dlopen`. */
  readonly onLoad: 'construct' | 'crash' | 'hang';
}

export const FIXTURE_AUTHOR = { authorName: 'mesos-module-matrix', authorEmail: 'fixtures@mesos-module-matrix.invalid' } as const;

/** The module name fixtures export: the reversed-domain convention of the Mesos docs. */
export function fixtureModuleName(kind: string): string {
  return `org_apache_mesos_matrix_${kind}`;
}

/** A well-behaved fixture of `kind` built against `builtFor`, as a real module author would write it. */
export function standardFixture(
  id: string,
  kind: string,
  builtFor: string,
  compatible: CompatibleBehaviour,
  origin: string,
  face: KindInterface,
): FixtureSpec {
  return {
    id,
    kind,
    builtFor,
    moduleName: fixtureModuleName(kind),
    origin,
    interface: face,
    declared: {
      moduleApiVersion: '2',
      mesosVersion: builtFor,
      kind,
      ...FIXTURE_AUTHOR,
      description: `${kind} fixture built against Mesos ${builtFor}`,
      compatible,
    },
    exportSymbol: true,
    onLoad: 'construct',
  };
}

/** The manifest the table intends: what a correct build of the spec must show when loaded. */
export function intendedManifest(spec: FixtureSpec): Manifest {
  const { compatible, ...fields } = spec.declared;
  const outcome: Manifest['compatible'] =
    compatible === 'absent'
      ? { present: false }
      : compatible === 'true' || compatible === 'false'
        ? { present: true, returned: compatible === 'true' }
        : { present: true, failed: compatible === 'crash' ? 'crash' : 'timeout', detail: `compatible() is built to ${compatible}` };
  return { ...fields, compatible: outcome, create: true };
}
