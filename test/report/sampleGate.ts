import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { GateResult } from '../../src/core/gateResult.js';
import { gateTable } from '../../src/core/gateTable.js';
import type { VersionTable } from '../../src/core/versionTable.js';
import { packageTable } from './sampleRuns.js';

/** The package's table with minimums set: `{ '0.26.0': { Isolator: '0.24.1' } }`. */
function withMinimums(table: VersionTable, minimums: Readonly<Record<string, Readonly<Record<string, string>>>>): VersionTable {
  const releases = table.releases.map((entry) => {
    const set = minimums[entry.release];
    return set ? { ...entry, host: { ...entry.host, kinds: new Map([...entry.host.kinds, ...Object.entries(set)]) } } : entry;
  });
  return { ...table, releases };
}

/**
 * A realistic `GateResult`, in process through the pure `gateTable`: the real table before, and
 * after a change of its minimums (default: 0.26.0 lowers the Isolator to 0.24.1 — unsound, as
 * 0.25.0 removed `namespaces()` — and the QoSController to 0.23.1, sound but the expected matrix
 * not updated). The base commit is fixed, so that renderings can be snapshots.
 */
export async function sampleGateResult(minimums: Readonly<Record<string, Readonly<Record<string, string>>>> = { '0.26.0': { Isolator: '0.24.1', QoSController: '0.23.1' } }): Promise<GateResult> {
  const base = await packageTable();
  const head = withMinimums(base, minimums);
  const findings = gateTable(base, head, 'versions/expected/matrix.json');
  const entries = head.releases.reduce((sum, release) => sum + release.host.kinds.size, 0);
  const shims = readdirSync(path.join(PACKAGE_ROOT, 'src', 'shims'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  return {
    root: '.',
    base: { ref: 'main', commit: '5d97c2a1f0c4e8b3a9d2e7f6c1b0a4d8e3f2c1b0', how: 'merge base with main' },
    baseHasTable: true,
    findings,
    checked: { releases: head.releases.length, entries, expectedCells: head.releases.length * entries, shims },
  };
}
