import { intendedManifest } from './fixtureSpec.js';
import { gateFinding, jsonPointer, type GateFinding, type StaleCell } from './gateFinding.js';
import { planMatrix } from './planMatrix.js';
import { selectMatrix } from './selectMatrix.js';
import type { VersionTable } from './versionTable.js';
import { verifyModule } from './verifyModule.js';

/**
 * Whether the committed expected matrix still says what the table predicts, without compiling
 * anything. For real hosts each cell is a function of the table: Mesos's checks on the manifest
 * the fixture declares (every `matrix` run fails with `differs-from-table` when a library does
 * otherwise). So a change to a minimum must come with `matrix --update`; a release added, with
 * its column and rows. One finding per missing host column, per missing row, and per row whose
 * recorded cells differ.
 */
export function staleExpected(table: VersionTable, file: string): GateFinding[] {
  const findings: GateFinding[] = [];
  const { expected } = table;
  const recorded = new Set(expected.hosts);
  for (const host of table.releases) {
    if (!recorded.has(host.release)) findings.push(gateFinding('stale-expected', { release: host.release, file, pointer: jsonPointer('hosts'), detail: 'host' }));
  }
  const plan = planMatrix(selectMatrix(table, { releases: 'all', kinds: undefined, only: undefined, whatIf: [] }));
  for (const row of plan.rows) {
    const at = { release: row.builtFor, kind: row.kind, file, pointer: jsonPointer('rows', row.id) };
    if (!Object.hasOwn(expected.rows, row.id)) {
      findings.push(gateFinding('stale-expected', { ...at, detail: 'row' }));
      continue;
    }
    const manifest = intendedManifest(row);
    const cells = plan.hosts.flatMap((host): StaleCell[] => {
      if (!recorded.has(host.release)) return [];
      const predicted = verifyModule(host.host, row.moduleName, manifest).stage;
      const committed = expected.stageAt(row.id, host.release);
      return committed === predicted ? [] : [{ host: host.release, committed, predicted }];
    });
    if (cells.length > 0) findings.push(gateFinding('stale-expected', { ...at, detail: 'cells', cells }));
  }
  return findings;
}
