/**
 * Reproducible damage to a real ELF shared library, for fuzzing the prober: bit flips aimed at
 * the structures the dynamic loader reads (ELF header, program headers, dynamic section, dynamic
 * symbols, relocations), at the module manifest's strings, random bytes anywhere, and truncation.
 * Only what the mutations need is read (ELF64 little-endian, as on x86_64).
 */

export const MUTATIONS = ['elf-header', 'program-headers', 'dynamic', 'dynsym', 'relocations', 'manifest-data', 'random-bytes', 'truncate'] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface Mutant {
  readonly mutation: Mutation;
  /** What was done, precisely enough to redo it by hand (`dynamic: flipped bit 3 of 0x2ea1`). */
  readonly detail: string;
  readonly bytes: Buffer;
}

interface Range {
  readonly offset: number;
  readonly size: number;
}

/** The module in the library: its symbol and the strings its manifest points to. */
export interface ModuleTarget {
  readonly symbol: string;
  readonly manifestStrings: readonly string[];
}

/** `counts[kind]` mutants of each kind, the same ones for the same `seed` and library. */
export function mutateLibrary(library: Buffer, target: ModuleTarget, counts: Readonly<Record<Mutation, number>>, seed: number): Mutant[] {
  const random = mulberry32(seed);
  const below = (n: number) => Math.floor(random() * n);
  const regions = elfRegions(library, target);
  const mutants: Mutant[] = [];
  for (const mutation of MUTATIONS) {
    for (let n = 0; n < counts[mutation]; n++) {
      const bytes = Buffer.from(library);
      if (mutation === 'truncate') {
        const length = below(library.length);
        mutants.push({ mutation, detail: `truncated to ${length} of ${library.length} bytes`, bytes: bytes.subarray(0, length) });
        continue;
      }
      const changes: string[] = [];
      for (let times = 1 + below(3); times > 0; times--) {
        if (mutation === 'random-bytes') {
          const [at, value] = [below(bytes.length), below(256)];
          bytes[at] = value;
          changes.push(`set 0x${at.toString(16)} to 0x${value.toString(16)}`);
          continue;
        }
        const ranges = regions[mutation];
        const range = ranges[below(ranges.length)] as Range;
        const [at, bit] = [range.offset + below(range.size), below(8)];
        bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
        changes.push(`flipped bit ${bit} of 0x${at.toString(16)}`);
      }
      mutants.push({ mutation, detail: changes.join(', '), bytes });
    }
  }
  return mutants;
}

/** Where each targeted structure lies in the file. */
function elfRegions(elf: Buffer, { symbol, manifestStrings }: ModuleTarget): Record<Exclude<Mutation, 'random-bytes' | 'truncate'>, Range[]> {
  if (elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2 || elf[5] !== 1) throw new Error('mutateLibrary: not a 64-bit little-endian ELF file');
  const phoff = Number(elf.readBigUInt64LE(0x20));
  const shoff = Number(elf.readBigUInt64LE(0x28));
  const [phentsize, phnum, shentsize, shnum, shstrndx] = [0x36, 0x38, 0x3a, 0x3c, 0x3e].map((at) => elf.readUInt16LE(at)) as [number, number, number, number, number];
  const programHeaders = Array.from({ length: phnum }, (_, i) => phoff + i * phentsize);
  const dynamic = programHeaders.find((at) => elf.readUInt32LE(at) === 2 /* PT_DYNAMIC */);
  const section = (i: number) => ({ name: elf.readUInt32LE(shoff + i * shentsize), offset: Number(elf.readBigUInt64LE(shoff + i * shentsize + 0x18)), size: Number(elf.readBigUInt64LE(shoff + i * shentsize + 0x20)) });
  const names = section(shstrndx);
  const sections = new Map(Array.from({ length: shnum }, (_, i) => section(i)).map((s) => [elf.toString('latin1', names.offset + s.name, elf.indexOf(0, names.offset + s.name)), s]));
  const sectionRange = (name: string): Range => {
    const found = sections.get(name);
    if (!found) throw new Error(`mutateLibrary: no ${name} section`);
    return { offset: found.offset, size: found.size };
  };
  const manifestData = manifestStrings.map((text) => {
    // The string with its terminating NUL: a flipped NUL lets the string run on into the next one.
    const offset = elf.indexOf(Buffer.from(`${text}\0`, 'utf8'), sectionRange('.rodata').offset);
    if (offset < 0) throw new Error(`mutateLibrary: manifest string ${JSON.stringify(text)} not found in .rodata`);
    return { offset, size: Buffer.byteLength(text) + 1 };
  });
  if (dynamic === undefined) throw new Error('mutateLibrary: no PT_DYNAMIC program header');
  // Half the dynsym flips hit the module's own entry (name, value, size): dlsym then fails, or
  // finds the manifest somewhere else.
  const [dynsym, dynstr] = [sectionRange('.dynsym'), sectionRange('.dynstr')];
  const entries = Array.from({ length: dynsym.size / 24 }, (_, i) => dynsym.offset + i * 24);
  const moduleEntry = entries.find((at) => elf.toString('latin1', dynstr.offset + elf.readUInt32LE(at), elf.indexOf(0, dynstr.offset + elf.readUInt32LE(at))) === symbol);
  if (moduleEntry === undefined) throw new Error(`mutateLibrary: ${symbol} is not among the dynamic symbols`);
  return {
    'elf-header': [{ offset: 0, size: 0x40 }],
    'program-headers': [{ offset: phoff, size: phentsize * phnum }],
    dynamic: [{ offset: Number(elf.readBigUInt64LE(dynamic + 0x08)), size: Number(elf.readBigUInt64LE(dynamic + 0x20)) }],
    dynsym: [dynsym, { offset: moduleEntry, size: 24 }],
    relocations: [sectionRange('.rela.dyn')],
    'manifest-data': manifestData,
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same mutants on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
