import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { configFromJson, unknownKeys } from '../core/modulesConfig.js';
import { parseJsonText, placeOf } from '../core/parseJsonText.js';
import type { LoadProblem, SourcedConfig } from '../core/simulateLoad.js';
import { PACKAGE_ROOT } from './paths.js';
import { readJsonFile } from './readJsonFile.js';
import { loadSchemaValidator } from './schemaValidators.js';

const SCHEMA_ID = 'https://mesos-module-matrix.dev/schemas/modules-config.schema.json';

export interface ReadConfigs {
  readonly manifests: readonly SourcedConfig[];
  /** Keys Mesos ignores, as `<where>: <pointer>`. */
  readonly warnings: readonly string[];
  /** The flag parser's refusal of `--modules` (Mesos stops before loading anything), or `null`. */
  readonly refused: LoadProblem | null;
}

/** What Mesos's flag parser would make of one text: the configuration, or the error and our located advice. */
type Parsed = { readonly ok: true; readonly value: unknown; readonly warnings: string[] } | { readonly ok: false; readonly error: string; readonly hint: string };

/**
 * `--modules` as Mesos takes the flag: `file://<path>` or an absolute path is read (stout flags
 * `fetch` and `parse<JSON::Object>`), anything else is inline JSON — so a relative path is a JSON
 * syntax error, as it is for Mesos. A refusal is the flag parser's
 * `Failed to load flag 'modules': Failed to load value '<value>': <error>` (stout `flags.hpp`).
 */
export async function readModulesFlag(value: string, cacheDir: string): Promise<ReadConfigs> {
  const file = value.startsWith('file://') ? value.slice('file://'.length) : value.startsWith('/') ? value : null;
  const refuse = (error: string, hint: string): ReadConfigs => ({
    manifests: [],
    warnings: [],
    refused: { library: null, module: null, stage: 'flags', message: `Failed to load flag 'modules': Failed to load value '${value}': ${error}`, hint },
  });
  let text = value;
  if (file !== null) {
    const read = await readText(file);
    // "Error reading file '<path>': <os::read error>": our wording of stout's fetch (not in loader-facts).
    if (!read.ok) return refuse(`Error reading file '${file}': ${read.error}`, 'give the path of an existing file: file:///absolute/path or /absolute/path');
    text = read.text;
  }
  const hint = file === null && !/^\s*[{[]/.test(value) ? '; to read a file give file:///absolute/path or /absolute/path (Mesos reads no relative path)' : '';
  const parsed = parseManifest(text, file ?? '--modules', await validator(cacheDir));
  if (!parsed.ok) return refuse(parsed.error, `${parsed.hint}${hint}`);
  return { manifests: [{ source: null, config: configFromJson(parsed.value) }], warnings: parsed.warnings, refused: null };
}

/**
 * `--modules_dir` (1.0.0 on): every entry of the folder, byte-wise sorted, each a manifest; what
 * cannot be listed, read or parsed is `load(modulesDir)`'s error (loader-facts §7).
 */
export async function readModulesDir(dir: string, cacheDir: string): Promise<ReadConfigs> {
  const fileProblem = (message: string, hint: string): LoadProblem => ({ library: null, module: null, stage: 'manifest-file', message, hint });
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    // The os::ls error text is ours (strerror of the failure), not in loader-facts.
    const refused = fileProblem(`Error loading module manifests from '${dir}' directory: ${strerror(error)}`, 'give a folder of module manifest files');
    return { manifests: [{ source: dir, refused }], warnings: [], refused: null };
  }
  // std::list<std::string>::sort: byte-wise, not locale order.
  names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const validate = await validator(cacheDir);
  const manifests: SourcedConfig[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const source = path.join(dir, name);
    const read = await readText(source);
    if (!read.ok) {
      manifests.push({ source, refused: fileProblem(`Error reading module manifest file '${source}': ${read.error}`, 'every entry of the folder is read as a manifest: remove what is not one') });
      continue;
    }
    const parsed = parseManifest(read.text, source, validate);
    if (!parsed.ok) manifests.push({ source, refused: fileProblem(`Error parsing module manifest file '${source}': ${parsed.error}`, parsed.hint) });
    else {
      manifests.push({ source, config: configFromJson(parsed.value) });
      warnings.push(...parsed.warnings);
    }
  }
  return { manifests, warnings, refused: null };
}

/** glibc's strerror() text for the usual failures; Node's message otherwise. */
function strerror(error: unknown): string {
  const texts: Record<string, string> = { ENOENT: 'No such file or directory', EACCES: 'Permission denied', ENOTDIR: 'Not a directory', EISDIR: 'Is a directory' };
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return texts[code] ?? (error as Error).message;
}

async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (error) {
    return { ok: false, error: strerror(error) };
  }
}

async function validator(cacheDir: string) {
  const schema = (await readJsonFile(path.join(PACKAGE_ROOT, 'schemas', 'modules-config.schema.json'), 'schemas/modules-config.schema.json')) as object;
  return loadSchemaValidator([schema], cacheDir);
}

/**
 * JSON text → the Modules protobuf, as `flags::parse<Modules>`: picojson, then stout's
 * "Unexpected JSON type parsed" for a top level that is no object (stout `json.hpp`), then the
 * JSON→protobuf conversion. picojson's and protobuf's own texts are not in loader-facts: ours
 * stand in for them, framed as Mesos frames them.
 */
function parseManifest(text: string, shown: string, validate: Awaited<ReturnType<typeof validator>>): Parsed {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, error: parsed.message, hint: `${shown}:${parsed.line}:${parsed.column}: not valid JSON: ${parsed.message}` };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { ok: false, error: 'Unexpected JSON type parsed', hint: `${shown}: the top level must be a JSON object {"libraries": [...]}` };
  }
  const found = validate(SCHEMA_ID, parsed.value);
  if (found.length > 0) {
    const places = found.map(({ pointer, expected }) => `${placeOf(shown, text, pointer)}: ${pointer}: expected ${expected}`);
    return { ok: false, error: places.map((place) => place.slice(place.indexOf(': ') + 2)).join('; '), hint: places.join('; ') };
  }
  const unknown = unknownKeys(parsed.value).map((pointer) => `${shown}: ${pointer}: unknown key, ignored (as Mesos's protobuf parser ignores it)`);
  // `file` wins when both are set (loader-facts §6 step 1): the name is silently unused.
  const both = configFromJson(parsed.value)
    .libraries.map((library, index) => (library.file !== null && library.name !== null ? `${shown}: /libraries/${index}: both "file" and "name": Mesos opens the file and ignores the name` : null))
    .filter((warning): warning is string => warning !== null);
  return { ok: true, value: parsed.value, warnings: [...unknown, ...both] };
}
