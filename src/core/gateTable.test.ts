import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_DIR } from '../app/paths.js';
import { readTable } from '../app/readTable.js';
import { gateTable } from './gateTable.js';
import type { KindInterface } from './kindInterface.js';
import type { VersionTable } from './versionTable.js';

const cache = mkdtempSync(path.join(tmpdir(), 'mesos-matrix-gate-table-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));
let table: VersionTable;
beforeAll(async () => {
  table = await readTable(DEFAULT_TABLE_DIR, cache);
});

/** The table with `kind`'s minimum at `release` set, and optionally its interface there replaced. */
function edited(release: string, kind: string, minimum: string, face?: KindInterface): VersionTable {
  const releases = table.releases.map((entry) => (entry.release === release ? { ...entry, host: { ...entry.host, kinds: new Map([...entry.host.kinds, [kind, minimum]]) } } : entry));
  const interfaces = new Map(table.interfaces);
  if (face) interfaces.set(kind, new Map([...(table.interfaces.get(kind) ?? []), [release, face]]));
  return { ...table, releases, interfaces };
}

describe('gateTable', () => {
  it('finds nothing to fail in the committed table', () => {
    expect(gateTable(table, table, 'versions/expected/matrix.json')).toEqual([]);
  });

  it('calls a break of the release’s own interface change a missing bump', () => {
    const old = table.interfaces.get('QoSController')?.get('0.26.0') as KindInterface;
    const changed = { ...old, methods: [...old.methods, { ...(old.methods.at(-1) as KindInterface['methods'][number]), name: 'corrections2' }] };
    const findings = gateTable(table, edited('0.26.0', 'QoSController', '0.25.0', changed), 'versions/expected/matrix.json');
    expect(findings.find((finding) => finding.code === 'interface-changed')).toMatchObject({ kind: 'QoSController', builds: ['0.26.0'], file: 'versions/interfaces/QoSController.json' });
    expect(findings.filter((finding) => finding.code === 'missing-bump')).toMatchObject([{ release: '0.26.0', kind: 'QoSController', rule: 'method-added', builds: ['0.25.0', '0.25.1'], from: '0.25.0', to: '0.26.0' }]);
    expect(findings.filter((finding) => finding.code === 'unsound')).toEqual([]);
  });

  it('admits a build of 0.28.x into 1.0.0 soundly and notes what else could relax', () => {
    const findings = gateTable(table, edited('1.0.0', 'Isolator', '0.28.2'), 'versions/expected/matrix.json');
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code)).toEqual(['stale-expected', 'stale-expected']);
    expect(findings.find((finding) => finding.code === 'could-relax')).toMatchObject({ release: '1.0.0', kind: 'Isolator', from: '0.28.2', to: '0.28.0' });
  });
});
