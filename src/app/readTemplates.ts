import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { TEMPLATES_DIR } from './paths.js';

/** Reads Handlebars templates by file name from `templates/` (the package's, or a project's own). */
export async function readTemplates<Name extends string>(names: Readonly<Record<Name, string>>, templatesDir = TEMPLATES_DIR): Promise<Record<Name, string>> {
  const entries = await Promise.all(
    Object.entries<string>(names).map(async ([key, file]) => {
      try {
        return [key, await readFile(path.join(templatesDir, file), 'utf8')] as const;
      } catch (error) {
        const own = templatesDir !== TEMPLATES_DIR;
        throw new ConfigError(
          `${own ? path.join(templatesDir, file) : `templates/${file}`}: cannot read: ${(error as Error).message}`,
          own ? `a project's templates/ replaces the package's: copy ${file} from the package's templates/ into it` : 'restore the template from the repository',
        );
      }
    }),
  );
  return Object.fromEntries(entries) as Record<Name, string>;
}
