import type { CppMethod, KindInterface } from '../../src/core/kindInterface.js';

/** A pure method returning `process::Future<Nothing>` with the given parameter types, for interface tests. */
export const method = (name: string, params: string[] = [], extra: Partial<CppMethod> = {}): CppMethod => ({
  name,
  returns: 'process::Future<Nothing>',
  params: params.map((type, index) => ({ type, name: `p${index}`, default: null })),
  pure: true,
  const: false,
  destructor: false,
  ...extra,
});

/** An abstract `mesos::slave::Isolator` with the given methods, for interface tests. */
export const face = (methods: readonly CppMethod[], extra: Partial<KindInterface> = {}): KindInterface => ({
  header: 'include/mesos/slave/isolator.hpp',
  cppClass: 'mesos::slave::Isolator',
  structure: 'abstract',
  implements: { cppClass: 'mesos::slave::Isolator', base: null },
  methods,
  source: 'x',
  file: 'y',
  ...extra,
});
