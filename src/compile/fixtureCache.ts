import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A content-addressed store of compiled fixtures: the key covers everything that determines
 * the output (rendered source, compiler command and identity, flags). An entry is a library and
 * a stamp holding the library's digest, written last; an entry whose stamp is missing or does
 * not match its library is rebuilt, never trusted.
 */
export function cacheKey(source: string, compiler: { command: readonly string[]; identity: string }, flags: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([source, compiler.command, compiler.identity, flags])).digest('hex');
}

export interface CacheEntry {
  readonly directory: string;
  readonly library: string;
  readonly stamp: string;
  readonly source: string;
}

export function cacheEntry(cacheDir: string, key: string, fileName: string): CacheEntry {
  const directory = path.join(cacheDir, 'fixtures', key.slice(0, 24));
  return {
    directory,
    library: path.join(directory, fileName),
    stamp: path.join(directory, 'stamp.json'),
    source: path.join(directory, 'fixture.cpp'),
  };
}

export function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether the entry is complete and intact. */
export async function isIntact(entry: CacheEntry): Promise<boolean> {
  try {
    const [stamp, library] = await Promise.all([readFile(entry.stamp, 'utf8'), readFile(entry.library)]);
    return (JSON.parse(stamp) as { sha256?: unknown }).sha256 === digest(library);
  } catch {
    return false;
  }
}

/** The content key a recipe rendered to last time, if remembered. */
export async function readRecipe(cacheDir: string, recipe: string): Promise<string | undefined> {
  try {
    const key = (await readFile(recipePath(cacheDir, recipe), 'utf8')).trim();
    return /^[0-9a-f]{64}$/.test(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

export async function writeRecipe(cacheDir: string, recipe: string, key: string): Promise<void> {
  const file = recipePath(cacheDir, recipe);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${key}\n`);
  await rename(temporary, file);
}

function recipePath(cacheDir: string, recipe: string): string {
  return path.join(cacheDir, 'recipes', recipe.slice(0, 2), recipe.slice(2, 40));
}
