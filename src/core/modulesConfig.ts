import lt from 'semver/functions/lt.js';

/** A `--modules` configuration (the `Modules` protobuf), after validation: absent fields are `null`. */
export interface ModulesConfig {
  readonly libraries: readonly ModulesLibrary[];
}

export interface ModulesLibrary {
  readonly file: string | null;
  readonly name: string | null;
  readonly modules: readonly ModulesModule[];
}

export interface ModulesModule {
  /** `null` when absent: every field of `Library.Module` is `optional` in module.proto; `load()` refuses it. */
  readonly name: string | null;
  readonly parameters: ReadonlyArray<{ readonly key: string; readonly value: string }>;
}

/**
 * What Mesos passes to dlopen: `file` verbatim when set (even empty: `has_file()`), else the
 * expanded `name` — `lib<name>.so` on Linux in every release (loader-facts §8); `null` when
 * neither is set ("Library name or path not provided").
 */
export function libraryString(library: ModulesLibrary): string | null {
  if (library.file !== null) return library.file;
  if (library.name !== null) return `lib${library.name}.so`;
  return null;
}

/** Which Mesos program reads `--modules` (`check --binary`). */
export type MesosBinary = 'agent' | 'master';

/**
 * `dlopen("")` returns the main program: Mesos then looks the module up in its own binary, where
 * it is not. glibc names the main program by argv[0] in dlerror(). The agent's binary is
 * `mesos-slave` before 1.0.0 and `mesos-agent` from 1.0.0 (the slave→agent rename of 1.0.0; the
 * name is not in loader-facts, which gives only `src/slave/main.cpp`); the master is always
 * `mesos-master`.
 */
export function mainProgram(release: string, binary: MesosBinary): string {
  if (binary === 'master') return 'mesos-master';
  return lt(release, '1.0.0') ? 'mesos-slave' : 'mesos-agent';
}

const KNOWN: Readonly<Record<string, readonly string[]>> = {
  '': ['libraries'],
  library: ['file', 'name', 'modules'],
  module: ['name', 'parameters'],
  parameter: ['key', 'value'],
};

/**
 * Keys the Modules protobuf does not have: Mesos ignores them as protobuf's JSON parser does, so
 * a typo (`"fiel"`) silently drops a field. Returned as JSON pointers, to warn about.
 */
export function unknownKeys(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, level: keyof typeof KNOWN, pointer: string) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    for (const key of Object.keys(node)) if (!KNOWN[level]?.includes(key)) found.push(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    const child = (name: string) => (node as Record<string, unknown>)[name];
    const each = (name: string, next: keyof typeof KNOWN) => {
      const list = child(name);
      if (Array.isArray(list)) list.forEach((item, index) => visit(item, next, `${pointer}/${name}/${index}`));
    };
    if (level === '') each('libraries', 'library');
    if (level === 'library') each('modules', 'module');
    if (level === 'module') each('parameters', 'parameter');
  };
  visit(value, '', '');
  return found;
}

/** The typed configuration from a document that passed `schemas/modules-config.schema.json`. */
export function configFromJson(value: unknown): ModulesConfig {
  type Json = { libraries?: Array<{ file?: string; name?: string; modules?: Array<{ name?: string; parameters?: Array<{ key: string; value: string }> }> }> };
  const json = value as Json;
  return {
    libraries: (json.libraries ?? []).map((library) => ({
      file: library.file ?? null,
      name: library.name ?? null,
      modules: (library.modules ?? []).map((module) => ({ name: module.name ?? null, parameters: (module.parameters ?? []).map(({ key, value: parameterValue }) => ({ key, value: parameterValue })) })),
    })),
  };
}
