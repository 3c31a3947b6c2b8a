import coerce from 'semver/functions/coerce.js';
import gt from 'semver/functions/gt.js';
import lt from 'semver/functions/lt.js';
import satisfies from 'semver/functions/satisfies.js';
import minVersion from 'semver/ranges/min-version.js';
import validRange from 'semver/ranges/valid.js';
import { UsageError } from './errors.js';
import type { Release, VersionTable } from './versionTable.js';

/**
 * Resolves `--releases`: a named set (`default`, `all`, or any in `versions/sets.json`), a
 * comma-separated list of releases, or a semver range as npm users write it
 * (`">=0.23.1 <0.27.0"`, `"0.28.x || 1.x"`). The semver package only *selects* releases of the
 * table; it never stands in for stout's version parsing.
 */
export function selectReleases(table: VersionTable, spec: string): readonly Release[] {
  const text = spec.trim();
  // An empty spec is a mistake (an unset shell variable), never "every release".
  if (text === '') throw new UsageError('--releases is empty', `give a set (${setNames(table)}), a list (0.24.1,0.25.0) or a semver range (">=0.23.1 <0.27.0")`);
  if (text === 'all') return table.releases;
  const named = table.sets.get(text);
  if (named) return table.releases.filter((release) => named.includes(release.release));

  const listed = text.split(',').map((part) => part.trim());
  const byName = new Map(table.releases.map((release) => [release.release, release]));
  if (listed.length > 1 || byName.has(text)) {
    const unknown = listed.filter((name) => !byName.has(name));
    if (unknown.length > 0) throw unknownReleases(table, unknown.join(', '), unknown[0] ?? '');
    return table.releases.filter((release) => listed.includes(release.release));
  }

  const range = validRange(text);
  if (range === null) {
    throw new UsageError(
      `--releases ${JSON.stringify(spec)} is neither a set (${setNames(table)}), a release, a list of releases nor a semver range`,
      validReleases(table),
    );
  }
  const selected = table.releases.filter((release) => satisfies(release.release, range));
  if (selected.length === 0) throw unknownReleases(table, text, minVersion(range)?.version ?? text);
  return selected;
}

function unknownReleases(table: VersionTable, what: string, probe: string): UsageError {
  return new UsageError(
    `no release of the table matches ${JSON.stringify(what)}${nearest(table, probe)}`,
    `${validReleases(table)} (or a set: ${setNames(table)})`,
  );
}

function nearest(table: VersionTable, probe: string): string {
  const version = coerce(probe);
  if (!version) return '';
  const below = table.releases.filter((release) => lt(release.release, version)).at(-1);
  const above = table.releases.find((release) => gt(release.release, version));
  const names = [below, above].flatMap((release) => (release ? [release.release] : []));
  return names.length > 0 ? `; nearest: ${names.join(', ')}` : '';
}

/** The hint of every "no such release" error. */
export function validReleases(table: Pick<VersionTable, 'releases'>): string {
  return `valid releases: ${table.releases.map((release) => release.release).join(' ')}`;
}

/** One release of the table by name; `what` names the argument in the error (`diff`, `--mesos`). */
export function findRelease(table: Pick<VersionTable, 'releases'>, name: string, what: string): Release {
  const found = table.releases.find((release) => release.release === name);
  if (!found) throw new UsageError(`${what}: no release ${name} in the table`, validReleases(table));
  return found;
}

function setNames(table: VersionTable): string {
  return ['all', ...table.sets.keys()].join(', ');
}

/** Resolves `--kinds` (comma-separated) against the kinds the selected releases register. */
export function selectKinds(releases: readonly Release[], spec: string | undefined): ReadonlySet<string> {
  const known = new Set(releases.flatMap((release) => [...release.host.kinds.keys()]));
  if (spec === undefined) return known;
  const wanted = spec.split(',').map((kind) => kind.trim()).filter((kind) => kind !== '');
  const unknown = wanted.filter((kind) => !known.has(kind));
  if (unknown.length > 0 || wanted.length === 0) {
    const hints = unknown.flatMap((kind) => [...known].filter((k) => k.toLowerCase() === kind.toLowerCase()).map((k) => `${kind} → ${k}`));
    throw new UsageError(
      `unknown kind${unknown.length === 1 ? '' : 's'} for the selected releases: ${unknown.join(', ') || '(none given)'}${hints.length > 0 ? ` (kinds are case-sensitive: ${hints.join(', ')})` : ''}`,
      `valid kinds: ${[...known].sort().join(' ')}`,
    );
  }
  return new Set(wanted);
}
