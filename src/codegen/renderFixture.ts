import type { FixtureSpec } from '../core/fixtureSpec.js';
import { createTemplateEngine } from './templateEngine.js';

/** The template texts a fixture needs (read by the caller; rendering does no I/O). */
export interface FixtureTemplateSources {
  readonly fixture: string;
  readonly interfacePlaceholder: string;
}

export interface FixtureView extends FixtureSpec {
  readonly cppClass: string;
  readonly needsSignals: boolean;
}

export type RenderFixture = (spec: FixtureSpec) => string;

/** Compiles the templates once; the result renders a fixture's complete C++ source. */
export function createFixtureRenderer(sources: FixtureTemplateSources): RenderFixture {
  const engine = createTemplateEngine({ interface: sources.interfacePlaceholder });
  const template = engine.compile<FixtureView>(sources.fixture);
  return (spec) =>
    template({
      ...spec,
      cppClass: `mesos_module_matrix::${spec.kind}`,
      needsSignals: spec.onLoad !== 'construct' || spec.declared.compatible === 'crash' || spec.declared.compatible === 'hang',
    }).replace(/\n{3,}/g, '\n\n');
}
