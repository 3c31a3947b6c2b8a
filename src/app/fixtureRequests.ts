import { createHash } from 'node:crypto';
import type { BuildRequest } from '../compile/buildFixtures.js';
import { FIXTURE_TEMPLATES, type FixtureTemplateSources } from '../codegen/fixtureTemplates.js';
import type { RenderLibrary } from '../codegen/renderFixture.js';
import { ownLibrary, type FixtureLibrary } from '../core/fixtureLibraries.js';
import type { FixtureSpec } from '../core/fixtureSpec.js';
import { TEMPLATES_DIR } from './paths.js';
import { readTemplates } from './readTemplates.js';
import { rendererIdentity } from './rendererIdentity.js';

/** Build requests for fixtures, each in a library of its own. */
export async function fixtureRequests(specs: readonly FixtureSpec[], templatesDir = TEMPLATES_DIR): Promise<BuildRequest[]> {
  return libraryRequests(specs.map(ownLibrary), templatesDir);
}

/**
 * Build requests for fixture libraries. The recipe (the renderer's identity, template texts and
 * specs) identifies the rendered source, so a warm run never loads Handlebars; it is imported on
 * the first render only. (The compiler's identity and flags join the recipe in the cache key.)
 */
export async function libraryRequests(libraries: readonly FixtureLibrary[], templatesDir = TEMPLATES_DIR): Promise<BuildRequest[]> {
  const [templates, renderer]: [FixtureTemplateSources, string] = await Promise.all([readTemplates(FIXTURE_TEMPLATES, templatesDir), rendererIdentity()]);
  let renderLibrary: Promise<RenderLibrary> | undefined;
  const render = (specs: readonly FixtureSpec[]) => {
    renderLibrary ??= import('../codegen/renderFixture.js').then(({ createLibraryRenderer }) => createLibraryRenderer(templates));
    return renderLibrary.then((renderOne) => renderOne(specs));
  };
  // The templates by digest: the recipe of each of 780 fixtures would otherwise carry (and the
  // cache key hash) their whole text again.
  const shared = `${renderer}\n${createHash('sha256').update(JSON.stringify(templates)).digest('hex')}`;
  return libraries.map((library) => ({
    id: library.id,
    recipe: `${shared}\n${JSON.stringify(library.specs)}`,
    render: () => render(library.specs),
    fileName: library.fileName,
    fixtures: library.specs.map((spec) => spec.id),
    // A library without its modules' symbols is never stamped, unless a fixture hides its own on purpose.
    exports: library.specs.flatMap((spec) => (spec.exportSymbol ? [spec.moduleName] : [])),
  }));
}
