import type { FixtureSpec } from '../core/fixtureSpec.js';
import type { FixtureTemplateSources } from './fixtureTemplates.js';
import { CPP_NAMESPACE, cppStandIns, namespaceOf } from './cppStandIns.js';
import { moduleHeaderView, type ModuleHeaderView } from './renderCppHeaders.js';
import { interfaceHeaderView, overrideStub, type InterfaceHeaderView } from './renderInterfaceHeader.js';
import { createTemplateEngine } from './templateEngine.js';

export interface FixtureView extends FixtureSpec {
  readonly cppClass: string;
  readonly qualifiedClass: string;
  readonly cppNamespace: string;
  readonly interfaceHeader: string;
  readonly implementsName: string;
  readonly implementationNamespaces: readonly string[];
  readonly implementationClosing: readonly string[];
  readonly overrides: readonly string[];
  readonly createExpression: string;
  readonly needsSignals: boolean;
}

export type RenderFixture = (spec: FixtureSpec) => string;

/**
 * Compiles the templates once; the result renders a fixture's complete C++ source: the same
 * manifest declaration and interface header `generate --lang cpp` writes (inlined, with the
 * stand-ins of this one interface), and a class implementing it.
 */
export function createFixtureRenderer(sources: FixtureTemplateSources): RenderFixture {
  const engine = createTemplateEngine({});
  const fixture = engine.compile<FixtureView>(sources.fixture);
  const header = engine.compile<InterfaceHeaderView>(sources.interfaceHeader);
  const moduleHeader = engine.compile<ModuleHeaderView>(sources.moduleHeader)(moduleHeaderView(null));
  return (spec) => {
    const face = spec.interface;
    const namespaces = namespaceOf(face.implements.cppClass);
    const implementation = [...namespaces, 'Implementation'].join('::');
    const view = interfaceHeaderView(spec.kind, spec.builtFor, face, `${cppStandIns([face])}\n\n${moduleHeader}`, spec.declared.kind);
    return fixture({
      ...spec,
      cppClass: face.cppClass,
      qualifiedClass: view.qualifiedClass,
      cppNamespace: CPP_NAMESPACE,
      interfaceHeader: header(view),
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
