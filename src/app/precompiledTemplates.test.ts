import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_TEMPLATES } from '../codegen/fixtureTemplates.js';
import { createFixtureRenderer } from '../codegen/renderFixture.js';
import { templateKey } from '../codegen/templateEngine.js';
import { DEFAULT_TABLE_DIR, PACKAGE_ROOT, TEMPLATES_DIR } from './paths.js';
import { planRun } from './planRun.js';
import { readTemplates } from './readTemplates.js';
import { temporaryDir } from '../../test/helpers/temporaryDir.js';

const PRECOMPILED = path.join(PACKAGE_ROOT, 'dist', 'templates', 'precompiled.cjs');

// `npm test` builds first (pretest); run alone without a build, there is nothing to compare.
describe.skipIf(!existsSync(PRECOMPILED))('templates precompiled by the build', () => {
  it('holds every template of the package, by its text', () => {
    const precompiled = createRequire(import.meta.url)(PRECOMPILED) as Record<string, unknown>;
    const templates = readdirSync(TEMPLATES_DIR).filter((file) => file.endsWith('.hbs'));
    expect(templates.length).toBeGreaterThan(0);
    for (const file of templates) expect(precompiled, file).toHaveProperty([templateKey(readFileSync(path.join(TEMPLATES_DIR, file), 'utf8'))]);
  });

  it('render every fixture of every release exactly as the same templates compiled at run time', async () => {
    const { plan } = await planRun({ tableDir: DEFAULT_TABLE_DIR, cacheDir: temporaryDir('templates'), releases: 'all', kinds: undefined, only: undefined, whatIf: [] });
    const templates = await readTemplates(FIXTURE_TEMPLATES, TEMPLATES_DIR);
    // A trailing Handlebars comment renders nothing but changes the text: no precompiled spec
    // matches, so these are compiled here, as a project's own templates would be.
    const own = Object.fromEntries(Object.entries(templates).map(([name, text]) => [name, `${text}{{!-- a project's own copy --}}`])) as typeof templates;
    const [fromBuild, fromText] = [createFixtureRenderer(templates), createFixtureRenderer(own)];
    for (const spec of plan.fixtures) expect(fromBuild(spec), spec.id).toBe(fromText(spec));
  });
});
