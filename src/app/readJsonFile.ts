import { readFile } from 'node:fs/promises';
import { ConfigError } from '../core/errors.js';
import { parseJsonText } from '../core/parseJsonText.js';

/** Reads and parses one JSON file; unreadable or malformed is a configuration error naming the place. */
export async function readJsonFile(file: string, shownAs: string): Promise<unknown> {
  return (await readJsonDocument(file, shownAs)).value;
}

/** {@link readJsonFile}, keeping the text too, so that later problems can be placed by line and column. */
export async function readJsonDocument(file: string, shownAs: string): Promise<{ text: string; value: unknown }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shownAs}: cannot read: ${(error as Error).message}`, 'check that the file exists and is readable');
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ConfigError(`${shownAs}:${parsed.line}:${parsed.column}: not valid JSON: ${parsed.message}`, 'fix the JSON syntax at that line and column');
  return { text, value: parsed.value };
}
