import { foreignTo, type ElfTarget } from './elfMachine.js';

/** One entry of `.dynsym` (the symbols the dynamic linker sees). */
export interface ElfSymbol {
  readonly name: string;
  readonly type: 'object' | 'func' | 'notype' | 'tls' | 'other';
  readonly bind: 'local' | 'global' | 'weak' | 'unique' | 'other';
  readonly visibility: 'default' | 'internal' | 'hidden' | 'protected';
  /** `st_size`: for a module, the size of its `Module<T>`. */
  readonly size: number;
  /** `st_shndx != SHN_UNDEF`: this file defines it (else it must come from elsewhere at dlopen). */
  readonly defined: boolean;
}

/** What the headers, the dynamic section and the dynamic symbols of an ELF file say. */
export interface ElfFile extends ElfTarget {
  readonly ok: true;
  readonly endian: 'little' | 'big';
  readonly type: string;
  readonly soname: string | null;
  /** `DT_NEEDED`, in order. */
  readonly needed: readonly string[];
  /** `DT_RPATH` and `DT_RUNPATH`, split at `:` (null when absent). */
  readonly rpath: readonly string[] | null;
  readonly runpath: readonly string[] | null;
  readonly symbols: readonly ElfSymbol[];
}

/** A file that is no readable ELF: why, in words ("not an ELF file", "truncated at byte …"). */
export interface ElfProblem {
  readonly ok: false;
  readonly problem: string;
}

const TYPES: Readonly<Record<number, string>> = { 1: 'relocatable', 2: 'executable', 3: 'shared object', 4: 'core dump' };
const SYMBOL_TYPES = ['notype', 'object', 'func'] as const;
const BINDS: Readonly<Record<number, ElfSymbol['bind']>> = { 0: 'local', 1: 'global', 2: 'weak', 10: 'unique' };
const VISIBILITIES = ['default', 'internal', 'hidden', 'protected'] as const;
const SHT_DYNAMIC = 6;
const SHT_DYNSYM = 11;
const UTF8 = new TextDecoder();
const DT = { NEEDED: 1, SONAME: 14, RPATH: 15, RUNPATH: 29, FLAGS_1: 0x6ffffffb } as const;
const DF_1_PIE = 0x08000000;

class Truncated extends Error {
  constructor(readonly offset: number, readonly what: string) {
    super(what);
  }
}

/**
 * Reads an ELF file's identity, dynamic section and `.dynsym` from its bytes, for either class
 * and byte order (System V gABI, "Object Files"; glibc `elf.h`). Pure, and total: a hostile or
 * truncated file is a classified {@link ElfProblem}, never an exception. No code of it runs.
 */
export function readElf(bytes: Uint8Array): ElfFile | ElfProblem {
  if (bytes.length === 0) return { ok: false, problem: 'an empty file, not an ELF file' };
  if (bytes.length < 4 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) return { ok: false, problem: 'not an ELF file (no \\x7fELF at its start)' };
  if (bytes.length < 6) return { ok: false, problem: `truncated at byte ${bytes.length} (in the ELF identification)` };
  const bits = bytes[4] === 1 ? 32 : bytes[4] === 2 ? 64 : null;
  const endian = bytes[5] === 1 ? 'little' : bytes[5] === 2 ? 'big' : null;
  if (bits === null) return { ok: false, problem: `an ELF file of unknown class ${bytes[4]} (neither 32- nor 64-bit)` };
  if (endian === null) return { ok: false, problem: `an ELF file of unknown data encoding ${bytes[5]} (neither little- nor big-endian)` };
  try {
    return parse(new Reader(bytes, bits, endian));
  } catch (error) {
    if (error instanceof Truncated) return { ok: false, problem: `truncated at byte ${error.offset} (reading ${error.what}); the file has ${bytes.length} bytes` };
    throw error;
  }
}

/** Why this machine cannot load `file`, or null when it can (its class and machine are ours). */
export function elfForeignTo(file: ElfFile, host: ElfTarget | null): string | null {
  return foreignTo(file, host);
}

function parse(r: Reader): ElfFile {
  const wide = r.bits === 64;
  const type = r.u16(16, 'e_type');
  const machine = r.u16(18, 'e_machine');
  const shoff = r.word(wide ? 40 : 32, 'e_shoff');
  const shentsize = r.u16(wide ? 58 : 46, 'e_shentsize');
  let shnum = r.u16(wide ? 60 : 48, 'e_shnum');
  // Extended numbering: 0 sections with a table means the count is sh_size of section 0.
  if (shnum === 0 && shoff !== 0) shnum = r.word(shoff + (wide ? 32 : 20), 'the section count in section 0');
  const sections = Array.from({ length: Math.min(shnum, 65_536) }, (_, index) => section(r, shoff + index * shentsize, index));
  const dynamicSection = sections.find((s) => s.type === SHT_DYNAMIC);
  const dynsymSection = sections.find((s) => s.type === SHT_DYNSYM);
  // Section headers are optional at run time (sstrip, `strip --strip-section-headers`): the
  // dynamic linker reads the program headers, and so do we when the sections are gone.
  const tables = dynamicSection
    ? { dynamic: dynamicSection, dynstr: sections[dynamicSection.link], dynsym: dynsymSection, symstr: dynsymSection ? sections[dynsymSection.link] : undefined }
    : fromSegments(r);
  const symbols = tables.dynsym ? readSymbols(r, tables.dynsym, tables.symstr) : [];
  const named = [DT.NEEDED, DT.SONAME, DT.RPATH, DT.RUNPATH] as number[];
  const dynamicEntries = tables.dynamic ? rawDynamic(r, tables.dynamic) : [];
  // A position-independent executable is ET_DYN too; DF_1_PIE in DT_FLAGS_1 tells it from a library.
  const pie = type === 3 && dynamicEntries.some((entry) => entry.tag === DT.FLAGS_1 && (Number(entry.value) & DF_1_PIE) !== 0);
  const entries = dynamicEntries
    .filter((entry) => named.includes(entry.tag))
    .map((entry) => ({ tag: entry.tag, value: r.string(tables.dynstr, entry.value, 'a name in the dynamic string table') }));
  const values = (tag: number) => entries.filter((entry) => entry.tag === tag).map((entry) => entry.value);
  const paths = (tag: number) => (values(tag).length === 0 ? null : values(tag).flatMap((value) => value.split(':')));
  return {
    ok: true,
    bits: r.bits,
    endian: r.endian,
    machine,
    type: pie ? 'position-independent executable' : (TYPES[type] ?? `type ${type}`),
    soname: values(DT.SONAME)[0] ?? null,
    needed: values(DT.NEEDED),
    rpath: paths(DT.RPATH),
    runpath: paths(DT.RUNPATH),
    symbols,
  };
}

interface Section {
  readonly index: number;
  readonly type: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly entsize: number;
}

function section(r: Reader, at: number, index: number): Section {
  const wide = r.bits === 64;
  const what = `section header ${index}`;
  return {
    index,
    type: r.u32(at + 4, what),
    offset: r.word(at + (wide ? 24 : 16), what),
    size: r.word(at + (wide ? 32 : 20), what),
    link: r.u32(at + (wide ? 40 : 24), what),
    entsize: r.word(at + (wide ? 56 : 36), what),
  };
}

function readSymbols(r: Reader, table: Section, strings: Section | undefined): ElfSymbol[] {
  const wide = r.bits === 64;
  const entsize = table.entsize || (wide ? 24 : 16);
  const count = Math.floor(table.size / entsize);
  r.need(table.offset, table.size, '.dynsym');
  const symbols: ElfSymbol[] = [];
  // Entry 0 is the reserved undefined symbol.
  for (let index = 1; index < count; index++) {
    const at = table.offset + index * entsize;
    const info = r.u8(at + (wide ? 4 : 12), '.dynsym');
    const other = r.u8(at + (wide ? 5 : 13), '.dynsym');
    const shndx = r.u16(at + (wide ? 6 : 14), '.dynsym');
    const kind = info & 0xf;
    symbols.push({
      name: r.string(strings, r.u32(at, '.dynsym'), 'a symbol name in .dynstr'),
      type: kind === 6 ? 'tls' : (SYMBOL_TYPES[kind] ?? 'other'),
      bind: BINDS[info >> 4] ?? 'other',
      visibility: VISIBILITIES[other & 3] ?? 'default',
      size: r.word(at + (wide ? 16 : 8), '.dynsym'),
      defined: shndx !== 0,
    });
  }
  return symbols;
}

/** The dynamic array up to DT_NULL: tag and value (an address, a size or a string table index). */
function rawDynamic(r: Reader, table: Section): Array<{ tag: number; value: number }> {
  const entsize = r.bits === 64 ? 16 : 8;
  r.need(table.offset, table.size, '.dynamic');
  const entries: Array<{ tag: number; value: number }> = [];
  for (let at = table.offset; at + entsize <= table.offset + table.size; at += entsize) {
    const tag = r.word(at, '.dynamic');
    if (tag === 0) break; // DT_NULL ends the array
    entries.push({ tag, value: r.word(at + entsize / 2, '.dynamic') });
  }
  return entries;
}

interface Tables {
  readonly dynamic: Section | undefined;
  readonly dynstr: Section | undefined;
  readonly dynsym: Section | undefined;
  readonly symstr: Section | undefined;
}

/**
 * The dynamic tables as the program headers give them: `PT_DYNAMIC`, and in it the addresses
 * of the string table (`DT_STRTAB`, `DT_STRSZ`) and symbol table (`DT_SYMTAB`), mapped to file
 * offsets through the `PT_LOAD` segments; the symbol count from `DT_HASH` (nchain) or, lacking
 * it, by walking `DT_GNU_HASH` to its last chain (glibc `elf/dl-lookup.c`).
 */
function fromSegments(r: Reader): Tables {
  const wide = r.bits === 64;
  const phoff = r.word(wide ? 32 : 28, 'e_phoff');
  const phentsize = r.u16(wide ? 54 : 42, 'e_phentsize');
  const phnum = r.u16(wide ? 56 : 44, 'e_phnum');
  const segments = Array.from({ length: phnum }, (_, index) => {
    const at = phoff + index * phentsize;
    const what = `program header ${index}`;
    return { type: r.u32(at, what), offset: r.word(at + (wide ? 8 : 4), what), vaddr: r.word(at + (wide ? 16 : 8), what), filesz: r.word(at + (wide ? 32 : 16), what) };
  });
  const dynamicSegment = segments.find((segment) => segment.type === 2);
  if (!dynamicSegment) return { dynamic: undefined, dynstr: undefined, dynsym: undefined, symstr: undefined };
  const table = (offset: number, size: number, entsize = 0): Section => ({ index: -1, type: 0, offset, size, link: 0, entsize });
  const dynamic = table(dynamicSegment.offset, dynamicSegment.filesz);
  const entries = rawDynamic(r, dynamic);
  const value = (tag: number) => entries.find((entry) => entry.tag === tag)?.value;
  const offsetOf = (address: number | undefined) => {
    const load = segments.find((segment) => segment.type === 1 && address !== undefined && address >= segment.vaddr && address < segment.vaddr + segment.filesz);
    return load === undefined || address === undefined ? undefined : load.offset + (address - load.vaddr);
  };
  const strtab = offsetOf(value(5));
  const dynstr = strtab === undefined ? undefined : table(strtab, value(10) ?? 0);
  const symtab = offsetOf(value(6));
  const entsize = value(11) ?? (wide ? 24 : 16);
  const count = symbolCount(r, offsetOf(value(4)), offsetOf(value(0x6ffffef5)));
  return { dynamic, dynstr, dynsym: symtab === undefined ? undefined : table(symtab, count * entsize, entsize), symstr: dynstr };
}

function symbolCount(r: Reader, hash: number | undefined, gnuHash: number | undefined): number {
  if (hash !== undefined) return r.u32(hash + 4, 'DT_HASH');
  if (gnuHash === undefined) return 0;
  const [nbuckets, symoffset, bloomSize] = [0, 4, 8].map((at) => r.u32(gnuHash + at, 'DT_GNU_HASH')) as [number, number, number];
  const buckets = gnuHash + 16 + bloomSize * (r.bits / 8);
  let last = 0;
  for (let bucket = 0; bucket < nbuckets; bucket++) last = Math.max(last, r.u32(buckets + bucket * 4, 'DT_GNU_HASH'));
  if (last < symoffset) return symoffset;
  const chains = buckets + nbuckets * 4;
  // Each chain ends with an entry whose lowest bit is set.
  while ((r.u32(chains + (last - symoffset) * 4, 'DT_GNU_HASH') & 1) === 0) last++;
  return last + 1;
}

/** Bounds-checked reads in the file's class and byte order; every miss is a {@link Truncated}. */
class Reader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly bits: 32 | 64,
    readonly endian: 'little' | 'big',
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(offset: number, length: number, what: string): void {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > this.bytes.length) {
      throw new Truncated(Math.min(Number.isSafeInteger(offset) ? offset : Infinity, this.bytes.length), what);
    }
  }
  u8(offset: number, what: string): number {
    this.need(offset, 1, what);
    return this.view.getUint8(offset);
  }
  u16(offset: number, what: string): number {
    this.need(offset, 2, what);
    return this.view.getUint16(offset, this.endian === 'little');
  }
  u32(offset: number, what: string): number {
    this.need(offset, 4, what);
    return this.view.getUint32(offset, this.endian === 'little');
  }
  /** An address, offset or size: 4 bytes in a 32-bit file, 8 in a 64-bit one (beyond 2^53 reads as past the end). */
  word(offset: number, what: string): number {
    if (this.bits === 32) return this.u32(offset, what);
    this.need(offset, 8, what);
    const value = this.view.getBigUint64(offset, this.endian === 'little');
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }
  /** The NUL-terminated string at `index` of the string table `table`. */
  string(table: Section | undefined, index: number, what: string): string {
    if (table === undefined) throw new Truncated(this.bytes.length, `${what} (its string table is missing)`);
    this.need(table.offset, table.size, what);
    if (index >= table.size) throw new Truncated(table.offset + table.size, what);
    const end = this.bytes.subarray(table.offset + index, table.offset + table.size).indexOf(0);
    if (end < 0) throw new Truncated(table.offset + table.size, `${what} (no terminating NUL)`);
    return UTF8.decode(this.bytes.subarray(table.offset + index, table.offset + index + end));
  }
}

/** The class and machine in an ELF header's first 20 bytes, or null when they are no ELF header. */
export function elfTargetOf(bytes: Uint8Array): (ElfTarget & { readonly endian: 'little' | 'big' }) | null {
  if (bytes.length < 20 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) return null;
  const bits = bytes[4] === 1 ? 32 : bytes[4] === 2 ? 64 : null;
  const endian = bytes[5] === 1 ? 'little' : bytes[5] === 2 ? 'big' : null;
  if (bits === null || endian === null) return null;
  return { bits, endian, machine: new DataView(bytes.buffer, bytes.byteOffset, 20).getUint16(18, endian === 'little') };
}
