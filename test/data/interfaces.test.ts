import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_DIR } from '../../src/app/paths.js';
import { readTable } from '../../src/app/readTable.js';
import { diffReleases, safeMinimum, type InterfaceChange } from '../../src/core/diffInterfaces.js';
import type { VersionTable } from '../../src/core/versionTable.js';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { readReference, referenceTitle } from '../helpers/reference.js';

interface ReferenceDiff {
  from: string;
  to: string;
  kindsAdded: string[];
  kindsRemoved: string[];
  kinds: Record<string, { header?: { from: string; to: string }; class?: { from: string; to: string }; structure?: { from: string; to: string }; methods?: Array<{ change: string; name: string; sig?: string; from?: unknown; to?: unknown }> }>;
}

/**
 * Both sides as comparable lines. Static factories are not what a module author implements, and
 * SecretGenerator has a Module<T> but no kindToVersion entry (loader-facts §2): it is no kind.
 */
function referenceLines(diff: ReferenceDiff): string[] {
  const kinds = (names: string[]) => names.filter((kind) => kind !== 'SecretGenerator');
  const lines = [...kinds(diff.kindsAdded).map((kind) => `${kind} kind-added`), ...kinds(diff.kindsRemoved).map((kind) => `${kind} kind-removed`)];
  for (const [kind, changes] of Object.entries(diff.kinds)) {
    if (changes.header) lines.push(`${kind} header-moved ${changes.header.from} → ${changes.header.to}`);
    if (changes.class) lines.push(`${kind} class-moved ${changes.class.from} → ${changes.class.to}`);
    if (changes.structure) lines.push(`${kind} structure-changed ${changes.structure.from} → ${changes.structure.to}`);
    for (const method of changes.methods ?? []) {
      if (method.change === 'added') lines.push(`${kind} method-added ${method.sig}`);
      else if (method.change === 'removed') lines.push(`${kind} method-removed ${method.sig}`);
      else if (method.change === 'signature') lines.push(`${kind} signature-changed ${method.from} → ${method.to}`);
      else if (method.change === 'virtual-order') lines.push(`${kind} order-changed ${JSON.stringify(method.from)} → ${JSON.stringify(method.to)}`);
    }
  }
  return lines.sort();
}

function ourLines(kind: string, change: InterfaceChange): string {
  switch (change.change) {
    case 'kind-added':
    case 'kind-removed':
      return `${kind} ${change.change}`;
    case 'method-added':
    case 'method-removed':
      return `${kind} ${change.change} ${change.signature}`;
    case 'order-changed':
      return `${kind} order-changed ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`;
    case 'no-interface-data':
      return `${kind} no-interface-data ${change.release}`;
    default:
      return `${kind} ${change.change} ${change.from} → ${change.to}`;
  }
}

let table: VersionTable;
beforeAll(async () => {
  table = await readTable(DEFAULT_TABLE_DIR, temporaryDir('interfaces-cache'));
});
const release = (name: string) => table.releases.find((candidate) => candidate.release === name) ?? (() => { throw new Error(name); })();

const diffs = readReference<ReferenceDiff[]>('interfaces-diff.json');

describe.skipIf(!diffs)(referenceTitle('interface diffs', 'interfaces-diff.json', diffs), () => {
  const reference = diffs ?? [];
  it.each(reference.map((diff) => [diff.from, diff.to, diff] as const))('%s → %s', (from, to, diff) => {
    const ours = diffReleases(release(from), release(to), table.interfaces).flatMap(({ kind, changes }) => changes.map((change) => ourLines(kind, change)));
    expect(ours.sort()).toEqual(referenceLines(diff));
  });
});

describe('safe minimums', () => {
  it('at 0.26.0 within the default releases agree with the changelog', () => {
    const defaults = table.releases.filter((candidate) => table.sets.get('default')?.includes(candidate.release));
    const at = (kind: string) => safeMinimum(defaults, table.interfaces, kind, '0.26.0');
    expect(Object.fromEntries(['QoSController', 'Authenticator', 'ResourceEstimator', 'Isolator', 'Allocator', 'Hook', 'Authorizer', 'TestModule'].map((kind) => [kind, at(kind)]))).toEqual({
      QoSController: '0.23.1',
      Authenticator: '0.23.1',
      ResourceEstimator: '0.23.1',
      Isolator: '0.25.0',
      Allocator: '0.26.0',
      Hook: '0.26.0',
      Authorizer: '0.24.1',
      TestModule: '0.23.1',
    });
  });

  it('go back across patch releases with the whole table', () => {
    expect(safeMinimum(table.releases, table.interfaces, 'Authenticator', '1.11.0')).toBe('0.23.0');
    expect(safeMinimum(table.releases, table.interfaces, 'Isolator', '0.26.2')).toBe('0.25.0');
    expect(safeMinimum(table.releases, table.interfaces, 'Authorizer', '0.24.0')).toBe('0.24.0');
  });
});
