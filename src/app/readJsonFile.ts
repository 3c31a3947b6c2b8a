import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';
import { parseJsonText } from '../core/parseJsonText.js';

/** Reads and parses one JSON file; unreadable or malformed is a configuration error naming the place. */
export async function readJsonFile(file: string, shownAs: string): Promise<unknown> {
  return (await readJsonDocument(file, shownAs)).value;
}

/**
 * {@link readJsonFile}, keeping the text too, so that later problems can be placed by line and column.
 * Read synchronously: the table is ~90 small files, and each read through the thread pool (open,
 * stat, read, close, each a round trip) cost a warm run ~25 ms of the main thread; a synchronous
 * read of a small file takes microseconds. (Still async, so that callers need not change.)
 */
export async function readJsonDocument(file: string, shownAs: string): Promise<{ text: string; value: unknown }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shownAs}: cannot read: ${(error as Error).message}`, 'check that the file exists and is readable');
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ConfigError(`${shownAs}:${parsed.line}:${parsed.column}: not valid JSON: ${parsed.message}`, 'fix the JSON syntax at that line and column');
  return { text, value: parsed.value };
}
