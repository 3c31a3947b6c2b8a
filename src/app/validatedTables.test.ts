import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDir } from '../../test/helpers/temporaryDir.js';
import { DEFAULT_TABLE_DIR } from './paths.js';
import { readTable } from './readTable.js';

/** A copy of the package's own table, to edit, and an empty cache folder. */
function scratchTable(): { tableDir: string; cacheDir: string } {
  const scratch = temporaryDir('validated-tables');
  const tableDir = path.join(scratch, 'versions');
  cpSync(DEFAULT_TABLE_DIR, tableDir, { recursive: true });
  return { tableDir, cacheDir: path.join(scratch, 'cache') };
}

const markers = (cacheDir: string) => readdirSync(path.join(cacheDir, 'tables'));

describe('a table that passed its schemas once', () => {
  it('is read the same way again, without validating it again', async () => {
    const { tableDir, cacheDir } = scratchTable();
    const first = await readTable(tableDir, cacheDir);
    expect(markers(cacheDir)).toHaveLength(1);
    const again = await readTable(tableDir, cacheDir);
    // The expected matrix's lookup is a closure over the same data: compare the data.
    expect({ ...again, expected: { ...again.expected, stageAt: null } }).toEqual({ ...first, expected: { ...first.expected, stageAt: null } });
    expect(markers(cacheDir)).toHaveLength(1);
  });

  it('is validated in full once any byte of it changes: a schema problem is reported, at its place', async () => {
    const { tableDir, cacheDir } = scratchTable();
    await readTable(tableDir, cacheDir);
    const file = path.join(tableDir, 'releases', '1.10.0.json');
    const text = readFileSync(file, 'utf8');
    // Still valid JSON, no longer valid against release.schema.json.
    writeFileSync(file, text.replace(/"moduleApiVersion": "[^"]*"/, '"moduleApiVersion": 1'));
    await expect(readTable(tableDir, cacheDir)).rejects.toThrow(/versions\/releases\/1\.10\.0\.json:\d+:\d+: \/moduleApiVersion: expected a value of type string/);
    // What failed is not remembered: it fails again, in full, as long as it is wrong.
    expect(markers(cacheDir)).toHaveLength(1);
    await expect(readTable(tableDir, cacheDir)).rejects.toThrow(/moduleApiVersion: expected a value of type string/);
    writeFileSync(file, text);
    await expect(readTable(tableDir, cacheDir)).resolves.toBeDefined();
  });

  it('still has what the schemas cannot check checked on every read', async () => {
    const { tableDir, cacheDir } = scratchTable();
    await readTable(tableDir, cacheDir);
    // The same text under another name: valid against its schema, but not named after its release.
    const from = path.join(tableDir, 'releases', '1.10.0.json');
    const renamed = path.join(tableDir, 'releases', '1.10.9.json');
    cpSync(from, renamed);
    await expect(readTable(tableDir, cacheDir)).rejects.toThrow(/1\.10\.9\.json.*\/release: expected the file to be named 1\.10\.0\.json/);
  });
});
