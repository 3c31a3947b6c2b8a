import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { configFromJson, unknownKeys } from '../core/modulesConfig.js';
import { parseJsonText, placeOf } from '../core/parseJsonText.js';
import type { SourcedConfig } from '../core/simulateLoad.js';
import { PACKAGE_ROOT } from './paths.js';
import { readJsonFile } from './readJsonFile.js';
import { loadSchemaValidator } from './schemaValidators.js';

const SCHEMA_ID = 'https://mesos-module-matrix.dev/schemas/modules-config.schema.json';

export interface ReadConfigs {
  readonly manifests: readonly SourcedConfig[];
  /** Keys Mesos ignores, as `<where>: <pointer>`. */
  readonly warnings: readonly string[];
}

/**
 * `--modules` as Mesos takes the flag: `file://<path>` or an absolute path is read (stout flags
 * `fetch` and `parse<JSON::Object>`), anything else is inline JSON — so a relative path is a JSON
 * syntax error, as it is for Mesos.
 */
export async function readModulesFlag(value: string, cacheDir: string): Promise<ReadConfigs> {
  const file = value.startsWith('file://') ? value.slice('file://'.length) : value.startsWith('/') ? value : null;
  const shown = file ?? '--modules';
  const text = file === null ? value : await readText(file);
  const hint = file === null && !/^\s*[{[]/.test(value) ? `; to read a file give file:///absolute/path or /absolute/path (Mesos reads no relative path)` : '';
  return checkManifests([{ source: null, shown, text, hint }], cacheDir);
}

/** `--modules_dir` (1.0.0 on): every entry of the folder, byte-wise sorted, each a manifest. */
export async function readModulesDir(dir: string, cacheDir: string): Promise<ReadConfigs> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new ConfigError(`--modules-dir ${dir}: cannot list: ${(error as Error).message}`, 'give a folder of module manifest files');
  }
  // std::list<std::string>::sort: byte-wise, not locale order.
  names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const entries = await Promise.all(names.map(async (name) => ({ source: path.join(dir, name), shown: path.join(dir, name), text: await readText(path.join(dir, name)), hint: '' })));
  return checkManifests(entries, cacheDir);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read: ${(error as Error).message}`, 'check the path: Mesos would stop with "Error reading file"');
  }
}

async function checkManifests(entries: ReadonlyArray<{ source: string | null; shown: string; text: string; hint: string }>, cacheDir: string): Promise<ReadConfigs> {
  const schema = (await readJsonFile(path.join(PACKAGE_ROOT, 'schemas', 'modules-config.schema.json'), 'schemas/modules-config.schema.json')) as object;
  const validate = await loadSchemaValidator([schema], cacheDir);
  const problems: string[] = [];
  const warnings: string[] = [];
  const manifests: SourcedConfig[] = [];
  for (const entry of entries) {
    const parsed = parseJsonText(entry.text);
    if (!parsed.ok) {
      problems.push(`${entry.shown}:${parsed.line}:${parsed.column}: not valid JSON: ${parsed.message}${entry.hint}`);
      continue;
    }
    const found = validate(SCHEMA_ID, parsed.value);
    for (const { pointer, expected } of found) problems.push(`${placeOf(entry.shown, entry.text, pointer)}: ${pointer}: expected ${expected}`);
    for (const pointer of unknownKeys(parsed.value)) warnings.push(`${entry.shown}: ${pointer}: unknown key, ignored (as Mesos's protobuf parser ignores it)`);
    if (found.length === 0) manifests.push({ source: entry.source, config: configFromJson(parsed.value) });
  }
  if (problems.length > 0) {
    throw new ConfigError(
      `the modules configuration is unusable:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
      'fix it: a library needs "file" or "name", a module "name", a parameter "key" and "value" (schemas/modules-config.schema.json)',
    );
  }
  return { manifests, warnings };
}
