import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expectedFromFile, formatExpectedMatrix } from '../core/expectedMatrix.js';
import type { VersionTable } from '../core/versionTable.js';
import { DEFAULT_TABLE_DIR } from './paths.js';
import { readJsonFile } from './readJsonFile.js';

/** A file of a project's starting layout: its path under the project (with `/`) and its text. */
export interface LayoutFile {
  readonly path: string;
  readonly text: string;
}

interface InterfaceFile {
  interfaces: Array<{ releases: string[] }>;
}

/**
 * The package's own table narrowed to `releases`: their release files, each kind's interfaces
 * as far as those releases use them, the schemas and scenarios as they are, a `default` set of
 * exactly those releases, and the expected matrix restricted to their rows and columns (every
 * cell depends only on its build's and its host's release, so the restriction is exact).
 */
export async function startingLayout(table: VersionTable, releases: readonly string[]): Promise<LayoutFile[]> {
  const source = (...parts: string[]) => path.join(DEFAULT_TABLE_DIR, ...parts);
  const copyAll = async (folder: string) => {
    const names = (await readdir(source(folder))).filter((name) => name.endsWith('.json')).sort();
    return Promise.all(names.map(async (name) => ({ path: `versions/${folder}/${name}`, text: await readFile(source(folder, name), 'utf8') })));
  };
  const chosen = new Set(releases);

  const releaseFiles = await Promise.all(releases.map(async (release) => ({ path: `versions/releases/${release}.json`, text: await readFile(source('releases', `${release}.json`), 'utf8') })));
  const interfaceNames = (await readdir(source('interfaces'))).filter((name) => name.endsWith('.json')).sort();
  const interfaceFiles = (
    await Promise.all(
      interfaceNames.map(async (name) => {
        const file = (await readJsonFile(source('interfaces', name), `versions/interfaces/${name}`)) as InterfaceFile;
        const interfaces = file.interfaces.map((face) => ({ ...face, releases: face.releases.filter((release) => chosen.has(release)) })).filter((face) => face.releases.length > 0);
        // A kind none of the releases registers has no interface to keep (the schema wants at least one).
        return interfaces.length === 0 ? [] : [{ path: `versions/interfaces/${name}`, text: `${JSON.stringify({ ...file, interfaces }, null, 2)}\n` }];
      }),
    )
  ).flat();

  const rows = Object.fromEntries(
    Object.keys(table.expected.rows)
      .filter((fixture) => chosen.has(fixture.slice(fixture.indexOf('/') + 1)))
      .map((fixture) => [fixture, releases.map((host) => table.expected.stageAt(fixture, host))]),
  );
  const sets = ['{', '  "$schema": "schemas/sets.schema.json",', '  "sets": {', `    "default": ${JSON.stringify(releases).replaceAll(',', ', ')}`, '  }', '}', ''].join('\n');
  return [
    ...releaseFiles,
    ...interfaceFiles,
    ...(await copyAll('schemas')),
    ...(await copyAll('scenarios')),
    { path: 'versions/sets.json', text: sets },
    { path: 'versions/expected/matrix.json', text: formatExpectedMatrix(expectedFromFile({ hosts: releases, rows })) },
  ];
}
