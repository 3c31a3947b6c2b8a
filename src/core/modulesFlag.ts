import type { FlagRules } from './flagRules.js';
import type { ModulesConfig } from './modulesConfig.js';
import { parseModulesMessage } from './protobufModules.js';
import { stoutParseObject } from './stoutJson.js';

/** What reading one file did (stout `os::read`): its text, or where it failed and `strerror(errno)`. */
export type FileRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly failed: 'open' | 'read'; readonly strerror: string };
export type FileReads = ReadonlyMap<string, FileRead>;

/** The JSON text a parse read, and what to call it in a hint (`--modules` or the file's path). */
export interface ParsedText {
  readonly shown: string;
  readonly text: string;
}

export type FlagParse =
  | { readonly ok: true; readonly config: ModulesConfig; readonly logged: readonly string[]; readonly parsed: ParsedText }
  | { readonly ok: false; readonly error: string; readonly aborts: boolean; readonly logged: readonly string[]; /** `null` when no JSON was parsed (a file could not be read). */ readonly parsed: ParsedText | null };

const FILE = 'file://';

/** stout `os::read`'s error text in this release. */
export function readErrorText(path: string, read: Extract<FileRead, { ok: false }>, rules: FlagRules): string {
  // A failed read after a successful open (a folder: EISDIR) is `ErrnoError()` alone in every release.
  if (read.failed === 'read' || rules.openError === 'errno') return read.strerror;
  return rules.openError === 'path' ? `Failed to open file '${path}': ${read.strerror}` : `Failed to open file: ${read.strerror}`;
}

/**
 * `flags::fetch<Modules>(value)`, what the flag framework calls for `--modules`: from 0.22.0 a
 * `file://` value is read and its text parsed; 0.21.x has no fetch (its JSON parse reads files).
 * Errors are what follows `Failed to load value '<value>': `.
 */
export function fetchModules(value: string, rules: FlagRules, files: FileReads): FlagParse {
  if (!rules.fetch || !value.startsWith(FILE)) return parseModules(value, '--modules', rules, files);
  const path = value.slice(FILE.length);
  const read = readFile(path, files);
  if (!read.ok) return { ok: false, error: `Error reading file '${path}': ${readErrorText(path, read, rules)}`, aborts: false, logged: [], parsed: null };
  return parseModules(read.text, path, rules, files);
}

/**
 * `flags::parse<Modules>(text)` (`src/common/parse.hpp`): `parse<JSON::Object>` — which reads a
 * value starting with `/` as a file (and, in 0.21.x, one starting with `file://`) — then
 * `protobuf::parse<Modules>`. `--modules_dir` parses each file's text with it too.
 */
export function parseModules(text: string, shown: string, rules: FlagRules, files: FileReads): FlagParse {
  const logged: string[] = [];
  let json = { shown, text };
  const path = filePath(text, rules);
  if (path !== null) {
    if (rules.absolutePathWarning !== null) logged.push(rules.absolutePathWarning);
    const read = readFile(path, files);
    if (!read.ok) return { ok: false, error: `Error reading file '${path}': ${readErrorText(path, read, rules)}`, aborts: false, logged, parsed: null };
    json = { shown: path, text: read.text };
  }
  const object = stoutParseObject(json.text, rules);
  if (!object.ok) return { ok: false, error: object.error, aborts: object.aborts === true, logged, parsed: json };
  const message = parseModulesMessage(object.object, rules);
  if (!message.ok) return { ok: false, error: message.error, aborts: false, logged, parsed: json };
  return { ok: true, config: message.config, logged, parsed: json };
}

/** The file `parse<JSON::Object>` reads for this text, if any. */
function filePath(text: string, rules: FlagRules): string | null {
  if (text.startsWith('/')) return text;
  // 0.21.x: `strings::remove(value, "file://", strings::PREFIX)`.
  if (!rules.fetch && text.startsWith(FILE)) return text.slice(FILE.length);
  return null;
}

function readFile(path: string, files: FileReads): FileRead {
  const read = files.get(path);
  if (read === undefined) throw new Error(`${path} was never read (filesWanted missed it)`);
  return read;
}

/**
 * The files some release's parse of `value` reads that are not in `files` yet: the app reads
 * them and asks again (a `file://` file whose text starts with `/` names one more file).
 */
export function filesWanted(value: string, files: FileReads, mode: 'fetch' | 'parse'): string[] {
  const wanted = new Set<string>();
  const follow = (path: string, again: boolean) => {
    const read = files.get(path);
    if (read === undefined) wanted.add(path);
    else if (again && read.ok && read.text.startsWith('/')) follow(read.text, false);
  };
  // From 0.22.0 a fetched file's text is parsed again, so it may name a file; 0.21.x reads once.
  if (value.startsWith(FILE)) follow(value.slice(FILE.length), mode === 'fetch');
  else if (value.startsWith('/')) follow(value, false);
  return [...wanted];
}
