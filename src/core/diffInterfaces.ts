import { groupBy } from './groupBy.js';
import { cppSignature, methodKey, sameInterface, type CppMethod, type InterfaceTable, type KindInterface } from './kindInterface.js';
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
}

/** `wrapper class + IsolatorProcess` / `abstract class`, as interfaces.md words it. */
export function describeStructure(face: KindInterface): string {
  return face.structure === 'wrapper' ? `wrapper class + ${face.implements.cppClass.split('::').at(-1)}` : 'abstract class';
}

/** Per kind registered in either release, what changed between them (kinds without changes: an empty list). */
export function diffReleases(from: Release, to: Release, interfaces: InterfaceTable, kinds?: ReadonlySet<string>): KindDiff[] {
  const names = [...new Set([...from.host.kinds.keys(), ...to.host.kinds.keys()])].filter((kind) => !kinds || kinds.has(kind)).sort();
  return names.map((kind) => {
    if (!from.host.kinds.has(kind)) return { kind, changes: [{ change: 'kind-added' }] };
    if (!to.host.kinds.has(kind)) return { kind, changes: [{ change: 'kind-removed' }] };
    const [a, b] = [interfaces.get(kind)?.get(from.release), interfaces.get(kind)?.get(to.release)];
    if (!a || !b) return { kind, changes: [{ change: 'no-interface-data', release: a ? to.release : from.release }] };
    return { kind, changes: interfaceChanges(a, b) };
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

/** What a soundness finding lists: the methods (and structure) that differ; the header's path does not count. */
export function interfaceDifferences(a: KindInterface, b: KindInterface): string[] {
  const labels = interfaceChanges(a, b).flatMap((change) => {
    switch (change.change) {
      case 'method-added':
      case 'method-removed':
      case 'signature-changed':
        return [change.name];
      case 'class-moved':
        return ['class'];
      case 'structure-changed':
        return ['structure'];
      case 'order-changed':
        return ['vtable order'];
      default:
        return [];
    }
  });
  return [...new Set(labels)];
}

/**
 * The earliest release of `releases` (in order) from which `kind` has, without a break, the
 * interface it has at `at`: how far its minimum could go down soundly. `null` without data.
 */
export function safeMinimum(releases: readonly Release[], interfaces: InterfaceTable, kind: string, at: string): string | null {
  const perRelease = interfaces.get(kind);
  const target = perRelease?.get(at);
  if (!perRelease || !target) return null;
  const index = releases.findIndex((release) => release.release === at);
  let earliest = at;
  for (let i = index - 1; i >= 0; i--) {
    const face = perRelease.get(releases[i]?.release ?? '');
    if (!face || !sameInterface(face, target)) break;
    earliest = releases[i]?.release ?? earliest;
  }
  return earliest;
}
