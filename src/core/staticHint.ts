import type { OpenStage, StaticRead } from './inspectRun.js';

/** A Mesos (or libprocess, stout) C++ symbol, mangled: what a real master or agent defines for its modules. */
const MESOS_SYMBOL = /^_Z[A-Z]*N?[A-Z]*(?:\d+[A-Za-z_]\w*)*?(?:5mesos|7process|5stout)/;

/** Whether a (mangled) symbol is Mesos's, libprocess's or stout's: one a master or agent defines. */
export function isMesosSymbol(name: string): boolean {
  return MESOS_SYMBOL.test(name);
}

/** What dlopen()'s failure means given the static facts, and what to do: the class of {@link OpenStage} and a hint. */
export function classifyOpen(library: string, read: StaticRead | null, dlerror: string): { stage: OpenStage; hint: string | null } {
  if (read !== null && !read.ok) return { stage: 'not-loadable', hint: `'${library}' is ${read.problem}: no dynamic linker can load it` };
  const facts = read?.facts ?? null;
  if (facts?.foreign) return { stage: 'foreign-machine', hint: `'${library}' is ${facts.foreign}: build it for the machine Mesos runs on` };
  const missing = missingLibrary(library, dlerror, read);
  if (missing !== null) return { stage: 'missing-library', hint: missingHint(missing, library) };
  const symbol = /undefined symbol: (\S+)/.exec(dlerror)?.[1];
  if (symbol !== undefined) {
    const mesos = isMesosSymbol(symbol);
    const builtFor = facts?.linkedMesos ? ` (it was built against ${facts.linkedMesos})` : '';
    return {
      stage: 'undefined-symbol',
      hint: mesos
        ? `'${library}' leaves Mesos's own symbols undefined${builtFor}: a Mesos master or agent supplies them to every module it loads, but no libmesos is loaded here — use --stub-missing to read its manifest anyway`
        : `'${symbol}' is defined by no library '${library}' needs, nor by the C++ runtime: link the library that defines it`,
    };
  }
  return { stage: 'not-loadable', hint: null };
}

/** The needed library that is not found: named by dlerror(), else the first the static search did not find. */
function missingLibrary(library: string, dlerror: string, read: StaticRead | null): string | null {
  const named = /^(.*?): cannot open shared object file/.exec(dlerror)?.[1];
  const base = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  const needed = read?.ok ? read.facts.needed : [];
  if (named !== undefined && named !== library && needed.some((lib) => lib.name === named || base(lib.name) === base(named))) return named;
  if (named !== undefined && named !== library && !named.includes('/')) return named;
  return named === undefined ? (needed.find((lib) => lib.path === null)?.name ?? null) : null;
}

function missingHint(missing: string, library: string): string {
  const release = /^libmesos-(.+)\.so$/.exec(missing)?.[1];
  if (release !== undefined) {
    return `the module needs ${missing}, the Mesos library it was built against (${release}); it is not on this machine — use --stub-missing to read its manifest anyway`;
  }
  return `'${library}' needs ${missing}, which this machine's dynamic linker does not find (RPATH/RUNPATH, LD_LIBRARY_PATH, the ld.so cache, the default folders): install it, or add its folder to LD_LIBRARY_PATH`;
}

/**
 * When a module's symbol is not in the library: the manifest-sized symbols it does export,
 * nearest name first ("did you mean …?"), or that it exports none.
 */
export function symbolHint(library: string, read: StaticRead | null, module: string): string | null {
  if (read === null || !read.ok) return null;
  const { candidates, manifestSize } = read.facts;
  if (candidates.length === 0) {
    return `'${library}' exports no data symbol of ${manifestSize} bytes, so no module at all: a module is a global Module<T> variable named like it, not static, hidden or in a namespace (see nm -D)`;
  }
  const [nearest = '', ...others] = nearestFirst(module, candidates);
  const list = (names: readonly string[]) => `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
  // A suggestion only for a likely slip of the pen (com_emc_mesos_… for com_emccode_mesos_…), not for any other name.
  if (editDistance(module, nearest) > Math.max(3, Math.floor(module.length * 0.3))) return `'${library}' exports no module '${module}'; its modules: ${list([nearest, ...others])}`;
  return `'${library}' exports no module '${module}'; did you mean ${nearest}?${others.length > 0 ? ` (it also exports ${list(others)})` : ''}`;
}

/** `names` ordered by edit distance to `name`, ties in their given order. */
export function nearestFirst(name: string, names: readonly string[]): string[] {
  return names
    .map((candidate, index) => ({ candidate, index, distance: editDistance(name, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map((entry) => entry.candidate);
}

/** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
