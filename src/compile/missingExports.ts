const SHT_DYNSYM = 11;
const SHN_UNDEF = 0;
// Bindings the dynamic linker resolves against (elf.h STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE).
const EXPORTED_BINDINGS = new Set([1, 2, 10]);
// Visibilities a symbol is reachable with from outside the library (STV_DEFAULT, STV_PROTECTED).
const EXPORTED_VISIBILITIES = new Set([0, 3]);

/**
 * Why the compiler's output is not a shared object exporting `names`, or null when it is.
 * Checked before an entry is stamped: a library stamped as good is trusted by every later
 * run, so an empty or truncated output (a compiler killed half-way, a source read while it was
 * being written) must never get a stamp. Reads the ELF headers and `.dynsym` only (System V
 * gABI, "Object Files"), for either class and byte order; anything out of bounds is a reason.
 *
 * Deliberately small: it answers one question for files our compiler just wrote.
 */
export function missingExports(bytes: Buffer, names: readonly string[]): string | null {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46) return `not an ELF file (${bytes.length} bytes)`;
  const wide = bytes[4] === 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[5] === 1;
  const within = (offset: number, size: number) => offset >= 0 && size >= 0 && offset + size <= bytes.length;
  const u16 = (offset: number) => view.getUint16(offset, little);
  const u32 = (offset: number) => view.getUint32(offset, little);
  const word = (offset: number) => (wide ? Number(view.getBigUint64(offset, little)) : u32(offset));
  if (u16(16) !== 3) return 'not a shared object (ELF type is not ET_DYN)';

  const sectionTable = word(wide ? 40 : 32);
  const sectionSize = u16(wide ? 58 : 46);
  const sections = u16(wide ? 60 : 48);
  const section = (index: number) => {
    const at = sectionTable + index * sectionSize;
    if (!within(at, sectionSize) || sectionSize < (wide ? 64 : 40)) return null;
    return { type: u32(at + 4), offset: word(at + (wide ? 24 : 16)), size: word(at + (wide ? 32 : 20)), link: u32(at + (wide ? 40 : 24)), entrySize: word(at + (wide ? 56 : 36)) };
  };

  const exported = new Set<string>();
  for (let index = 0; index < sections; index++) {
    const symbols = section(index);
    if (symbols?.type !== SHT_DYNSYM) continue;
    const strings = section(symbols.link);
    if (!strings || !within(symbols.offset, symbols.size) || !within(strings.offset, strings.size) || symbols.entrySize < (wide ? 24 : 16)) return 'a malformed dynamic symbol table';
    for (let at = symbols.offset; at + symbols.entrySize <= symbols.offset + symbols.size; at += symbols.entrySize) {
      const info = bytes[at + (wide ? 4 : 12)] ?? 0;
      const other = bytes[at + (wide ? 5 : 13)] ?? 0;
      if (u16(at + (wide ? 6 : 14)) === SHN_UNDEF || !EXPORTED_BINDINGS.has(info >> 4) || !EXPORTED_VISIBILITIES.has(other & 3)) continue;
      const start = strings.offset + u32(at);
      const end = bytes.indexOf(0, start);
      if (start >= strings.offset + strings.size || end < 0 || end > strings.offset + strings.size) return 'a malformed dynamic string table';
      exported.add(bytes.toString('latin1', start, end));
    }
  }
  const missing = names.filter((name) => !exported.has(name));
  return missing.length === 0 ? null : `it does not export ${missing.join(', ')}`;
}
