import { describe, expect, it } from 'vitest';
import { INTERFACE_RULE_CODES, INTERFACE_RULES, type InterfaceRuleCode } from './breakingRules.js';
import { breakingChanges, interfaceBreaks } from './interfaceBreaks.js';
import type { CppMethod, KindInterface } from './kindInterface.js';
import { face, method } from '../../test/helpers/interfaces.js';

const destructor = method('~Isolator', [], { returns: null, pure: false, destructor: true });
const recover = method('recover', ['const hashset<ContainerID>&']);
const status = method('status', ['const ContainerID&'], { returns: 'process::Future<ContainerStatus>', pure: false });
const cleanup = method('cleanup', ['const ContainerID&']);
const base = face([destructor, recover, cleanup]);
const optional = (m: CppMethod): CppMethod => ({ ...m, pure: false });

/** [case, interface the build was compiled against, the host's interface, rule → subjects found, breaks the build]. */
const CASES: ReadonlyArray<readonly [string, KindInterface, KindInterface, Partial<Record<InterfaceRuleCode, string[]>>, boolean]> = [
  ['identical', base, face([...base.methods]), {}, false],
  ['parameter names do not count', base, face(base.methods.map((m) => ({ ...m, params: m.params.map((p) => ({ ...p, name: `other_${p.name}` })) }))), {}, false],
  ['pure → default-bodied, same signature and slot (Isolator 0.28.x → 1.0.0)', base, face([destructor, optional(recover), optional(cleanup)]), { 'became-optional': ['recover', 'cleanup'] }, false],
  ['default-bodied → pure', face([destructor, optional(recover), cleanup]), base, { 'became-pure': ['recover'] }, true],
  ['a default argument changed', base, face([destructor, recover, { ...cleanup, params: [{ type: 'const ContainerID&', name: 'p0', default: 'ContainerID()' }] }]), { 'default-argument-changed': ['cleanup'] }, false],
  ['const added', base, face([destructor, recover, { ...cleanup, const: true }]), { 'const-changed': ['cleanup'] }, false],
  ['the header moved', base, face(base.methods, { header: 'include/mesos/isolator.hpp' }), { 'header-moved': ['header'] }, false],
  ['a method added before others (Isolator 0.27.x → 0.28.0 status)', base, face([destructor, recover, status, cleanup]), { 'method-added': ['status'] }, true],
  ['a default-bodied method added at the end', base, face([destructor, recover, cleanup, status]), { 'method-added': ['status'] }, true],
  ['a method removed (Isolator 0.24.x → 0.25.0 namespaces)', face([destructor, method('namespaces', [], { pure: false }), recover, cleanup]), base, { 'method-removed': ['namespaces'] }, true],
  ['a parameter type changed', base, face([destructor, method('recover', ['const std::list<ContainerState>&']), cleanup]), { 'signature-changed': ['recover'] }, true],
  ['a parameter added with a default (Allocator 0.28.3 → 1.0.0)', base, face([destructor, recover, { ...method('cleanup', ['const ContainerID&', 'bool']), params: [{ type: 'const ContainerID&', name: 'p0', default: null }, { type: 'bool', name: 'p1', default: 'false' }] }]), { 'signature-changed': ['cleanup'] }, true],
  ['a return type changed', base, face([destructor, recover, method('cleanup', ['const ContainerID&'], { returns: 'process::Future<bool>' })]), { 'signature-changed': ['cleanup'] }, true],
  ['two methods swapped slots', base, face([destructor, cleanup, recover]), { 'slot-moved': ['cleanup'] }, true],
  ['the structure changed (Isolator 0.23.x → 0.24.0)', face(base.methods, { structure: 'wrapper', implements: { cppClass: 'mesos::slave::IsolatorProcess', base: 'public process::Process<IsolatorProcess>' } }), base, { 'structure-changed': ['structure'] }, true],
  ['the class moved namespace (Allocator 0.28.3 → 1.0.0)', face(base.methods, { cppClass: 'mesos::master::allocator::Allocator', implements: { cppClass: 'mesos::master::allocator::Allocator', base: null } }), base, { 'class-changed': ['class'] }, true],
  [
    'overloads are matched by their types; one changed reads as removed and added',
    face([method('authorize', ['const ACL::RunTask&']), method('authorize', ['const ACL::RegisterFramework&'])]),
    face([method('authorize', ['const ACL::RunTask&']), method('authorize', ['const ACL::ShutdownFramework&'])]),
    { 'method-removed': ['authorize'], 'method-added': ['authorize'] },
    true,
  ],
];

describe('interface changes judged for a build of one release in a host of a later one', () => {
  it.each(CASES)('%s', (_name, build, host, rules, breaks) => {
    const found: Record<string, string[]> = {};
    for (const change of interfaceBreaks(build, host)) (found[change.rule] ??= []).push(change.subject);
    expect(found).toEqual(rules);
    expect(breakingChanges(build, host).length > 0).toBe(breaks);
  });

  it('is directional: what became optional for an older build became pure for a newer one', () => {
    const newer = face([destructor, optional(recover), optional(cleanup)]);
    expect(breakingChanges(base, newer)).toEqual([]);
    expect(breakingChanges(newer, base).map((change) => [change.rule, change.subject])).toEqual([
      ['became-pure', 'recover'],
      ['became-pure', 'cleanup'],
    ]);
  });

  it('names both declarations, so a finding can show them', () => {
    const [change] = interfaceBreaks(base, face([destructor, method('recover', ['const std::list<ContainerState>&']), cleanup]));
    expect(change).toEqual({
      rule: 'signature-changed',
      subject: 'recover',
      build: 'virtual process::Future<Nothing> recover(const hashset<ContainerID>& p0) = 0',
      host: 'virtual process::Future<Nothing> recover(const std::list<ContainerState>& p0) = 0',
    });
  });
});

describe('the rules as data', () => {
  it.each(INTERFACE_RULE_CODES)('%s has a title and says why', (code) => {
    expect(INTERFACE_RULES[code]).toMatchObject({ code });
    expect(INTERFACE_RULES[code].title.length).toBeGreaterThan(10);
    expect(INTERFACE_RULES[code].why.length).toBeGreaterThan(40);
  });
});
