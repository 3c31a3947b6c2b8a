import type { ElfFile, ElfSymbol } from './readElf.js';

/**
 * `Module<T>` is `ModuleBase` (six `const char*` and `bool (*)()`) plus `T* (*create)(…)`:
 * eight pointers, 64 bytes on x86_64 (loader-facts §1, §2; `include/mesos/module.hpp` at every
 * tag). Its size in a library of either class is eight of that class's pointers.
 */
const MANIFEST_POINTERS = 8;

export function manifestSize(bits: 32 | 64): number {
  return MANIFEST_POINTERS * (bits / 8);
}

/**
 * The module names a library can offer: exported data symbols (`STT_OBJECT`, defined, global or
 * weak, default visibility — what `dlsym` finds) the size of a manifest. A module is such a global
 * variable, named like the module (loader-facts §3); a symbol of another size is never decoded.
 */
export function manifestCandidates(file: ElfFile): string[] {
  const size = manifestSize(file.bits);
  return file.symbols.filter((symbol) => exported(symbol) && symbol.type === 'object' && symbol.size === size).map((symbol) => symbol.name);
}

/** Defined, visible to `dlsym` and to other libraries. */
export function exported(symbol: ElfSymbol): boolean {
  return symbol.defined && (symbol.bind === 'global' || symbol.bind === 'weak' || symbol.bind === 'unique') && (symbol.visibility === 'default' || symbol.visibility === 'protected');
}

/** Symbols the library leaves for others to define; weak ones may stay NULL, so they are not needed. */
export function requiredUndefined(file: ElfFile): ElfSymbol[] {
  return file.symbols.filter((symbol) => !symbol.defined && symbol.bind === 'global');
}

/**
 * The Mesos release a library was linked against, when it names `libmesos-X.Y.Z.so` among its
 * needed libraries (automake's `-release $(PACKAGE_VERSION)`, loader-facts §3).
 */
export function linkedMesosRelease(needed: readonly string[]): string | null {
  for (const name of needed) {
    const match = /^libmesos-(\d+\.\d+\.\d+[^/]*)\.so$/.exec(name);
    if (match) return match[1] ?? null;
  }
  return null;
}
