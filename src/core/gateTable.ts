import type { GateFinding } from './gateFinding.js';
import { gateSoundness } from './gateSoundness.js';
import { staleExpected } from './staleExpected.js';
import { tableChanges } from './tableChanges.js';
import type { VersionTable } from './versionTable.js';

/**
 * The gate on a change to the version table, pure: `base` is the table before (`null` when the
 * base has none), `head` after. Returns what changed (information), every entry that admits a
 * build its kind's interface changes break (`unsound`, `missing-bump`, `unverifiable`), the
 * minimums the change touched that could go lower (`could-relax`), and whether the committed
 * expected matrix (`expectedFile`, as shown) still matches the table (`stale-expected`).
 * Generated shims are checked by the caller, which can read them.
 */
export function gateTable(base: VersionTable | null, head: VersionTable, expectedFile: string): GateFinding[] {
  const { findings, touched } = tableChanges(base, head);
  return [...findings, ...gateSoundness(head, touched), ...staleExpected(head, expectedFile)];
}
