/**
 * ELF `e_machine` numbers and the names people know them by (System V gABI, "e_machine";
 * glibc `elf.h`), and the one this process runs on, so that another machine's ELF can be named
 * as such: "an ELF for AArch64, this machine is x86-64".
 */
const MACHINES: Readonly<Record<number, string>> = {
  2: 'SPARC',
  3: 'x86',
  8: 'MIPS',
  20: 'PowerPC',
  21: 'PowerPC64',
  22: 'S/390',
  40: 'ARM',
  43: 'SPARC V9',
  50: 'IA-64',
  62: 'x86-64',
  183: 'AArch64',
  243: 'RISC-V',
  258: 'LoongArch',
};

/** Node's `process.arch` → (e_machine, ELF class) of the code this machine runs natively. */
const NODE_ARCH: Readonly<Record<string, { machine: number; bits: 32 | 64 }>> = {
  x64: { machine: 62, bits: 64 },
  ia32: { machine: 3, bits: 32 },
  arm64: { machine: 183, bits: 64 },
  arm: { machine: 40, bits: 32 },
  ppc64: { machine: 21, bits: 64 },
  s390x: { machine: 22, bits: 64 },
  riscv64: { machine: 243, bits: 64 },
  loong64: { machine: 258, bits: 64 },
  mips: { machine: 8, bits: 32 },
  mipsel: { machine: 8, bits: 32 },
};

/** What an ELF's code runs on. */
export interface ElfTarget {
  readonly machine: number;
  readonly bits: 32 | 64;
}

export function machineName(machine: number): string {
  return MACHINES[machine] ?? `machine ${machine}`;
}

/** The target of a Node `process.arch`, or null for one this table does not know. */
export function hostTarget(arch: string): ElfTarget | null {
  return NODE_ARCH[arch] ?? null;
}

/** `null` when `target` runs here, else why not ("an ELF for AArch64, this machine is x86-64"). */
export function foreignTo(target: ElfTarget, host: ElfTarget | null): string | null {
  if (host === null || (target.machine === host.machine && target.bits === host.bits)) return null;
  const what = target.machine === host.machine ? `a ${target.bits}-bit ELF for ${machineName(target.machine)}` : `an ELF for ${machineName(target.machine)}`;
  const here = target.machine === host.machine ? `${host.bits}-bit ${machineName(host.machine)}` : machineName(host.machine);
  return `${what}, this machine is ${here}`;
}
