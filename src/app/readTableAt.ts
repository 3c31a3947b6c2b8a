import { ConfigError } from '../core/errors.js';
import { parseJsonText } from '../core/parseJsonText.js';
import { resolveTable, type TableDocument } from '../core/resolveTable.js';
import type { VersionTable } from '../core/versionTable.js';
import type { GitBase } from '../core/gateResult.js';
import { listFilesAt, readFilesAt } from './gitRepository.js';
import { loadSchemaValidator } from './schemaValidators.js';

type Git = Parameters<typeof listFilesAt>[0];

/**
 * The version table as committed at `base`: the JSON files under `folder` (repository-relative,
 * with a trailing slash), validated against the schemas committed with them, resolved as
 * `readTable` resolves the working tree's. `null` when the base has no table at all.
 * File names are shown as `versions/…` (`shown`), as in the working tree's table.
 */
export async function readTableAt(git: Git, base: GitBase, folder: string, shown: string, cacheDir: string): Promise<VersionTable | null> {
  const files = (await listFilesAt(git, base.commit, folder)).filter((file) => file.endsWith('.json'));
  if (files.length === 0) return null;
  const texts = await readFilesAt(git, base.commit, files.map((file) => `${folder}${file}`));
  const at = `at ${base.ref}`;
  const document = (file: string): TableDocument => {
    const text = texts.get(`${folder}${file}`);
    if (text === undefined) throw new ConfigError(`${shown}/${file} ${at}: missing`, `the table ${at} is incomplete; give another --base`);
    const parsed = parseJsonText(text);
    if (!parsed.ok) throw new ConfigError(`${shown}/${file}:${parsed.line}:${parsed.column} ${at}: not valid JSON: ${parsed.message}`, 'give a --base whose table is valid');
    return { file: `${shown}/${file}`, text, value: parsed.value };
  };
  const inFolder = (sub: string) => files.filter((file) => file.startsWith(`${sub}/`) && !file.slice(sub.length + 1).includes('/')).sort().map(document);
  const validate = await loadSchemaValidator(inFolder('schemas').map((schema) => schema.value as object), cacheDir);
  try {
    const documents = { releases: inFolder('releases'), interfaces: inFolder('interfaces'), scenarios: inFolder('scenarios'), sets: document('sets.json'), expected: document('expected/matrix.json') };
    return resolveTable(documents, validate);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(`${at}: ${error.message}`, 'the base revision holds a table this version of the gate cannot read; give another --base');
  }
}
