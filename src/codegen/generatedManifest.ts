import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { GeneratedFile } from './renderShims.js';

/** The manifest `generate` keeps in each output folder: the files it wrote there, and no others. */
export const MANIFEST_FILE = '.mesos-matrix-generated.json';

/** What `generate` wrote into a folder: the only files it will ever rewrite or remove there. */
export interface GeneratedManifest {
  readonly files: readonly string[];
}

// A path the generator writes: relative, `/`-separated, no `..`, no hidden or empty segment.
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;

/** Reads the folder's manifest; `null` when there is none (nothing was generated there yet). */
export async function readManifest(dir: string, shownAs: string): Promise<GeneratedManifest | null> {
  const shown = path.join(shownAs, MANIFEST_FILE);
  const text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new ConfigError(`${shown}: cannot read: ${error.message}`, 'make it readable, or remove it (generate then touches only files it writes anew)');
  });
  return text === null ? null : parseManifest(text, shown);
}

/** Validates a manifest's text: a tampered entry must never point generate outside its folder. */
export function parseManifest(text: string, shown: string): GeneratedManifest {
  const hint = 'restore it from version control, or remove it (generate then touches only files it writes anew)';
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown}: not JSON: ${(error as Error).message}`, hint);
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) throw new ConfigError(`${shown}: expected an object with "files": an array of paths`, hint);
  files.forEach((file: unknown, index) => {
    if (typeof file !== 'string' || file === MANIFEST_FILE || !file.split('/').every((segment) => SEGMENT.test(segment) && segment !== 'node_modules')) {
      throw new ConfigError(`${shown}: files[${index}] ${JSON.stringify(file)} is not a path inside the folder (segments of letters, digits, _ . + -, separated by /, none of them node_modules)`, hint);
    }
  });
  return { files: files as string[] };
}

/** The manifest listing `files`, as `generate` writes it. */
export function manifestFile(lang: string, files: readonly string[]): GeneratedFile {
  const content = {
    generatedBy: 'mesos-module-matrix',
    about: 'The files mesos-matrix generate wrote into this folder. It rewrites and removes (with --prune) only these, never another file. Do not edit.',
    lang,
    files: [...new Set(files)].sort(),
  };
  return { path: MANIFEST_FILE, content: `${JSON.stringify(content, null, 2)}\n` };
}
