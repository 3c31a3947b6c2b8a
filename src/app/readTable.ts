import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { resolveTable, type TableDocument } from '../core/resolveTable.js';
import type { VersionTable } from '../core/versionTable.js';
import { readJsonDocument, readJsonFile } from './readJsonFile.js';
import { tableValidator } from './validatedTables.js';

/** The table's JSON Schemas (`<table>/schemas/*.json`), in file-name order. */
export async function readTableSchemas(tableDir: string): Promise<object[]> {
  const folder = path.join(tableDir, 'schemas');
  const names = await readdir(folder).catch((error: Error) => {
    throw new ConfigError(`${path.join(path.basename(tableDir), 'schemas')}: cannot list: ${error.message}`, 'point --table at a folder holding releases/, interfaces/, scenarios/, schemas/, sets.json and expected/matrix.json');
  });
  const files = names.filter((name) => name.endsWith('.json')).sort();
  return Promise.all(files.map(async (name) => (await readJsonFile(path.join(folder, name), path.join(path.basename(tableDir), 'schemas', name))) as object));
}

/** Reads `versions/` (releases, sets, scenarios, the expected matrix and their schemas) and validates it. */
export async function readTable(tableDir: string, cacheDir: string): Promise<VersionTable> {
  const shown = (file: string) => path.join(path.basename(tableDir), file);
  const read = async (file: string): Promise<TableDocument> => ({ file: shown(file), ...(await readJsonDocument(path.join(tableDir, file), shown(file))) });
  const jsonIn = async (folder: string) => {
    try {
      return (await readdir(path.join(tableDir, folder))).filter((name) => name.endsWith('.json')).sort().map((name) => `${folder}/${name}`);
    } catch (error) {
      throw new ConfigError(`${shown(folder)}: cannot list: ${(error as Error).message}`, 'point --table at a folder holding releases/, interfaces/, scenarios/, schemas/, sets.json and expected/matrix.json');
    }
  };
  const [releaseFiles, interfaceFiles, scenarioFiles] = await Promise.all([jsonIn('releases'), jsonIn('interfaces'), jsonIn('scenarios')]);
  const [schemas, releases, interfaces, scenarios, sets, expected] = await Promise.all([
    readTableSchemas(tableDir),
    Promise.all(releaseFiles.map(read)),
    Promise.all(interfaceFiles.map(read)),
    Promise.all(scenarioFiles.map(read)),
    read('sets.json'),
    read('expected/matrix.json'),
  ]);
  const documents = { releases, interfaces, scenarios, sets, expected };
  const { validate, remember } = await tableValidator(schemas, documents, cacheDir);
  const table = resolveTable(documents, validate); // throws on any problem: nothing remembered
  await remember();
  return table;
}
