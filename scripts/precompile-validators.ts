#!/usr/bin/env -S npx tsx
/**
 * Part of `npm run build`: writes ajv's standalone validators for versions/schemas into dist/,
 * so that no run (not even the first on a fresh cache) pays for compiling the schemas.
 */
import { DEFAULT_TABLE_DIR } from '../src/cli/paths.js';
import { readTableSchemas } from '../src/cli/readTable.js';
import { loadSchemaValidator, PRECOMPILED_DIR } from '../src/cli/schemaValidators.js';

await loadSchemaValidator(await readTableSchemas(DEFAULT_TABLE_DIR), PRECOMPILED_DIR);
