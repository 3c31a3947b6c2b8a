import type { FixtureSpec } from '../core/fixtureSpec.js';
import { namespaceOf } from './cppStandIns.js';
import { interfaceHeaderView, overrideStub, type InterfaceHeaderView } from './renderInterfaceHeader.js';
import { createTemplateEngine } from './templateEngine.js';

/** The template texts a fixture needs (read by the caller; rendering does no I/O). */
export interface FixtureTemplateSources {
  readonly fixture: string;
  readonly interfaceHeader: string;
}

export interface FixtureView extends FixtureSpec {
  readonly cppClass: string;
  readonly interfaceHeader: string;
  readonly implementsName: string;
  readonly implementationNamespaces: readonly string[];
  readonly implementationClosing: readonly string[];
  readonly overrides: readonly string[];
  readonly createExpression: string;
  readonly needsSignals: boolean;
}

export type RenderFixture = (spec: FixtureSpec) => string;

/** Compiles the templates once; the result renders a fixture's complete C++ source. */
export function createFixtureRenderer(sources: FixtureTemplateSources): RenderFixture {
  const engine = createTemplateEngine({});
  const fixture = engine.compile<FixtureView>(sources.fixture);
  const header = engine.compile<InterfaceHeaderView>(sources.interfaceHeader);
  return (spec) => {
    const face = spec.interface;
    const namespaces = namespaceOf(face.implements.cppClass);
    const implementation = [...namespaces, 'Implementation'].join('::');
    return fixture({
      ...spec,
      cppClass: face.cppClass,
      interfaceHeader: header(interfaceHeaderView(spec.kind, spec.builtFor, face, face.file)),
      implementsName: face.implements.cppClass.split('::').at(-1) ?? spec.kind,
      implementationNamespaces: namespaces,
      implementationClosing: [...namespaces].reverse(),
      overrides: face.methods.filter((method) => method.pure && !method.destructor).map(overrideStub),
      // Up to 0.23.x the Isolator's create() wraps the process authors implement (interfaces.md §2).
      createExpression:
        face.structure === 'wrapper'
          ? `new ${face.cppClass}(process::Owned<${face.implements.cppClass}>(new ${implementation}()))`
          : `new ${implementation}()`,
      needsSignals: spec.onLoad !== 'construct' || spec.declared.compatible === 'crash' || spec.declared.compatible === 'hang',
    }).replace(/\n{3,}/g, '\n\n');
  };
}
