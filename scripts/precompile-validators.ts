#!/usr/bin/env -S npx tsx
/**
 * Part of `npm run build`: writes ajv's standalone validators for versions/schemas and for the
 * --modules configuration into dist/, so that no run (not even the first on a fresh cache) pays
 * for compiling the schemas. The build empties dist/ first, so dist/validators holds exactly the
 * validators of the current schemas, and runs this with tsx's cache off
 * (`TSX_DISABLE_CACHE=1 node --import tsx`), so that building leaves nothing in the temp dir.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TABLE_DIR, PACKAGE_ROOT } from '../src/app/paths.js';
import { readTableSchemas } from '../src/app/readTable.js';
import { loadSchemaValidator, PRECOMPILED_DIR } from '../src/app/schemaValidators.js';

await loadSchemaValidator(await readTableSchemas(DEFAULT_TABLE_DIR), PRECOMPILED_DIR);
const modulesSchema = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'schemas', 'modules-config.schema.json'), 'utf8')) as object;
await loadSchemaValidator([modulesSchema], PRECOMPILED_DIR);
