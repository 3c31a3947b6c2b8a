/**
 * Flags for one fixture: a position-independent shared object, as automake builds modules
 * (`-shared`, loader-facts §3); C++11, as the 0.2x releases required.
 *
 * `-nostdlib`: a fixture links no C++ runtime or C library of its own. Mesos loads modules
 * into a C++ process, and a module's undefined symbols resolve against it at dlopen (module
 * targets have no LIBADD of libmesos either, loader-facts §3); the prober likewise has
 * libstdc++ loaded globally. Linking the runtime into each fixture would double the cost of a
 * cold build (about 54 of 107 ms per fixture here) and change nothing that is checked.
 * `-O0 -g0 -pipe`: a fixture is a handful of trivial functions; this compiles fastest.
 */
export const FIXTURE_FLAGS: readonly string[] = ['-std=c++11', '-shared', '-fPIC', '-nostdlib', '-O0', '-g0', '-pipe', '-w'];

export function compilerArgs(source: string, output: string): string[] {
  return [...FIXTURE_FLAGS, '-x', 'c++', source, '-o', output];
}
