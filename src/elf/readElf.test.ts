import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { craftElf, type CraftedSymbol } from '../../test/helpers/craftElf.js';
import { compileFixtures, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import { foreignTo, hostTarget } from './elfMachine.js';
import { linkedMesosRelease, manifestCandidates } from './moduleCandidates.js';
import { readElf, type ElfFile } from './readElf.js';

const NAME = 'org_apache_mesos_matrix_TestModule';
let fixture = new Uint8Array();
/** The libraries this very process has mapped (read at test time, never a committed path). */
const mapped = (name: RegExp) => [...new Set(readFileSync('/proc/self/maps', 'utf8').split('\n').map((line) => line.split(/\s+/)[5] ?? ''))].find((file) => name.test(file));
const libc = mapped(/\/libc\.so\.6$/);
let hidden = new Uint8Array();

beforeAll(async () => {
  const built = await compileFixtures([variant('elf-good', {}), variant('elf-hidden', { exportSymbol: false })], temporaryDir('elf'));
  const bytesOf = (id: string) => {
    const outcome = built.get(id);
    if (outcome?.status === 'failed' || outcome === undefined) throw new Error(`${id} did not compile`);
    return new Uint8Array(readFileSync(outcome.library));
  };
  fixture = bytesOf('elf-good');
  hidden = bytesOf('elf-hidden');
});

const ok = (bytes: Uint8Array): ElfFile => {
  const read = readElf(bytes);
  if (!read.ok) throw new Error(read.problem);
  return read;
};

describe('readElf on compiled fixtures', () => {
  it('reads a fixture: 64-bit x86-64 shared object whose manifest is a 64-byte exported data symbol', () => {
    const elf = ok(fixture);
    expect(elf).toMatchObject({ bits: 64, endian: 'little', machine: 62, type: 'shared object', needed: [], rpath: null, runpath: null });
    expect(manifestCandidates(elf)).toEqual([NAME]);
    expect(elf.symbols.find((symbol) => symbol.name === NAME)).toEqual({ name: NAME, type: 'object', bind: 'global', visibility: 'default', size: 64, defined: true });
  });

  it('offers no candidate when the manifest is not exported', () => {
    expect(manifestCandidates(ok(hidden))).toEqual([]);
  });

  it('classifies every truncation of a real library, never throwing', () => {
    const problems = new Set<string>();
    for (let length = 0; length < fixture.length; length += length < 128 ? 1 : 37) {
      const read = readElf(fixture.subarray(0, length));
      if (!read.ok) problems.add(read.problem.replace(/\d+/g, 'N'));
    }
    expect([...problems].every((problem) => /^(not an ELF file|an empty file|truncated at byte N \(|an ELF file of unknown)/.test(problem))).toBe(true);
    expect(readElf(fixture.subarray(0, 100))).toEqual({ ok: false, problem: expect.stringMatching(/^truncated at byte \d+ \(reading section header 0\); the file has 100 bytes$/) });
  });

  it('survives bit flips anywhere (seeded), always answering', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const copy = fixture.slice();
      for (let flip = 0; flip < 4; flip++) {
        const at = next() % copy.length;
        copy[at] = (copy[at] ?? 0) ^ (1 << (next() % 8));
      }
      const read = readElf(copy);
      expect(typeof read.ok).toBe('boolean');
    }
  });

  it('reads the same facts from the program headers when the section headers are gone (sstrip), for the fixture and libc', () => {
    for (const bytes of [fixture, ...(libc === undefined ? [] : [new Uint8Array(readFileSync(libc))])]) {
      const stripped = bytes.slice();
      const view = new DataView(stripped.buffer);
      view.setBigUint64(40, 0n, true); // e_shoff
      view.setUint16(60, 0, true); // e_shnum
      view.setUint16(62, 0, true); // e_shstrndx
      const [whole, without] = [ok(bytes), ok(stripped)];
      expect({ ...without, symbols: without.symbols.length }).toEqual({ ...whole, symbols: whole.symbols.length });
      expect(without.symbols).toEqual(whole.symbols);
    }
  });

  it('says what a file that is no ELF is', () => {
    expect(readElf(new TextEncoder().encode('#!/bin/sh\necho hi\n'))).toEqual({ ok: false, problem: 'not an ELF file (no \\x7fELF at its start)' });
    expect(readElf(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 3, 1]))).toEqual({ ok: false, problem: 'an ELF file of unknown class 3 (neither 32- nor 64-bit)' });
    expect(readElf(new Uint8Array())).toEqual({ ok: false, problem: 'an empty file, not an ELF file' });
  });

  // The node running this test is an executable (PIE or not), never a shared object, as a library is.
  it('tells an executable from a shared object', () => {
    const node = readElf(readFileSync(process.execPath));
    expect(node.ok && node.type).toMatch(/^(position-independent executable|executable)$/);
  });
});

describe('readElf on this machine\'s system libraries', () => {
  const readelf = execa('readelf', ['--version'], { reject: false }).then((result) => !result.failed);

  it.skipIf(libc === undefined)('reads libc: its SONAME, what it needs, and no module', () => {
    const elf = ok(readFileSync(libc as string));
    expect(elf.soname).toBe('libc.so.6');
    expect(elf.needed.some((name) => name.startsWith('ld-linux'))).toBe(true);
    expect(manifestCandidates(elf)).toEqual([]);
    expect(elf.symbols.find((symbol) => symbol.name === 'malloc')).toMatchObject({ type: 'func', defined: true });
  });

  it.skipIf(libc === undefined)('agrees with binutils readelf on every dynamic symbol of libc and libstdc++', async () => {
    if (!(await readelf)) return;
    for (const file of [libc, mapped(/\/libstdc\+\+\.so\.6$/)].filter((file): file is string => file !== undefined)) {
      const listing = (await execa('readelf', ['--dyn-syms', '-W', file])).stdout;
      const theirs = listing
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => /^\d+:$/.test(fields[0] ?? '') && fields[0] !== '0:')
        .map(([, , size, type, bind, , ndx, name]) => `${(name ?? '').replace(/@.*$/, '')} ${Number(size?.startsWith('0x') ? Number.parseInt(size, 16) : size)} ${type?.toLowerCase()} ${bind?.toLowerCase()} ${ndx !== 'UND'}`);
      const ours = ok(readFileSync(file)).symbols.map((symbol) => `${symbol.name} ${symbol.size} ${symbol.type === 'other' ? 'ifunc' : symbol.type} ${symbol.bind === 'unique' ? 'unique' : symbol.bind} ${symbol.defined}`);
      expect(ours.length).toBe(theirs.length);
      expect(ours.filter((line) => line.includes(' object ')).sort()).toEqual(theirs.filter((line) => line.includes(' object ')).sort());
    }
  });
});

describe('readElf on other machines\' ELF', () => {
  const symbol = (name: string, size: number, more: Partial<CraftedSymbol> = {}): CraftedSymbol => ({ name, type: 1, bind: 1, size, defined: true, ...more });

  it('reads a big-endian 32-bit ELF (PowerPC) with its dynamic section, and names it as foreign', () => {
    const bytes = craftElf({
      bits: 32,
      endian: 'big',
      machine: 20,
      soname: 'libppc.so',
      needed: ['libmesos-0.25.0.so', 'libc.so.6'],
      runpath: '$ORIGIN/../lib:/opt/mesos/lib',
      symbols: [symbol('com_example_mesos_isolator', 32), symbol('wrong_size', 64), symbol('hidden_one', 32, { visibility: 2 }), symbol('_ZN5mesos7versionEv', 0, { type: 2, defined: false })],
    });
    const elf = ok(bytes);
    expect(elf).toMatchObject({ bits: 32, endian: 'big', machine: 20, soname: 'libppc.so', needed: ['libmesos-0.25.0.so', 'libc.so.6'], rpath: null, runpath: ['$ORIGIN/../lib', '/opt/mesos/lib'] });
    expect(manifestCandidates(elf)).toEqual(['com_example_mesos_isolator']);
    expect(linkedMesosRelease(elf.needed)).toBe('0.25.0');
    expect(elf.symbols.filter((entry) => !entry.defined).map((entry) => entry.name)).toEqual(['_ZN5mesos7versionEv']);
    expect(foreignTo(elf, hostTarget('x64'))).toBe('an ELF for PowerPC, this machine is x86-64');
  });

  it('names a 64-bit little-endian AArch64 library as such (a fixture with its e_machine set to AArch64)', () => {
    const copy = fixture.slice();
    new DataView(copy.buffer).setUint16(18, 183, true);
    const elf = ok(copy);
    expect(elf.machine).toBe(183);
    expect(foreignTo(elf, hostTarget('x64'))).toBe('an ELF for AArch64, this machine is x86-64');
    expect(foreignTo(elf, hostTarget('arm64'))).toBeNull();
    expect(foreignTo({ machine: 62, bits: 32 }, hostTarget('x64'))).toBe('a 32-bit ELF for x86-64, this machine is 64-bit x86-64');
  });
});
