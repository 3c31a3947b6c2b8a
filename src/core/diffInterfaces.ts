import { describeStructure } from './describeStructure.js';
import { groupBy } from './groupBy.js';
import { breakingChanges, interfaceBreaks, type InterfaceBreak } from './interfaceBreaks.js';
import { cppSignature, methodKey, type CppMethod, type InterfaceTable, type KindInterface } from './kindInterface.js';
import type { Release } from './versionTable.js';

/** One difference between a kind's interfaces in two releases. Findings are data; text comes from the renderers. */
export type InterfaceChange =
  | { readonly change: 'kind-added' | 'kind-removed' }
  | { readonly change: 'no-interface-data'; readonly release: string }
  | { readonly change: 'class-moved' | 'header-moved' | 'structure-changed'; readonly from: string; readonly to: string }
  | { readonly change: 'method-added' | 'method-removed'; readonly name: string; readonly signature: string }
  | { readonly change: 'signature-changed'; readonly name: string; readonly from: string; readonly to: string }
  | { readonly change: 'order-changed'; readonly from: readonly string[]; readonly to: readonly string[] };

export interface KindDiff {
  readonly kind: string;
  readonly changes: readonly InterfaceChange[];
  /**
   * What the changes do to a build of the earlier release loaded into a host of the later one
   * (the only direction Mesos admits), each under its rule of `breakingRules.ts`; `null` when
   * the kind is in one release only or an interface is missing.
   */
  readonly builds: { readonly builtFor: string; readonly host: string; readonly breaking: readonly InterfaceBreak[]; readonly harmless: readonly InterfaceBreak[] } | null;
}

/**
 * Per kind registered in either release, what changed between them (kinds without changes: an
 * empty list), and what that does to builds of the earlier release. `from` and `to` are in
 * table order when `fromIsOlder`, else the builds are those of `to`.
 */
export function diffReleases(from: Release, to: Release, interfaces: InterfaceTable, kinds?: ReadonlySet<string>, fromIsOlder = true): KindDiff[] {
  const names = [...new Set([...from.host.kinds.keys(), ...to.host.kinds.keys()])].filter((kind) => !kinds || kinds.has(kind)).sort();
  return names.map((kind): KindDiff => {
    if (!from.host.kinds.has(kind)) return { kind, changes: [{ change: 'kind-added' }], builds: null };
    if (!to.host.kinds.has(kind)) return { kind, changes: [{ change: 'kind-removed' }], builds: null };
    const [a, b] = [interfaces.get(kind)?.get(from.release), interfaces.get(kind)?.get(to.release)];
    if (!a || !b) return { kind, changes: [{ change: 'no-interface-data', release: a ? to.release : from.release }], builds: null };
    const [[builtFor, build], [host, hosting]] = fromIsOlder ? [[from.release, a], [to.release, b]] : [[to.release, b], [from.release, a]];
    const judged = interfaceBreaks(build, hosting);
    const breaking = breakingChanges(build, hosting);
    return { kind, changes: interfaceChanges(a, b), builds: { builtFor, host, breaking, harmless: judged.filter((change) => !breaking.includes(change)) } };
  });
}

/**
 * How interface `b` differs from `a`. Methods are matched by name; overloads by their whole
 * signature, so a changed overload reads as one removed and one added (interfaces-diff.json does
 * the same). Parameter names do not count.
 */
export function interfaceChanges(a: KindInterface, b: KindInterface): InterfaceChange[] {
  const changes: InterfaceChange[] = [];
  if (a.header !== b.header) changes.push({ change: 'header-moved', from: a.header, to: b.header });
  if (a.cppClass !== b.cppClass) changes.push({ change: 'class-moved', from: a.cppClass, to: b.cppClass });
  if (describeStructure(a) !== describeStructure(b)) changes.push({ change: 'structure-changed', from: describeStructure(a), to: describeStructure(b) });

  const before = groupBy(a.methods, (method) => method.name);
  const after = groupBy(b.methods, (method) => method.name);
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const olds = before.get(name) ?? [];
    const news = after.get(name) ?? [];
    const [old] = olds;
    const [updated] = news;
    if (olds.length === 1 && news.length === 1 && old && updated) {
      if (methodKey(old) !== methodKey(updated)) changes.push({ change: 'signature-changed', name, from: cppSignature(old), to: cppSignature(updated) });
      continue;
    }
    const newKeys = new Set(news.map(methodKey));
    const oldKeys = new Set(olds.map(methodKey));
    for (const method of olds.filter((candidate) => !newKeys.has(methodKey(candidate)))) changes.push(added('method-removed', method));
    for (const method of news.filter((candidate) => !oldKeys.has(methodKey(candidate)))) changes.push(added('method-added', method));
  }

  // The vtable order of the methods both have (a reordering alone breaks the ABI).
  const common = (methods: readonly CppMethod[], other: ReadonlyMap<string, readonly CppMethod[]>) => [...new Set(methods.map((method) => method.name))].filter((name) => other.has(name));
  const [orderBefore, orderAfter] = [common(a.methods, after), common(b.methods, before)];
  if (orderBefore.join() !== orderAfter.join()) changes.push({ change: 'order-changed', from: orderBefore, to: orderAfter });
  return changes;
}

function added(change: 'method-added' | 'method-removed', method: CppMethod): InterfaceChange {
  return { change, name: method.name, signature: cppSignature(method) };
}

/**
 * What a soundness finding lists: the subjects (methods, `structure`, `class`) of the changes
 * that break a build of `build`'s release in a host of `host`'s (directional, `breakingRules.ts`).
 */
export function interfaceDifferences(build: KindInterface, host: KindInterface): string[] {
  return [...new Set(breakingChanges(build, host).map((change) => change.subject))];
}

/**
 * The earliest release from which every build of `kind` loads into a host of `at` without a
 * breaking change: how far the kind's minimum at `at` could go down soundly. `releases` must be
 * every release of the table in order (a minimum admits every build between it and the host,
 * selected or not); `within`, if given, limits the answer to those releases (the earliest of
 * them at or above the safe minimum; `at` itself always qualifies). `null` without data.
 */
export function safeMinimum(releases: readonly Release[], interfaces: InterfaceTable, kind: string, at: string, within?: ReadonlySet<string>): string | null {
  const perRelease = interfaces.get(kind);
  const target = perRelease?.get(at);
  if (!perRelease || !target) return null;
  const index = releases.findIndex((release) => release.release === at);
  let earliest = index;
  for (let i = index - 1; i >= 0; i--) {
    const face = perRelease.get(releases[i]?.release ?? '');
    if (!face || breakingChanges(face, target).length > 0) break;
    earliest = i;
  }
  const allowed = releases.slice(earliest, index + 1).find((release) => !within || within.has(release.release) || release.release === at);
  return allowed?.release ?? at;
}
