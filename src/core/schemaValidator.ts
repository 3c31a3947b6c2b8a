import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';

/** A schema violation: where (JSON pointer) and what was expected there. */
export interface SchemaProblem {
  readonly pointer: string;
  readonly expected: string;
}

export type ValidateDocument = (schemaId: string, value: unknown) => readonly SchemaProblem[];

/** Compiles the JSON Schemas once; the returned function reports every violation, not only the first. */
export function createSchemaValidator(schemas: readonly object[]): ValidateDocument {
  const ajv = new Ajv2020({ allErrors: true, strict: true, schemas: [...schemas] });
  return (schemaId, value) => {
    const validate = ajv.getSchema(schemaId);
    if (!validate) throw new Error(`no JSON Schema with $id ${schemaId}`);
    return validate(value) ? [] : (validate.errors ?? []).filter(isUseful).map(describe);
  };
}

// `if`/`then` and anyOf wrappers repeat what their branches already say.
function isUseful(error: ErrorObject): boolean {
  return error.keyword !== 'if' && error.keyword !== 'anyOf' && error.keyword !== 'oneOf';
}

function describe(error: ErrorObject): SchemaProblem {
  const params = error.params as Record<string, unknown>;
  const at = error.instancePath === '' ? '/' : error.instancePath;
  switch (error.keyword) {
    case 'required':
      return { pointer: at, expected: `a property "${String(params['missingProperty'])}"` };
    case 'additionalProperties':
      return { pointer: `${error.instancePath}/${String(params['additionalProperty'])}`, expected: 'no such property (it is not in the schema)' };
    case 'enum':
      return { pointer: at, expected: `one of ${(params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}` };
    case 'const':
      return { pointer: at, expected: JSON.stringify(params['allowedValue']) };
    case 'type':
      return { pointer: at, expected: `a value of type ${String(params['type'])}` };
    case 'pattern':
      return { pointer: at, expected: `text matching ${String(params['pattern'])}` };
    case 'propertyNames':
      return { pointer: `${error.instancePath}/${String(params['propertyName'])}`, expected: 'a property name matching the schema' };
    default:
      return { pointer: at, expected: `a value that ${error.message ?? error.keyword}` };
  }
}
