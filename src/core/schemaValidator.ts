import type { ErrorObject } from 'ajv/dist/2020.js';

/** A schema violation: where (JSON pointer) and what was expected there. */
export interface SchemaProblem {
  readonly pointer: string;
  readonly expected: string;
}

export type ValidateDocument = (schemaId: string, value: unknown) => readonly SchemaProblem[];

/** Every violation a validator reported, located and phrased for a person. */
export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  // `anyOf: [{required: [a]}, {required: [b]}]` reads as one problem: "a" or "b".
  const alternatives = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword === 'required' && error.schemaPath.includes('/anyOf/')) {
      alternatives.set(error.instancePath, [...(alternatives.get(error.instancePath) ?? []), `"${String((error.params as Record<string, unknown>)['missingProperty'])}"`]);
    }
  }
  const merged = [...alternatives].map(([pointer, names]) => ({ pointer: pointer === '' ? '/' : pointer, expected: `a property ${names.join(' or ')}` }));
  return [...errors.filter((error) => isUseful(error) && !(error.keyword === 'required' && error.schemaPath.includes('/anyOf/'))).map(describe), ...merged];
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
