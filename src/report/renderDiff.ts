import type { InterfaceChange, KindDiff } from '../core/diffInterfaces.js';

import type { DiffFormat } from './formats.js';

/** What `mesos-matrix diff` shows: the changes between two releases and the safe minimums at the second. */
export interface DiffReport {
  readonly from: string;
  readonly to: string;
  readonly kinds: readonly KindDiff[];
  /** Kind → the earliest release of `within` from which its interface at `to` is unchanged. */
  readonly safeMinimums: Readonly<Record<string, string | null>>;
  /** The release selection the safe minimums are computed over. */
  readonly within: string;
}

function describe(change: InterfaceChange): string[] {
  switch (change.change) {
    case 'kind-added':
      return ['kind added'];
    case 'kind-removed':
      return ['kind removed'];
    case 'no-interface-data':
      return [`no interface data for ${change.release}`];
    case 'class-moved':
      return [`class: ${change.from} → ${change.to}`];
    case 'header-moved':
      return [`header: ${change.from} → ${change.to}`];
    case 'structure-changed':
      return [`structure: ${change.from} → ${change.to}`];
    case 'method-added':
      return [`+ ${change.signature}`];
    case 'method-removed':
      return [`- ${change.signature}`];
    case 'signature-changed':
      return [`~ ${change.name}`, `    - ${change.from}`, `    + ${change.to}`];
    case 'order-changed':
      return [`vtable order: ${change.from.join(', ')}`, `           → ${change.to.join(', ')}`];
  }
}

export const DIFF_RENDERERS = {
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  text: (report) => {
    const out = [`Interface changes ${report.from} → ${report.to}`, ''];
    const changed = report.kinds.filter((kind) => kind.changes.length > 0);
    for (const { kind, changes } of changed) out.push(kind, ...changes.flatMap(describe).map((line) => `  ${line}`), '');
    const unchanged = report.kinds.filter((kind) => kind.changes.length === 0).map((kind) => kind.kind);
    if (changed.length === 0) out.push('No interface changes.', '');
    if (unchanged.length > 0) out.push(`Unchanged: ${unchanged.join(', ')}`, '');
    out.push(`Safe minimums at ${report.to} — the earliest release of ${report.within} from which the kind's interface is identical (interface-identical, not ABI-compatible):`);
    for (const [kind, minimum] of Object.entries(report.safeMinimums)) out.push(`  ${kind.padEnd(18)} ${minimum ?? '(no interface data)'}`);
    return `${out.join('\n')}\n`;
  },
} as const satisfies Record<DiffFormat, (report: DiffReport) => string>;
