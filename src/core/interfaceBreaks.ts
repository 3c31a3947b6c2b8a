import { INTERFACE_RULES, type InterfaceRuleCode } from './breakingRules.js';
import { describeStructure } from './describeStructure.js';
import { groupBy } from './groupBy.js';
import { cppSignature, type CppMethod, type KindInterface } from './kindInterface.js';

/** One change between a build's interface and its host's, judged by a rule of `breakingRules.ts`. */
export interface InterfaceBreak {
  readonly rule: InterfaceRuleCode;
  /** The method (`recover`, `~Isolator`), or `structure`, `class`, `header`. */
  readonly subject: string;
  /** The declaration as the build's release has it (`null`: it has none). */
  readonly build: string | null;
  /** The declaration as the host's release has it (`null`: it has none). */
  readonly host: string | null;
}

const cache = new WeakMap<KindInterface, WeakMap<KindInterface, readonly InterfaceBreak[]>>();

/**
 * Every change between the interface a build was compiled against (`build`) and the host's
 * (`host`), each under its rule; `breaking` keeps those that break the build. Directional: a
 * build of 0.28.3 on a 1.0.0 host meets seven pure methods that became default-bodied and
 * nothing that breaks; a build of 1.0.0 on 0.28.3 would meet seven that became pure.
 * Methods are matched by name, then overloads by their types; parameter names never count.
 */
export function interfaceBreaks(build: KindInterface, host: KindInterface): readonly InterfaceBreak[] {
  if (build === host) return [];
  let byHost = cache.get(build);
  if (!byHost) cache.set(build, (byHost = new WeakMap()));
  let found = byHost.get(host);
  if (!found) byHost.set(host, (found = compare(build, host)));
  return found;
}

/** The changes that break a build of `build`'s release in a host of `host`'s. */
export function breakingChanges(build: KindInterface, host: KindInterface): readonly InterfaceBreak[] {
  return interfaceBreaks(build, host).filter((change) => INTERFACE_RULES[change.rule].breaks);
}

function compare(build: KindInterface, host: KindInterface): InterfaceBreak[] {
  const out: InterfaceBreak[] = [];
  const whole = (rule: InterfaceRuleCode, subject: string, from: string, to: string) => {
    if (from !== to) out.push({ rule, subject, build: from, host: to });
  };
  whole('structure-changed', 'structure', describeStructure(build), describeStructure(host));
  // One finding for the class: what create() returns, else what authors implement (a wrapper's
  // implemented class is part of its structure's description).
  if (build.cppClass !== host.cppClass) whole('class-changed', 'class', build.cppClass, host.cppClass);
  else if (build.structure === host.structure) whole('class-changed', 'class', implemented(build), implemented(host));
  whole('header-moved', 'header', build.header, host.header);

  const pairs: Array<[CppMethod, CppMethod]> = [];
  const inBuild = groupBy(build.methods, (method) => method.name);
  const inHost = groupBy(host.methods, (method) => method.name);
  for (const name of new Set([...inBuild.keys(), ...inHost.keys()])) {
    const olds = [...(inBuild.get(name) ?? [])];
    const news = [...(inHost.get(name) ?? [])];
    // Overloads: the same types first, then the same types but constness, then one left on each side is the same method changed.
    for (const same of [typesKey, (method: CppMethod) => typesKey({ ...method, const: false })]) {
      for (const old of [...olds]) {
        const match = news.find((candidate) => same(candidate) === same(old));
        if (match) pairs.push(take(olds, old, news, match));
      }
    }
    // A name with one method on each side is the same method, changed (as interfaces-diff.json reads it).
    const [old] = olds;
    const [updated] = news;
    if (inBuild.get(name)?.length === 1 && inHost.get(name)?.length === 1 && old && updated) pairs.push(take(olds, old, news, updated));
    for (const method of olds) out.push({ rule: 'method-removed', subject: name, build: cppSignature(method), host: null });
    for (const method of news) out.push({ rule: 'method-added', subject: name, build: null, host: cppSignature(method) });
    for (const [a, b] of pairs.filter(([a]) => a.name === name)) out.push(...methodChanges(a, b));
  }
  out.push(...movedSlots(pairs, build.methods, host.methods));
  return out;
}

function implemented(face: KindInterface): string {
  return face.implements.base === null ? face.implements.cppClass : `${face.implements.cppClass} : ${face.implements.base}`;
}

function take(olds: CppMethod[], old: CppMethod, news: CppMethod[], updated: CppMethod): [CppMethod, CppMethod] {
  olds.splice(olds.indexOf(old), 1);
  news.splice(news.indexOf(updated), 1);
  return [old, updated];
}

/** What changed in one method both interfaces have (matched by name and, for overloads, types). */
function methodChanges(a: CppMethod, b: CppMethod): InterfaceBreak[] {
  const change = (rule: InterfaceRuleCode): InterfaceBreak => ({ rule, subject: a.name, build: cppSignature(a), host: cppSignature(b) });
  if (typesKey({ ...a, const: false }) !== typesKey({ ...b, const: false })) return [change('signature-changed')];
  const out: InterfaceBreak[] = [];
  if (a.const !== b.const) out.push(change('const-changed'));
  if (a.pure && !b.pure) out.push(change('became-optional'));
  if (!a.pure && b.pure) out.push(change('became-pure'));
  if (a.params.some((param, index) => param.default !== b.params[index]?.default)) out.push(change('default-argument-changed'));
  return out;
}

/**
 * Methods both have whose relative order differs. Shifts caused by a method added or removed
 * before them are that method's finding; what is left is reordering: the methods outside the
 * longest run that kept its order.
 */
function movedSlots(pairs: ReadonlyArray<[CppMethod, CppMethod]>, buildOrder: readonly CppMethod[], hostOrder: readonly CppMethod[]): InterfaceBreak[] {
  const sorted = [...pairs].sort(([a], [b]) => buildOrder.indexOf(a) - buildOrder.indexOf(b));
  const slots = sorted.map(([, b]) => hostOrder.indexOf(b));
  // Longest increasing subsequence, O(n²): interfaces have a few dozen methods at most.
  const length = slots.map(() => 1);
  const previous = slots.map(() => -1);
  for (let i = 0; i < slots.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((slots[j] ?? 0) < (slots[i] ?? 0) && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
  }
  const kept = new Set<number>();
  for (let at = length.indexOf(Math.max(0, ...length)); at >= 0; at = previous[at] ?? -1) kept.add(at);
  return sorted.flatMap(([a, b], index) =>
    kept.has(index) ? [] : [{ rule: 'slot-moved' as const, subject: a.name, build: position(a, buildOrder), host: position(b, hostOrder) }],
  );
}

function position(method: CppMethod, order: readonly CppMethod[]): string {
  return `${cppSignature(method)} — virtual ${order.indexOf(method) + 1} of ${order.length}`;
}

/** Name, return and parameter types, constness: what makes a call reach the same function. */
function typesKey(method: CppMethod): string {
  return JSON.stringify([method.name, method.returns, method.params.map((param) => param.type), method.const]);
}
