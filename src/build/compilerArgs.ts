/**
 * Flags for one fixture: a position-independent shared object, as automake builds modules
 * (`-shared`, loader-facts §3). C++11 as the 0.2x releases required; no optimisation, since a
 * fixture's code is a handful of trivial functions and -O0 compiles fastest.
 */
export const FIXTURE_FLAGS: readonly string[] = ['-std=c++11', '-shared', '-fPIC', '-O0', '-g0', '-w'];

export function compilerArgs(source: string, output: string): string[] {
  return [...FIXTURE_FLAGS, '-x', 'c++', source, '-o', output];
}
