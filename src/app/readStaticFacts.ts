import { open, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { NeededLibrary, StaticRead } from '../core/inspectRun.js';
import { hostTarget, machineName, type ElfTarget } from '../elf/elfMachine.js';
import { linkedMesosRelease, manifestCandidates, manifestSize, requiredUndefined } from '../elf/moduleCandidates.js';
import { elfForeignTo, elfTargetOf, readElf, type ElfFile } from '../elf/readElf.js';
import { parseLdconfigList, searchOrder, type SearchContext } from '../elf/searchOrder.js';

/** What this machine's dynamic linker searches besides a library's own RPATH/RUNPATH. */
export interface LinkerView {
  readonly host: ElfTarget | null;
  readonly ldLibraryPath: string | undefined;
  readonly cache: ReadonlyMap<string, readonly string[]>;
  readonly defaults: readonly string[];
  readonly libDir: string;
}

const MULTIARCH: Readonly<Record<string, string>> = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu', ia32: 'i386-linux-gnu', arm: 'arm-linux-gnueabihf', ppc64: 'powerpc64le-linux-gnu', s390x: 's390x-linux-gnu', riscv64: 'riscv64-linux-gnu' };

/** The ld.so cache (as `ldconfig -p` lists it; empty where ldconfig is missing) and the default folders of this machine. */
export async function linkerView(env: Readonly<Record<string, string | undefined>>): Promise<LinkerView> {
  const { execa } = await import('execa');
  let listing = '';
  for (const ldconfig of ['/sbin/ldconfig', '/usr/sbin/ldconfig', 'ldconfig']) {
    const result = await execa(ldconfig, ['-p'], { reject: false, timeout: 10_000, stdin: 'ignore' });
    if (!result.failed) {
      listing = result.stdout;
      break;
    }
  }
  const host = hostTarget(process.arch);
  const triplet = MULTIARCH[process.arch];
  const wide = host?.bits === 64;
  return {
    host,
    ldLibraryPath: env['LD_LIBRARY_PATH'],
    cache: parseLdconfigList(listing),
    defaults: [...(triplet ? [`/lib/${triplet}`, `/usr/lib/${triplet}`] : []), ...(wide ? ['/lib64', '/usr/lib64'] : []), '/lib', '/usr/lib'],
    libDir: wide ? 'lib64' : 'lib',
  };
}

/** The library's ELF, read from disk (a file that cannot be read is reported, not thrown). */
export async function readElfFile(file: string): Promise<ReturnType<typeof readElf>> {
  try {
    return readElf(await readFile(file));
  } catch (error) {
    return { ok: false, problem: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/** Static facts of one library: no code of it runs. */
export async function readStaticFacts(file: string, view: LinkerView): Promise<{ read: StaticRead; elf: ElfFile | null }> {
  const elf = await readElfFile(file);
  if (!elf.ok) return { read: elf, elf: null };
  const needed = await resolveNeeded(elf, file, view);
  return {
    elf,
    read: {
      ok: true,
      facts: {
        bits: elf.bits,
        endian: elf.endian,
        machine: machineName(elf.machine),
        type: elf.type,
        foreign: elfForeignTo(elf, view.host),
        soname: elf.soname,
        needed,
        rpath: elf.rpath,
        runpath: elf.runpath,
        manifestSize: manifestSize(elf.bits),
        candidates: manifestCandidates(elf),
        undefinedSymbols: requiredUndefined(elf).map((symbol) => symbol.name),
        linkedMesos: linkedMesosRelease(elf.needed),
      },
    },
  };
}

/** Each `DT_NEEDED` name and the file the dynamic linker would take: the first candidate that is an ELF of the library's class and machine. */
export async function resolveNeeded(elf: ElfFile, file: string, view: LinkerView): Promise<NeededLibrary[]> {
  const context: SearchContext = { ...view, origin: path.dirname(await realpath(file).catch(() => path.resolve(file))), rpath: elf.rpath, runpath: elf.runpath };
  return Promise.all(
    elf.needed.map(async (name) => {
      for (const candidate of searchOrder(name, context)) {
        if (await fits(candidate.file, elf)) return { name, path: candidate.file, via: candidate.via };
      }
      return { name, path: null, via: null };
    }),
  );
}

/** ld.so skips a file of another class or machine and goes on searching (glibc `open_verify`). */
async function fits(file: string, want: ElfTarget): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const header = new Uint8Array(20);
      await handle.read(header, 0, 20, 0);
      const target = elfTargetOf(header);
      return target !== null && target.bits === want.bits && target.machine === want.machine;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}
