/**
 * The template texts a fixture needs (read by the caller; rendering does no I/O). Apart from the
 * renderer so that reading them does not load Handlebars: a warm matrix run never renders.
 */
export interface FixtureTemplateSources {
  readonly fixture: string;
  readonly interfaceHeader: string;
  readonly moduleHeader: string;
}

/** The template files of {@link FixtureTemplateSources}, by field. */
export const FIXTURE_TEMPLATES = { fixture: 'fixture.cpp.hbs', interfaceHeader: 'interface.hpp.hbs', moduleHeader: 'module.hpp.hbs' } as const satisfies Record<keyof FixtureTemplateSources, string>;

/** The template files `generate` renders (TypeScript shims and C++ headers), by field. */
export const GENERATE_TEMPLATES = {
  shim: 'shim.ts.hbs',
  reexport: 'shim-reexport.ts.hbs',
  types: 'shim-types.ts.hbs',
  index: 'shim-index.ts.hbs',
  interfaceHeader: 'interface.hpp.hbs',
  moduleHeader: 'module.hpp.hbs',
  standIns: 'stand-ins.hpp.hbs',
} as const;
