/**
 * Where glibc's dynamic linker looks for a `DT_NEEDED` name, in its order (ld.so(8), "Rules for
 * finding a shared object"; glibc `elf/dl-load.c` `_dl_map_object`): a name with a slash is a
 * path; otherwise `DT_RPATH` (only when there is no `DT_RUNPATH`), `LD_LIBRARY_PATH`,
 * `DT_RUNPATH`, the ld.so cache, then the default folders. Pure: the caller says what exists.
 */
export interface SearchContext {
  /** The folder of the object that needs the library: what `$ORIGIN` stands for. */
  readonly origin: string;
  readonly rpath: readonly string[] | null;
  readonly runpath: readonly string[] | null;
  readonly ldLibraryPath: string | undefined;
  /** Paths the ld.so cache lists for a name (`ldconfig -p`). */
  readonly cache: ReadonlyMap<string, readonly string[]>;
  /** The dynamic linker's built-in folders for this class (`/lib/x86_64-linux-gnu`, `/usr/lib`, …). */
  readonly defaults: readonly string[];
  /** `lib64` or `lib`: what `$LIB` stands for. */
  readonly libDir: string;
}

export type SearchSource = 'path' | 'RPATH' | 'LD_LIBRARY_PATH' | 'RUNPATH' | 'ld.so cache' | 'default folders';

/** Every file the linker would try for `name`, each with where the folder came from, in order. */
export function searchOrder(name: string, context: SearchContext): Array<{ file: string; via: SearchSource }> {
  if (name.includes('/')) return [{ file: name, via: 'path' }];
  const inFolders = (folders: readonly string[] | null | undefined, via: SearchSource) =>
    (folders ?? []).map((folder) => ({ file: `${expand(folder, context) || '.'}/${name}`.replace(/\/{2,}/g, '/'), via }));
  return [
    ...(context.runpath === null ? inFolders(context.rpath, 'RPATH') : []),
    // Empty entries of LD_LIBRARY_PATH mean the current folder.
    ...inFolders(context.ldLibraryPath === undefined || context.ldLibraryPath === '' ? [] : context.ldLibraryPath.split(/[:;]/), 'LD_LIBRARY_PATH'),
    ...inFolders(context.runpath, 'RUNPATH'),
    ...(context.cache.get(name) ?? []).map((file) => ({ file, via: 'ld.so cache' as const })),
    ...inFolders(context.defaults, 'default folders'),
  ];
}

/** `$ORIGIN`, `$LIB` (and their `${…}` forms), as ld.so substitutes them in RPATH and RUNPATH. */
function expand(folder: string, context: SearchContext): string {
  return folder.replace(/\$(\{ORIGIN\}|ORIGIN\b)/g, context.origin).replace(/\$(\{LIB\}|LIB\b)/g, context.libDir);
}

/** `ldconfig -p` output → name → paths, in the cache's order. */
export function parseLdconfigList(text: string): Map<string, string[]> {
  const cache = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^\s+(\S+) \(([^)]*)\)(?: OS ABI: [^=]*)? => (.+)$/.exec(line);
    if (!match) continue;
    const [, name = '', , file = ''] = match;
    cache.set(name, [...(cache.get(name) ?? []), file.trim()]);
  }
  return cache;
}
