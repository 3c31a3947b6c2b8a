import { createHash } from 'node:crypto';
import type { BuildRequest } from '../compile/buildFixtures.js';
import { FIXTURE_TEMPLATES, type FixtureTemplateSources } from '../codegen/fixtureTemplates.js';
import type { RenderFixture } from '../codegen/renderFixture.js';
import type { FixtureSpec } from '../core/fixtureSpec.js';
import { TEMPLATES_DIR } from './paths.js';
import { readTemplates } from './readTemplates.js';
import { rendererIdentity } from './rendererIdentity.js';

/**
 * Build requests for fixtures. The recipe (the renderer's identity, template texts and spec)
 * identifies the rendered source, so a warm run never loads Handlebars; it is imported on the
 * first render only. (The compiler's identity and flags join the recipe in the cache key.)
 */
export async function fixtureRequests(specs: readonly FixtureSpec[], templatesDir = TEMPLATES_DIR): Promise<BuildRequest[]> {
  const [templates, renderer]: [FixtureTemplateSources, string] = await Promise.all([readTemplates(FIXTURE_TEMPLATES, templatesDir), rendererIdentity()]);
  let renderFixture: Promise<RenderFixture> | undefined;
  const render = (spec: FixtureSpec) => {
    renderFixture ??= import('../codegen/renderFixture.js').then(({ createFixtureRenderer }) => createFixtureRenderer(templates));
    return renderFixture.then((renderOne) => renderOne(spec));
  };
  // The templates by digest: the recipe of each of 780 fixtures would otherwise carry (and the
  // cache key hash) their whole text again.
  const shared = `${renderer}\n${createHash('sha256').update(JSON.stringify(templates)).digest('hex')}`;
  return specs.map((spec) => ({
    id: spec.id,
    recipe: `${shared}\n${JSON.stringify(spec)}`,
    render: () => render(spec),
    fileName: `lib${spec.kind}-${spec.builtFor}.so`,
    // A library without its module symbol is never stamped, unless the fixture hides it on purpose.
    exports: spec.exportSymbol ? [spec.moduleName] : [],
  }));
}
