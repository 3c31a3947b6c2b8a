import Handlebars from 'handlebars';
import { cppLiteral } from './cppLiteral.js';

/**
 * An isolated Handlebars environment for code: no HTML escaping, and `strict` so that a
 * misspelt field is an error instead of an empty string in generated code.
 */
export function createTemplateEngine(partials: Readonly<Record<string, string>>) {
  const engine = Handlebars.create();
  engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  engine.registerHelper('cstr', (text: unknown) => cppLiteral(typeof text === 'string' ? text : null));
  for (const [name, source] of Object.entries(partials)) engine.registerPartial(name, source);
  return {
    compile<T>(source: string): (view: T) => string {
      const template = engine.compile<T>(source, { noEscape: true, strict: true });
      return (view) => template(view);
    },
  };
}
