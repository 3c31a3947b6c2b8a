import { describe, expect, it } from 'vitest';
import type { StaticFacts, StaticRead } from './inspectRun.js';
import { classifyOpen, isMesosSymbol, nearestFirst, symbolHint } from './staticHint.js';

const facts = (change: Partial<StaticFacts> = {}): StaticRead => ({
  ok: true,
  facts: {
    bits: 64,
    endian: 'little',
    machine: 'x86-64',
    type: 'shared object',
    foreign: null,
    soname: null,
    needed: [],
    rpath: null,
    runpath: null,
    manifestSize: 64,
    candidates: [],
    undefinedSymbols: [],
    linkedMesos: null,
    ...change,
  },
});
const LIB = '/opt/mesos/lib/libdvdi.so';

describe('classifyOpen: what a dlopen() failure means, from the static facts', () => {
  it.each([
    [
      'the Mesos library the module was built against is missing',
      facts({ needed: [{ name: 'libmesos-0.25.0.so', path: null, via: null }], linkedMesos: '0.25.0' }),
      'libmesos-0.25.0.so: cannot open shared object file: No such file or directory',
      'missing-library',
      'the module needs libmesos-0.25.0.so, the Mesos library it was built against (0.25.0); it is not on this machine — use --stub-missing to read its manifest anyway',
    ],
    [
      'another needed library is missing',
      facts({ needed: [{ name: 'libprotobuf.so.9', path: null, via: null }] }),
      'libprotobuf.so.9: cannot open shared object file: No such file or directory',
      'missing-library',
      `'${LIB}' needs libprotobuf.so.9, which this machine's dynamic linker does not find (RPATH/RUNPATH, LD_LIBRARY_PATH, the ld.so cache, the default folders): install it, or add its folder to LD_LIBRARY_PATH`,
    ],
    [
      "another machine's ELF",
      facts({ foreign: 'an ELF for AArch64, this machine is x86-64' }),
      `${LIB}: cannot open shared object file: No such file or directory`,
      'foreign-machine',
      `'${LIB}' is an ELF for AArch64, this machine is x86-64: build it for the machine Mesos runs on`,
    ],
    [
      'a Mesos symbol left undefined (an automake module, no -lmesos)',
      facts(),
      `${LIB}: undefined symbol: _ZN5mesos5slave8IsolatorD2Ev`,
      'undefined-symbol',
      `'${LIB}' leaves Mesos's own symbols undefined: a Mesos master or agent supplies them to every module it loads, but no libmesos is loaded here — use --stub-missing to read its manifest anyway`,
    ],
    ['another symbol left undefined', facts(), `${LIB}: undefined symbol: png_read_info`, 'undefined-symbol', `'png_read_info' is defined by no library '${LIB}' needs, nor by the C++ runtime: link the library that defines it`],
    ['no ELF at all', { ok: false, problem: 'not an ELF file (no \\x7fELF at its start)' } as const, `${LIB}: invalid ELF header`, 'not-loadable', `'${LIB}' is not an ELF file (no \\x7fELF at its start): no dynamic linker can load it`],
    ['the library itself is missing: the stage advice stays', null, `${LIB}: cannot open shared object file: No such file or directory`, 'not-loadable', null],
  ])('%s', (_what, read, dlerror, stage, hint) => {
    expect(classifyOpen(LIB, read, dlerror)).toEqual({ stage, hint });
  });
});

describe('symbolHint: the manifest-sized symbols a library exports, nearest name first', () => {
  it('suggests the exported module a config misspelt', () => {
    const read = facts({ candidates: ['org_apache_mesos_other', 'com_emccode_mesos_isolator', 'com_emccode_mesos_hook'] });
    expect(symbolHint(LIB, read, 'com_emc_mesos_isolator')).toBe(`'${LIB}' exports no module 'com_emc_mesos_isolator'; did you mean com_emccode_mesos_isolator? (it also exports com_emccode_mesos_hook, org_apache_mesos_other)`);
  });

  it('lists the modules instead when no name is near', () => {
    expect(symbolHint(LIB, facts({ candidates: ['org_apache_mesos_TestModule'] }), 'org_apache_mesos_Missing')).toBe(`'${LIB}' exports no module 'org_apache_mesos_Missing'; its modules: org_apache_mesos_TestModule`);
  });

  it('says when a library exports no module at all', () => {
    expect(symbolHint(LIB, facts(), 'org_apache_mesos_x')).toMatch(/^'.*' exports no data symbol of 64 bytes, so no module at all/);
  });

  it('orders by edit distance, ties as given', () => {
    expect(nearestFirst('abcd', ['xbcd', 'abcd', 'zzzz', 'abxd'])).toEqual(['abcd', 'xbcd', 'abxd', 'zzzz']);
  });

  it.each([
    ['_ZN5mesos5slave8IsolatorD2Ev', true],
    ['_ZTIN5mesos5slave8IsolatorE', true],
    ['_ZNK7process4http7Request3getEv', true],
    ['_ZN6google8protobuf7Message5ClearEv', false],
    ['malloc', false],
  ])('isMesosSymbol(%s) is %s', (name, want) => {
    expect(isMesosSymbol(name)).toBe(want);
  });
});
