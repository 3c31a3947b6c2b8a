import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { resolveTable, type TableDocuments } from '../core/resolveTable.js';
import type { ValidateDocument } from '../core/schemaValidator.js';
import { makeDirectory } from '../fs/makeDirectory.js';
import { loadSchemaValidator, validatorKey } from './schemaValidators.js';

/** A validator for the table's documents, and how to record that they all passed it. */
export interface TableValidator {
  readonly validate: ValidateDocument;
  /** Called once the whole table resolved without a problem; best effort. */
  readonly remember: () => Promise<void>;
}

/**
 * Checking the table against its JSON Schemas cost a warm run ~20 ms (loading the validators'
 * code, then walking 1.3 MB of documents), for an answer that depends on nothing but the texts:
 * the validators are pure (no defaults, no coercion: they never change a value). So once a
 * table resolved without a problem, an empty marker named by the digest of what decided that —
 * the validators' key (the schemas and ajv's version), `resolveTable`'s own code (which schema
 * checks which document) and every document's name and text — lets the next run with the very
 * same texts skip it. Whatever else `resolveTable` checks (file names, versions, references)
 * it still checks every time. A changed byte anywhere is another digest: validated in full.
 */
export async function tableValidator(schemas: readonly object[], documents: TableDocuments, cacheDir: string): Promise<TableValidator> {
  const digest = createHash('sha256').update(validatorKey(schemas)).update(resolveTable.toString());
  for (const document of [...documents.releases, ...documents.interfaces, ...documents.scenarios, documents.sets, documents.expected]) {
    digest.update(`\0${document.file}\0${document.text.length}\0`).update(document.text);
  }
  const marker = path.join(cacheDir, 'tables', digest.digest('hex').slice(0, 32));
  if (existsSync(marker)) return { validate: () => [], remember: () => Promise.resolve() };
  const validate = await loadSchemaValidator(schemas, cacheDir);
  // Not written, or not writable: the table is simply validated again next time.
  return { validate, remember: () => makeDirectory(path.dirname(marker)).then(() => writeFile(marker, '')).catch(() => undefined) };
}
