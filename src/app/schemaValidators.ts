import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { describeSchemaErrors, type ValidateDocument } from '../core/schemaValidator.js';
import { rethrowCacheFault } from './cacheDir.js';
import { PACKAGE_ROOT } from './paths.js';
import { makeDirectory } from '../fs/makeDirectory.js';

type CompiledValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

const require = createRequire(import.meta.url);

/** Where `npm run build` leaves validators for the schemas of versions/schemas (see scripts/precompile-validators.ts). */
export const PRECOMPILED_DIR = path.join(PACKAGE_ROOT, 'dist');

/**
 * Validators for the table's JSON Schemas. Compiling them with ajv costs more than a whole
 * warm matrix run should, so ajv's standalone code for exactly these schemas (and this ajv
 * version) is made once — by the build, else on first use into the cache folder — and reused;
 * ajv itself is loaded only to make it. Edited schemas simply get code of their own.
 */
export async function loadSchemaValidator(schemas: readonly object[], cacheDir: string): Promise<ValidateDocument> {
  const key = validatorKey(schemas);
  const file = (dir: string) => path.join(dir, 'validators', `${key.slice(0, 32)}.cjs`);
  const code = await readFile(file(PRECOMPILED_DIR), 'utf8').catch(() => readFile(file(cacheDir), 'utf8')).catch(() => compileStandalone(schemas, file(cacheDir)).catch(rethrowCacheFault(cacheDir)));
  const exports = evaluate(code);
  const byId = new Map(schemas.map((schema, index) => [(schema as { $id?: string }).$id ?? '', exports[`s${index}`]]));
  return (schemaId, value) => {
    const validate = byId.get(schemaId);
    if (!validate) throw new Error(`no JSON Schema with $id ${schemaId}`);
    return validate(value) ? [] : describeSchemaErrors(validate.errors ?? []);
  };
}

/** What a validator is a function of: these schemas and ajv's version (the key of its code). */
export function validatorKey(schemas: readonly object[]): string {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  return createHash('sha256').update(JSON.stringify([ajvVersion, schemas])).digest('hex');
}

async function compileStandalone(schemas: readonly object[], file: string): Promise<string> {
  const [{ Ajv2020 }, standalone] = await Promise.all([import('ajv/dist/2020.js'), import('ajv/dist/standalone/index.js')]);
  const ajv = new Ajv2020({ allErrors: true, strict: true, schemas: [...schemas], code: { source: true } });
  const names = Object.fromEntries(schemas.map((schema, index) => [`s${index}`, (schema as { $id?: string }).$id ?? '']));
  // CommonJS under nodenext: the namespace's default is module.exports, whose `default` is the function.
  const code = standalone.default.default(ajv, names);
  await makeDirectory(path.dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, code);
  await rename(temporary, file);
  return code;
}

/** Runs ajv's generated CommonJS module; its `require`s are ajv's small runtime helpers. */
function evaluate(code: string): Record<string, CompiledValidator> {
  const module = { exports: {} as Record<string, CompiledValidator> };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports;
}
