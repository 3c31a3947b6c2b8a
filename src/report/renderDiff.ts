import { INTERFACE_RULES } from '../core/breakingRules.js';
import type { InterfaceChange, KindDiff } from '../core/diffInterfaces.js';
import { groupBy } from '../core/groupBy.js';
import type { InterfaceBreak } from '../core/interfaceBreaks.js';

import type { DiffFormat } from './formats.js';

/** What `mesos-matrix diff` shows: the changes between two releases and the safe minimums at the second. */
export interface DiffReport {
  readonly from: string;
  readonly to: string;
  readonly kinds: readonly KindDiff[];
  /** Kind → the earliest release (of `within`, or `from`/`to`) from which every build loads into `to` without a breaking change. */
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

/** What the changes do to builds of the earlier release in a host of the later one: each rule once, with its reason. */
function judge(builds: KindDiff['builds']): string[] {
  if (!builds || builds.breaking.length + builds.harmless.length === 0) return [];
  const verdict = builds.breaking.length > 0 ? 'break' : 'nothing breaks';
  const lines = (changes: readonly InterfaceBreak[], mark: string) =>
    [...groupBy(changes, (change) => change.rule)].map(([rule, group]) => `  ${mark} ${rule} (${[...new Set(group.map((change) => change.subject))].join(', ')}): ${INTERFACE_RULES[rule].why}`);
  return [`${builds.builtFor} builds on a ${builds.host} host: ${verdict}`, ...lines(builds.breaking, '✗'), ...lines(builds.harmless, '✓')];
}

export const DIFF_RENDERERS = {
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  text: (report) => {
    const out = [`Interface changes ${report.from} → ${report.to}`, ''];
    const changed = report.kinds.filter((kind) => kind.changes.length > 0);
    for (const { kind, changes, builds } of changed) out.push(kind, ...[...changes.flatMap(describe), ...judge(builds)].map((line) => `  ${line}`), '');
    const unchanged = report.kinds.filter((kind) => kind.changes.length === 0).map((kind) => kind.kind);
    if (changed.length === 0) out.push('No interface changes.', '');
    if (unchanged.length > 0) out.push(`Unchanged: ${unchanged.join(', ')}`, '');
    out.push(`Safe minimums at ${report.to} — the earliest release (of ${report.within}, ${report.from} or ${report.to}) from which every build loads into ${report.to} without a breaking change (judged on the interface; Mesos types inside the signatures are not compared by layout):`);
    for (const [kind, minimum] of Object.entries(report.safeMinimums)) out.push(`  ${kind.padEnd(18)} ${minimum ?? '(no interface data)'}`);
    return `${out.join('\n')}\n`;
  },
} as const satisfies Record<DiffFormat, (report: DiffReport) => string>;
