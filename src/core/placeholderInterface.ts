import type { KindInterface } from './kindInterface.js';

/**
 * For a kind the table has no interface for (a hypothetical release, a kind added to a release
 * file before its interface): an empty polymorphic class, so that a fixture still builds.
 */
export function placeholderInterface(kind: string): KindInterface {
  return {
    header: '',
    cppClass: `mesos_module_matrix::${kind}`,
    structure: 'abstract',
    implements: { cppClass: `mesos_module_matrix::${kind}`, base: null },
    methods: [{ name: `~${kind}`, returns: null, params: [], pure: false, const: false, destructor: true }],
    source: 'no interface in the table',
    file: 'no interface in the table',
  };
}
