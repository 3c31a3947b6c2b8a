import type { BuildRequest } from '../compile/buildFixtures.js';
import { FIXTURE_TEMPLATES, type FixtureTemplateSources } from '../codegen/fixtureTemplates.js';
import type { RenderFixture } from '../codegen/renderFixture.js';
import type { FixtureSpec } from '../core/fixtureSpec.js';
import { TEMPLATES_DIR } from './paths.js';
import { readTemplates } from './readTemplates.js';

/**
 * Build requests for fixtures. The recipe (template texts + spec) identifies the rendered
 * source, so a warm run never loads Handlebars; it is imported on the first render only.
 */
export async function fixtureRequests(specs: readonly FixtureSpec[], templatesDir = TEMPLATES_DIR): Promise<BuildRequest[]> {
  const templates: FixtureTemplateSources = await readTemplates(FIXTURE_TEMPLATES, templatesDir);
  let renderer: Promise<RenderFixture> | undefined;
  const render = (spec: FixtureSpec) => {
    renderer ??= import('../codegen/renderFixture.js').then(({ createFixtureRenderer }) => createFixtureRenderer(templates));
    return renderer.then((renderFixture) => renderFixture(spec));
  };
  const templatesText = JSON.stringify(templates);
  return specs.map((spec) => ({
    id: spec.id,
    recipe: `${templatesText}\n${JSON.stringify(spec)}`,
    render: () => render(spec),
    fileName: `lib${spec.kind}-${spec.builtFor}.so`,
  }));
}
