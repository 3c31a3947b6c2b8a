import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';
import { ConfigError } from '../core/errors.js';
import { cppLiteral } from './cppLiteral.js';

type Handlebars = typeof HandlebarsModule;
type TemplateSpec = Parameters<Handlebars['template']>[0];

/** How every template is compiled: code, not HTML, and `strict`, so a misspelt field is an error instead of an empty string. */
const COMPILE_OPTIONS = Object.freeze({ noEscape: true, strict: true });
/** A fresh copy for each call: Handlebars writes into the options object it is given. */
const compileOptions = () => ({ ...COMPILE_OPTIONS });

const require = createRequire(import.meta.url);
const HANDLEBARS_VERSION = (require('handlebars/package.json') as { version: string }).version;

let precompiled: Readonly<Record<string, TemplateSpec>> | undefined;

/**
 * The package's own templates as `npm run build` precompiled them (scripts/precompile-templates.ts),
 * by {@link templateKey}; empty when running from source without a build. Loading them and the
 * Handlebars runtime costs a fraction of loading the compiler and compiling the templates
 * (~0.2 s against ~0.5 s on this machine), and both load only when a template is first compiled.
 */
function precompiledTemplates(): Readonly<Record<string, TemplateSpec>> {
  try {
    precompiled ??= require('../../dist/templates/precompiled.cjs') as Record<string, TemplateSpec>;
  } catch {
    precompiled = {};
  }
  return precompiled;
}

/** A template's key among the precompiled ones: its text, the options and the Handlebars version it is compiled with. */
export function templateKey(source: string): string {
  return createHash('sha256').update(JSON.stringify([HANDLEBARS_VERSION, COMPILE_OPTIONS, source])).digest('hex');
}

/** The precompiled form `npm run build` writes for a template (JavaScript source of Handlebars's template spec). */
export function precompileTemplate(source: string): string {
  return (require('handlebars') as Handlebars).precompile(source, compileOptions()) as string;
}

/**
 * An isolated Handlebars environment for code. A template whose exact text was precompiled by
 * the build (the package's own) runs on the small Handlebars runtime; any other — a project's
 * own `templates/` — is compiled here, with the full compiler loaded on first need. Both give
 * the same text for the same template.
 */
export function createTemplateEngine(partials: Readonly<Record<string, string>>) {
  let compiler: Handlebars | undefined;
  // Partials given as text need the compiler.
  const full = () => (compiler ??= withHelpers((require('handlebars') as Handlebars).create(), partials));
  let runtime: Handlebars | undefined;
  const small = () => (runtime ??= withHelpers((require('handlebars/runtime') as { default: Handlebars }).default.create(), {}));
  return {
    /** `name`: the template's file in `templates/`, named when it does not render. */
    compile<T>(source: string, name: string): (view: T) => string {
      const spec = Object.keys(partials).length === 0 ? precompiledTemplates()[templateKey(source)] : undefined;
      if (spec) {
        const template = small().template<T>(spec);
        return (view) => template(view);
      }
      // Not the package's own text: a project's templates/ (`--root`), which this version's view may not fit.
      const template = full().compile<T>(source, compileOptions());
      return (view) => {
        try {
          return template(view);
        } catch (error) {
          throw templateError(name, error);
        }
      };
    },
  };
}

/** Handlebars's complaint (a syntax error, or with `strict` a field the view lacks) as the project's configuration error. */
function templateError(name: string, error: unknown): ConfigError {
  // A parse error shows the line and a caret under the place on the lines after the first.
  const text = (error instanceof Error ? error.message : String(error)).replace(' in [object Object]', '').trimEnd().replaceAll('\n', '\n    ');
  return new ConfigError(
    `templates/${name} does not render: ${text}`,
    `make it render what this version of mesos-module-matrix gives it (compare it with the package's own templates/${name}), or remove it to use the package's`,
  );
}

function withHelpers(engine: Handlebars, partials: Readonly<Record<string, string>>): Handlebars {
  engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  engine.registerHelper('cstr', (text: unknown) => cppLiteral(typeof text === 'string' ? text : null));
  for (const [name, source] of Object.entries(partials)) engine.registerPartial(name, source);
  return engine;
}
