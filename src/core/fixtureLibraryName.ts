import type { FixtureSpec } from './fixtureSpec.js';

/**
 * The name a fixture built alone goes by in results: `fixtures/libIsolator-0.24.1.so`, or
 * `fixtures/documented/libIsolator-0.21.0.so` for a scenario's fixture. The compiled file lives
 * in a cache whose path differs per machine and per compiler; results name it by fixture, so
 * that runs on two machines or of two revisions compare equal. (`check` keeps the user's own
 * paths: there the path is what Mesos was given.)
 */
export function fixtureLibraryName(spec: FixtureSpec): string {
  const colon = spec.id.indexOf(':');
  const scenario = colon < 0 ? '' : `${spec.id.slice(0, colon)}/`;
  return `fixtures/${scenario}lib${spec.kind}-${spec.builtFor}.so`;
}

/**
 * Replaces, in every string of a JSON value, each `[from, to]` in turn (give longer `from`s
 * first). dlerror texts, crash messages and compiler diagnostics embed the library's and the
 * source's paths; the recorded result carries the stable names instead, consistently.
 */
export function relocateStrings<T>(value: T, replacements: ReadonlyArray<readonly [string, string]>): T {
  const active = replacements.filter(([from, to]) => from !== '' && from !== to);
  if (active.length === 0) return value;
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? active.reduce((text, [from, to]) => text.replaceAll(from, to), item) : item,
  ) as T;
}
