import { describe, expect, it } from 'vitest';
import { interfaceChanges, interfaceDifferences } from './diffInterfaces.js';
import { sameInterface, type CppMethod, type KindInterface } from './kindInterface.js';
import { face, method } from '../../test/helpers/interfaces.js';

const base = face([method('~Isolator', [], { returns: null, pure: false, destructor: true }), method('recover', ['const hashset<ContainerID>&']), method('cleanup', ['const ContainerID&'])]);

// Given two interfaces: are they the same, and what breaks a build of `base` in a host of the other (directional; see interfaceBreaks.test.ts).
const CASES: ReadonlyArray<readonly [string, KindInterface, boolean, string[]]> = [
  ['identical', base, true, []],
  ['parameter names do not count', face(base.methods.map((m) => ({ ...m, params: m.params.map((p) => ({ ...p, name: `renamed_${p.name}` })) }))), true, []],
  ['the header path does not count', face(base.methods, { header: 'include/mesos/isolator.hpp' }), true, []],
  ['a parameter type counts', face([base.methods[0] as CppMethod, method('recover', ['const std::list<ContainerState>&']), base.methods[2] as CppMethod]), false, ['recover']],
  ['a return type counts', face([base.methods[0] as CppMethod, base.methods[1] as CppMethod, method('cleanup', ['const ContainerID&'], { returns: 'process::Future<bool>' })]), false, ['cleanup']],
  ['purity counts', face([base.methods[0] as CppMethod, base.methods[1] as CppMethod, method('cleanup', ['const ContainerID&'], { pure: false })]), false, []],
  ['a default argument counts', face([base.methods[0] as CppMethod, base.methods[1] as CppMethod, { ...method('cleanup', ['const ContainerID&']), params: [{ type: 'const ContainerID&', name: 'p0', default: 'None()' }] }]), false, []],
  ['an added method counts', face([...base.methods, method('status', ['const ContainerID&'])]), false, ['status']],
  ['the vtable order counts', face([base.methods[0] as CppMethod, base.methods[2] as CppMethod, base.methods[1] as CppMethod]), false, ['cleanup']],
  ['the structure counts', face(base.methods, { structure: 'wrapper', implements: { cppClass: 'mesos::slave::IsolatorProcess', base: 'public process::Process<IsolatorProcess>' } }), false, ['structure']],
  ['the class counts', face(base.methods, { cppClass: 'mesos::internal::slave::Isolator', implements: { cppClass: 'mesos::internal::slave::Isolator', base: null } }), false, ['class']],
];

describe('interface identity and differences', () => {
  it.each(CASES)('%s', (_name, other, same, differences) => {
    expect(sameInterface(base, other)).toBe(same);
    expect(interfaceDifferences(base, other)).toEqual(differences);
  });

  it('matches overloads by their whole signature', () => {
    const overloads = face([method('authorize', ['const ACL::RunTask&']), method('authorize', ['const ACL::RegisterFramework&'])]);
    const changed = face([method('authorize', ['const ACL::RunTask&']), method('authorize', ['const ACL::ShutdownFramework&'])]);
    expect(interfaceChanges(overloads, changed)).toEqual([
      { change: 'method-removed', name: 'authorize', signature: 'virtual process::Future<Nothing> authorize(const ACL::RegisterFramework& p0) = 0' },
      { change: 'method-added', name: 'authorize', signature: 'virtual process::Future<Nothing> authorize(const ACL::ShutdownFramework& p0) = 0' },
    ]);
  });
});
