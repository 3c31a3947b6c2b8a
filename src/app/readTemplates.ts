import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { TEMPLATES_DIR } from './paths.js';

/** Reads Handlebars templates by file name from `templates/`. */
export async function readTemplates<Name extends string>(names: Readonly<Record<Name, string>>, templatesDir = TEMPLATES_DIR): Promise<Record<Name, string>> {
  const entries = await Promise.all(
    Object.entries<string>(names).map(async ([key, file]) => {
      try {
        return [key, await readFile(path.join(templatesDir, file), 'utf8')] as const;
      } catch (error) {
        throw new ConfigError(`templates/${file}: cannot read: ${(error as Error).message}`, 'restore the template from the repository');
      }
    }),
  );
  return Object.fromEntries(entries) as Record<Name, string>;
}
