import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixtures, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import { missingExports } from './missingExports.js';

const NAME = 'org_apache_mesos_matrix_TestModule';
let exported = Buffer.alloc(0);
let hidden = Buffer.alloc(0);

beforeAll(async () => {
  // Really compiled: one fixture exporting its module, one whose module has internal linkage.
  const built = await compileFixtures([variant('exported', {}), variant('hidden', { exportSymbol: false })], temporaryDir('exports'));
  exported = readFileSync(built.get('exported')?.library ?? '');
  hidden = readFileSync(built.get('hidden')?.library ?? '');
});

describe('missingExports', () => {
  it('accepts a library that exports the module symbol, or nothing asked', () => {
    expect(missingExports(exported, [NAME])).toBeNull();
    expect(missingExports(hidden, [])).toBeNull();
  });

  it('names what a library does not export: internal linkage, or a name it never had', () => {
    expect(missingExports(hidden, [NAME])).toBe(`it does not export ${NAME}`);
    expect(missingExports(exported, [NAME, 'org_apache_mesos_matrix_Other'])).toBe('it does not export org_apache_mesos_matrix_Other');
  });

  it.each([
    ['an empty output', () => Buffer.alloc(0), 'not an ELF file (0 bytes)'],
    ['text', () => Buffer.from('garbage'.repeat(20)), 'not an ELF file (140 bytes)'],
    ['a truncated library', () => exported.subarray(0, 1024), /^a malformed dynamic (symbol|string) table$|^it does not export /],
    ['an executable header', () => Buffer.concat([exported.subarray(0, 16), Buffer.from([2, 0]), exported.subarray(18)]), 'not a shared object (ELF type is not ET_DYN)'],
  ])('refuses %s', (_what, bytes, reason) => {
    const answer = missingExports(bytes(), [NAME]);
    if (typeof reason === 'string') expect(answer).toBe(reason);
    else expect(answer).toMatch(reason);
  });

  it('never throws on a mutated library (every byte of the header and section table in turn)', () => {
    const sectionTable = Number(exported.readBigUInt64LE(40));
    const offsets = [...Array.from({ length: 64 }, (_, index) => index), ...Array.from({ length: exported.length - sectionTable }, (_, index) => sectionTable + index)];
    for (const offset of offsets) {
      const mutant = Buffer.from(exported);
      mutant[offset] = (mutant[offset] ?? 0) ^ 0xff;
      expect(() => missingExports(mutant, [NAME])).not.toThrow();
    }
  });
});
