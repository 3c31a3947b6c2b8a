import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ModulesSource } from '../core/flagStage.js';
import { stoutJoin } from '../core/flagStage.js';
import { configFromJson, unknownKeys } from '../core/modulesConfig.js';
import { filesWanted, type FileRead, type ParsedText } from '../core/modulesFlag.js';
import { parseJsonText, placeOf } from '../core/parseJsonText.js';
import { PACKAGE_ROOT } from './paths.js';
import { readJsonFile } from './readJsonFile.js';
import { loadSchemaValidator } from './schemaValidators.js';

const SCHEMA_ID = 'https://mesos-module-matrix.dev/schemas/modules-config.schema.json';

/**
 * Everything `--modules` (or `--modules_dir`) makes some release read, read once: the value, and
 * each file a release's flag parser opens (`file://…`, `/…`, a fetched file's text naming another
 * file), or the folder's entries and their files. Parsing is per release (`flagStage`).
 */
export async function readModulesSource(modules: string | undefined, modulesDir: string | undefined): Promise<ModulesSource> {
  const files = new Map<string, FileRead>();
  if (modules !== undefined) {
    await readWanted(files, () => filesWanted(modules, files, 'fetch'));
    return { flag: 'modules', value: modules, files };
  }
  const dir = modulesDir ?? '';
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    return { flag: 'modules_dir', dir, listing: { ok: false, strerror: strerror(error) }, files };
  }
  for (const name of names) files.set(stoutJoin(dir, name), await readText(stoutJoin(dir, name)));
  // A manifest whose text starts with '/' names a file parse<JSON::Object> reads.
  await readWanted(files, () => [...files.values()].flatMap((read) => (read.ok ? filesWanted(read.text, files, 'parse') : [])));
  return { flag: 'modules_dir', dir, listing: { ok: true, names }, files };
}

async function readWanted(files: Map<string, FileRead>, wanted: () => string[]): Promise<void> {
  for (let next = wanted(); next.length > 0; next = wanted()) for (const file of next) files.set(file, await readText(file));
}

/** glibc's strerror() text for the usual failures; Node's message otherwise. */
function strerror(error: unknown): string {
  const texts: Record<string, string> = {
    ENOENT: 'No such file or directory',
    EACCES: 'Permission denied',
    EPERM: 'Operation not permitted',
    ENOTDIR: 'Not a directory',
    EISDIR: 'Is a directory',
    ELOOP: 'Too many levels of symbolic links',
    ENAMETOOLONG: 'File name too long',
  };
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return texts[code] ?? (error as Error).message;
}

/** stout `os::read`: `fopen(path, "r")` opens a folder, and the read then fails (EISDIR). */
async function readText(file: string): Promise<FileRead> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (error) {
    return { ok: false, failed: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'read' : 'open', strerror: strerror(error) };
  }
}

/** Our help on one JSON text: where it goes wrong (for Mesos's refusal), and what Mesos silently ignores. */
export interface TextAdvice {
  readonly hint: string;
  readonly warnings: readonly string[];
}

export type Advisor = (parsed: ParsedText) => TextAdvice;

/** Our strict parser, the published schema and the unknown keys, once per text. */
export async function textAdvisor(cacheDir: string): Promise<Advisor> {
  const schema = (await readJsonFile(path.join(PACKAGE_ROOT, 'schemas', 'modules-config.schema.json'), 'schemas/modules-config.schema.json')) as object;
  const validate = await loadSchemaValidator([schema], cacheDir);
  const seen = new Map<string, TextAdvice>();
  return (parsed) => {
    const key = JSON.stringify([parsed.shown, parsed.text]);
    const known = seen.get(key);
    if (known) return known;
    const advice = adviseText(parsed, validate);
    seen.set(key, advice);
    return advice;
  };
}

function adviseText({ shown, text }: ParsedText, validate: Awaited<ReturnType<typeof loadSchemaValidator>>): TextAdvice {
  // Mesos reads a relative path as JSON: say how to give a file.
  const relative = shown === '--modules' && !/^\s*[{[]/.test(text) ? '; to read a file give file:///absolute/path or /absolute/path (Mesos reads no relative path)' : '';
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { hint: `${shown}:${parsed.line}:${parsed.column}: not valid JSON: ${parsed.message}${relative}`, warnings: [] };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { hint: `${shown}: the top level must be a JSON object {"libraries": [...]}`, warnings: [] };
  }
  const places = validate(SCHEMA_ID, parsed.value).map(({ pointer, expected }) => `${placeOf(shown, text, pointer)}: ${pointer}: expected ${expected}`);
  const unknown = unknownKeys(parsed.value).map((pointer) => `${shown}: ${pointer}: unknown key, ignored (as Mesos's protobuf parser ignores it)`);
  // `file` wins when both are set (loader-facts §6 step 1): the name is silently unused.
  const both =
    places.length > 0
      ? []
      : configFromJson(parsed.value)
          .libraries.map((library, index) => (library.file !== null && library.name !== null ? `${shown}: /libraries/${index}: both "file" and "name": Mesos opens the file and ignores the name` : null))
          .filter((warning): warning is string => warning !== null);
  const hint = places.length > 0 ? places.join('; ') : `${shown}: valid JSON of the documented shape, refused by this release's parser`;
  // What this release's parser accepted against the schema: protobuf took it its own way.
  const schema = places.map((place) => `${place} (Mesos's parser does not refuse it here)`);
  return { hint, warnings: [...schema, ...unknown, ...both] };
}
