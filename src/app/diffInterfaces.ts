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
  // Safe minimums are counted over the selected releases, up to and including <to>.
  const order = (release: (typeof table.releases)[number]) => table.releases.indexOf(release);
  const within = [...new Set([...selectReleases(table, options.releases), b])].filter((release) => order(release) <= order(b)).sort((x, y) => order(x) - order(y));
  const safeMinimums = Object.fromEntries(
    [...b.host.kinds.keys()]
      .filter((kind) => !kinds || kinds.has(kind))
      .sort()
      .map((kind) => [kind, safeMinimum(within, table.interfaces, kind, b.release)]),
  );
  return { from: options.from, to: options.to, kinds: diffReleases(a, b, table.interfaces, kinds), safeMinimums, within: options.releases };
}
