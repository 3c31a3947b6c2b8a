import { gateFinding, jsonPointer, type GateFinding } from './gateFinding.js';
import { grammarOf } from './host.js';
import { sameInterface, type KindInterface } from './kindInterface.js';
import { parseVersion, versionLess } from './stoutVersion.js';
import type { Release, VersionTable } from './versionTable.js';

/** What the change touched: the (release, kind) entries whose minimum or interface history moved. */
export interface Touched {
  has(release: string, kind: string): boolean;
}

/**
 * Every change from the base's table to the working tree's: releases, kinds and minimums per
 * release file, interfaces per kind file. Information only; what it means is judged elsewhere.
 */
export function tableChanges(base: VersionTable | null, head: VersionTable): { findings: GateFinding[]; touched: Touched } {
  const findings: GateFinding[] = [];
  const entries = new Set<string>();
  const before = new Map((base?.releases ?? []).map((release) => [release.release, release]));
  const after = new Set(head.releases.map((release) => release.release));
  for (const release of base?.releases ?? []) {
    if (!after.has(release.release)) findings.push(gateFinding('release-removed', { release: release.release, file: release.file }));
  }
  for (const release of head.releases) {
    const old = before.get(release.release);
    if (!old) {
      findings.push(gateFinding('release-added', { release: release.release, file: release.file }));
      for (const kind of release.host.kinds.keys()) entries.add(`${release.release}\0${kind}`);
      continue;
    }
    findings.push(...minimumChanges(old, release, entries));
  }

  // Per kind, the first release (in the working tree's order) whose interface changed: every entry from there on is touched.
  const order = new Map(head.releases.map((release, index) => [release.release, index]));
  const changedFrom = new Map<string, number>();
  for (const kind of new Set([...(base?.interfaces.keys() ?? []), ...head.interfaces.keys()])) {
    const [old, now] = [base?.interfaces.get(kind), head.interfaces.get(kind)];
    const releases = [...new Set([...(old?.keys() ?? []), ...(now?.keys() ?? [])])].filter((release) => !sameFace(old?.get(release), now?.get(release)));
    if (releases.length === 0) continue;
    releases.sort((a, b) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
    changedFrom.set(kind, Math.min(...releases.map((release) => order.get(release) ?? Infinity)));
    const code = !old ? 'interface-added' : !now ? 'interface-removed' : 'interface-changed';
    const faces = now ?? old ?? new Map<string, KindInterface>();
    const first = faces.get(releases.find((release) => faces.has(release)) ?? '');
    const index = first ? [...new Set(faces.values())].indexOf(first) : -1;
    findings.push(gateFinding(code, { kind, builds: releases, file: first?.file ?? `${kind}.json`, pointer: index >= 0 ? jsonPointer('interfaces', index) : '' }));
  }

  const touched: Touched = {
    has: (release, kind) => entries.has(`${release}\0${kind}`) || (order.get(release) ?? -1) >= (changedFrom.get(kind) ?? Infinity),
  };
  return { findings, touched };
}

function minimumChanges(old: Release, now: Release, entries: Set<string>): GateFinding[] {
  const findings: GateFinding[] = [];
  const at = (kind: string) => ({ release: now.release, kind, file: now.file, pointer: jsonPointer('kinds', kind) });
  for (const kind of old.host.kinds.keys()) {
    if (!now.host.kinds.has(kind)) findings.push(gateFinding('kind-removed', { ...at(kind), file: old.file }));
  }
  for (const [kind, minimum] of now.host.kinds) {
    const previous = old.host.kinds.get(kind);
    if (previous === minimum) continue;
    entries.add(`${now.release}\0${kind}`);
    if (previous === undefined) {
      findings.push(gateFinding('kind-added', { ...at(kind), to: minimum }));
      continue;
    }
    const grammar = grammarOf(now.host.loader);
    const [a, b] = [parseVersion(previous, grammar), parseVersion(minimum, grammar)];
    const lowered = a.ok && b.ok && versionLess(b.version, a.version);
    findings.push(gateFinding(lowered ? 'minimum-lowered' : 'minimum-raised', { ...at(kind), from: previous, to: minimum }));
  }
  return findings;
}

function sameFace(a: KindInterface | undefined, b: KindInterface | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameInterface(a, b);
}
