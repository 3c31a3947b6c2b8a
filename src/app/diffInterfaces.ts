import { diffReleases, safeMinimum } from '../core/diffInterfaces.js';
import { findRelease, selectKinds, selectReleases } from '../core/selectReleases.js';
import type { DiffReport } from '../report/renderDiff.js';
import { readTable } from './readTable.js';

/** What `diffInterfaces` compares. */
export interface DiffOptions {
  /** The earlier release, as the table spells it (`0.23.1`). */
  readonly from: string;
  /** The later release. */
  readonly to: string;
  /** Only this kind (default: every kind of either release). */
  readonly kind: string | undefined;
  /** The releases safe minimums are counted over (a set, a list or a semver range; default `default`). */
  readonly releases: string;
  readonly tableDir: string;
  readonly cacheDir: string;
}

/** Per kind, how the interface changed from `from` to `to`, and each kind's safe minimum at `to`. */
export async function diffInterfaces(options: DiffOptions): Promise<DiffReport> {
  const table = await readTable(options.tableDir, options.cacheDir);
  const [a, b] = [findRelease(table, options.from, 'diff'), findRelease(table, options.to, 'diff')];
  const kinds = options.kind === undefined ? undefined : selectKinds([a, b], options.kind);
  // A minimum admits every build between it and the host, so safe minimums walk the whole
  // table; the selection (and the two releases compared) only limits which release is named.
  const within = new Set([...selectReleases(table, options.releases), a, b].map((release) => release.release));
  const safeMinimums = Object.fromEntries(
    [...b.host.kinds.keys()]
      .filter((kind) => !kinds || kinds.has(kind))
      .sort()
      .map((kind) => [kind, safeMinimum(table.releases, table.interfaces, kind, b.release, within)]),
  );
  const fromIsOlder = table.releases.indexOf(a) <= table.releases.indexOf(b);
  return { from: options.from, to: options.to, kinds: diffReleases(a, b, table.interfaces, kinds, fromIsOlder), safeMinimums, within: options.releases };
}
