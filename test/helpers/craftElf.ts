/** A symbol of a crafted ELF's `.dynsym`. */
export interface CraftedSymbol {
  readonly name: string;
  readonly type: number;
  readonly bind: number;
  readonly size: number;
  readonly defined: boolean;
  readonly visibility?: number;
}

/**
 * A minimal ELF shared object of any class, byte order and machine, with `.dynstr`, `.dynsym`
 * and `.dynamic` (SONAME, NEEDED, RUNPATH) and nothing else: what a cross compiler would give
 * for another machine, without needing one (System V gABI layouts).
 */
export function craftElf(options: { bits: 32 | 64; endian: 'little' | 'big'; machine: number; soname?: string; needed?: readonly string[]; runpath?: string; symbols?: readonly CraftedSymbol[] }): Uint8Array {
  const wide = options.bits === 64;
  const little = options.endian === 'little';
  const strings: number[] = [0];
  const intern = (text: string) => {
    const at = strings.length;
    strings.push(...new TextEncoder().encode(text), 0);
    return at;
  };
  const dynamic: Array<[number, number]> = [
    ...(options.needed ?? []).map((name): [number, number] => [1, intern(name)]),
    ...(options.soname === undefined ? [] : [[14, intern(options.soname)] as [number, number]]),
    ...(options.runpath === undefined ? [] : [[29, intern(options.runpath)] as [number, number]]),
    [0, 0],
  ];
  const symbols = (options.symbols ?? []).map((symbol) => ({ ...symbol, at: intern(symbol.name) }));
  const header = wide ? 64 : 52;
  const symSize = wide ? 24 : 16;
  const dynSize = wide ? 16 : 8;
  const shSize = wide ? 64 : 40;
  const strOff = header;
  const symOff = strOff + strings.length + ((8 - ((strOff + strings.length) % 8)) % 8);
  const dynOff = symOff + symSize * (symbols.length + 1);
  const shOff = dynOff + dynSize * dynamic.length;
  const bytes = new Uint8Array(shOff + shSize * 4);
  const view = new DataView(bytes.buffer);
  const word = (at: number, value: number) => (wide ? view.setBigUint64(at, BigInt(value), little) : view.setUint32(at, value, little));
  bytes.set([0x7f, 0x45, 0x4c, 0x46, wide ? 2 : 1, little ? 1 : 2, 1]);
  view.setUint16(16, 3, little); // ET_DYN
  view.setUint16(18, options.machine, little);
  view.setUint32(20, 1, little);
  word(wide ? 40 : 32, shOff);
  view.setUint16(wide ? 52 : 40, header, little);
  view.setUint16(wide ? 58 : 46, shSize, little);
  view.setUint16(wide ? 60 : 48, 4, little);
  bytes.set(strings, strOff);
  symbols.forEach((symbol, index) => {
    const at = symOff + symSize * (index + 1);
    view.setUint32(at, symbol.at, little);
    const info = (symbol.bind << 4) | symbol.type;
    view.setUint8(at + (wide ? 4 : 12), info);
    view.setUint8(at + (wide ? 5 : 13), symbol.visibility ?? 0);
    view.setUint16(at + (wide ? 6 : 14), symbol.defined ? 5 : 0, little);
    word(at + (wide ? 16 : 8), symbol.size);
  });
  dynamic.forEach(([tag, value], index) => {
    word(dynOff + dynSize * index, tag);
    word(dynOff + dynSize * index + dynSize / 2, value);
  });
  const section = (index: number, type: number, offset: number, size: number, link: number, entsize: number) => {
    const at = shOff + shSize * index;
    view.setUint32(at + 4, type, little);
    word(at + (wide ? 24 : 16), offset);
    word(at + (wide ? 32 : 20), size);
    view.setUint32(at + (wide ? 40 : 24), link, little);
    word(at + (wide ? 56 : 36), entsize);
  };
  section(1, 3, strOff, strings.length, 0, 0); // .dynstr
  section(2, 11, symOff, symSize * (symbols.length + 1), 1, symSize); // .dynsym
  section(3, 6, dynOff, dynSize * dynamic.length, 1, dynSize); // .dynamic
  return bytes;
}
