/**
 * Runs in a child process (never in the CLI): opens libraries with glibc's own dlopen/dlsym
 * through koffi, reads each module's manifest and calls `compatible()` once, reporting every
 * step on the protocol descriptor (its number is the first argument), each line framed with
 * the token the parent sent. A crash, exit or hang here costs only this process; the parent
 * classifies it.
 *
 * dlopen is called directly, as stout's DynamicLibrary does (RTLD_NOW, no RTLD_GLOBAL;
 * loader-facts §3), so dlerror() texts are glibc's, byte for byte.
 */
import { readFileSync, writeSync } from 'node:fs';
import koffi from 'koffi';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import { frame, type ProbeEvent, type ProbeInput, type ProbeItem, type RawManifest } from './probeProtocol.js';
import { spareCurrentChildren, sweepChildren } from './sweepChildren.js';

const RTLD_NOW = 2;
const RTLD_GLOBAL = 0x100;

const libc = koffi.load('libc.so.6');
const dlopen = libc.func('void *dlopen(const char *file, int mode)') as (file: string, mode: number) => unknown;
const dlsym = libc.func('void *dlsym(void *handle, const char *name)') as (handle: unknown, name: string) => unknown;
const dlerror = libc.func('const char *dlerror()') as () => string | null;
const prctl = libc.func('int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)') as (...args: number[]) => number;
const PR_SET_CHILD_SUBREAPER = 36;

const protocolFd = Number(process.argv[2]);
let token = '';

// Module<T>: ModuleBase (six const char*, then bool (*)()) and create at offset 56 (loader-facts §1, §2).
const ModuleLayout = koffi.struct('mesos_module_matrix_Module', {
  moduleApiVersion: 'const char *',
  mesosVersion: 'const char *',
  kind: 'const char *',
  authorName: 'const char *',
  authorEmail: 'const char *',
  description: 'const char *',
  compatible: 'void *',
  create: 'void *',
});
const Compatible = koffi.proto('bool mesos_module_matrix_compatible()');

type DecodedModule = Omit<RawManifest, 'compatiblePresent' | 'create'> & { compatible: unknown; create: unknown };

// A Mesos master or agent is a C++ program: the C++ runtime is in its global scope, and
// modules' runtime symbols resolve against it. Make that so here too (fixtures are linked
// without a runtime of their own, see src/compile/compilerArgs.ts).
dlopen('libstdc++.so.6', RTLD_NOW | RTLD_GLOBAL);

function emit(event: ProbeEvent): void {
  // Synchronous, so that nothing written is lost if the next step kills the process.
  writeSync(protocolFd, frame(token, event));
}

/** The outcome, with the processes the library left running (killed now) noted on it. */
function answer(i: number, outcome: LibraryOutcome): void {
  const leftovers = sweepChildren('main thread');
  emit({ i, outcome: leftovers.length > 0 ? { ...outcome, leftovers } : outcome });
}

function probe(items: readonly ProbeItem[]): void {
  // Mesos opens each distinct library string once (loader-facts §6 step 2).
  const handles = new Map<string, unknown>();
  items.forEach((item, i) => {
    let handle = handles.get(item.library);
    if (handle === undefined) {
      emit({ i, at: 'open' });
      handle = dlopen(item.library, RTLD_NOW);
      if (!handle) return answer(i, { stage: 'open', dlerror: dlerror() ?? '' });
      handles.set(item.library, handle);
    }
    emit({ i, at: 'symbol' });
    const address = dlsym(handle, item.symbol);
    if (!address) return answer(i, { stage: 'symbol', dlerror: dlerror() ?? '' });
    const decoded = koffi.decode(address, ModuleLayout) as DecodedModule;
    const { compatible, create, ...strings } = decoded;
    const manifest: RawManifest = { ...strings, create: !isNull(create), compatiblePresent: !isNull(compatible) };
    emit({ i, at: 'compatible', manifest });
    const returned = manifest.compatiblePresent ? (koffi.call(compatible, Compatible) as boolean) : undefined;
    const { compatiblePresent: _present, ...fields } = manifest;
    const outcome: LibraryOutcome = {
      stage: 'manifest',
      manifest: { ...fields, compatible: returned === undefined ? { present: false } : { present: true, returned } },
    };
    answer(i, outcome);
  });
  // Whatever escaped the per-item sweeps (a grandchild reparented late) is found here.
  emit({ done: true, leftovers: sweepChildren('all threads') });
}

function isNull(pointer: unknown): boolean {
  return pointer === null || pointer === 0n || pointer === 0;
}

// Empty input: the parent ended without giving work (a prestarted child it never needed).
const input = readFileSync(0, 'utf8');
if (input.trim() !== '') {
  const given = JSON.parse(input) as ProbeInput;
  token = given.token;
  // Before any library runs: what it spawns and orphans reparents to this process, to be found.
  prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  spareCurrentChildren();
  probe(given.items);
}
