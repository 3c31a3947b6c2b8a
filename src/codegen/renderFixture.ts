import type { FixtureSpec } from '../core/fixtureSpec.js';
import { FIXTURE_TEMPLATES, type FixtureTemplateSources } from './fixtureTemplates.js';
import { CPP_NAMESPACE, cppStandIns, namespaceOf } from './cppStandIns.js';
import { moduleHeaderView, type ModuleHeaderView } from './renderCppHeaders.js';
import { interfaceHeaderView, overrideStub, type InterfaceHeaderView } from './renderInterfaceHeader.js';
import { createTemplateEngine } from './templateEngine.js';

/** One module of a fixture library, as `templates/fixture.cpp.hbs` renders it. */
export interface FixtureModuleView extends FixtureSpec {
  readonly cppClass: string;
  readonly qualifiedClass: string;
  readonly cppNamespace: string;
  /** Where this module's `create` and `compatible` live, apart from the library's other modules. */
  readonly moduleNamespace: string;
  /** Where its implementation lives, in its interface's namespace (a name of its own: `module_X` there would make `module_X` ambiguous for an interface in the global namespace). */
  readonly implementationNamespace: string;
  readonly implementsName: string;
  readonly implementationNamespaces: readonly string[];
  readonly implementationClosing: readonly string[];
  readonly overrides: readonly string[];
  readonly createExpression: string;
}

export interface FixtureView {
  readonly origin: string;
  /** The stand-ins, the manifest declaration and each module's interface header, in that order. */
  readonly interfaceHeaders: string;
  readonly needsSignals: boolean;
  readonly modules: readonly FixtureModuleView[];
}

export type RenderFixture = (spec: FixtureSpec) => string;
/** The source of one library holding the modules of `specs`: fixtures built against one release, of distinct kinds. */
export type RenderLibrary = (specs: readonly FixtureSpec[]) => string;

/**
 * Compiles the templates once; the result renders a fixture library's complete C++ source: the
 * same manifest declaration and interface headers `generate --lang cpp` writes (inlined, with the
 * stand-ins of these interfaces), and per module a class implementing its interface.
 */
export function createLibraryRenderer(sources: FixtureTemplateSources): RenderLibrary {
  const engine = createTemplateEngine({});
  const fixture = engine.compile<FixtureView>(sources.fixture, FIXTURE_TEMPLATES.fixture);
  const header = engine.compile<InterfaceHeaderView>(sources.interfaceHeader, FIXTURE_TEMPLATES.interfaceHeader);
  const moduleHeader = engine.compile<ModuleHeaderView>(sources.moduleHeader, FIXTURE_TEMPLATES.moduleHeader)(moduleHeaderView(null));
  return (specs) => {
    assertOneLibrary(specs);
    const faces = specs.map((spec) => spec.interface);
    const views = specs.map((spec) => interfaceHeaderView(spec.kind, spec.builtFor, spec.interface, '', spec.declared.kind));
    const interfaceHeaders = [cppStandIns(faces), moduleHeader, ...views.map(header)].join('\n\n');
    return fixture({
      origin: [...new Set(specs.map((spec) => spec.origin))].join(', '),
      interfaceHeaders,
      needsSignals: specs.some((spec) => spec.onLoad !== 'construct' || spec.declared.compatible === 'crash' || spec.declared.compatible === 'hang'),
      modules: specs.map((spec, index) => moduleView(spec, views[index] as InterfaceHeaderView)),
    }).replace(/\n{3,}/g, '\n\n');
  };
}

/** One fixture in a library of its own. */
export function createFixtureRenderer(sources: FixtureTemplateSources): RenderFixture {
  const render = createLibraryRenderer(sources);
  return (spec) => render([spec]);
}

function moduleView(spec: FixtureSpec, view: InterfaceHeaderView): FixtureModuleView {
  const face = spec.interface;
  const namespaces = namespaceOf(face.implements.cppClass);
  const name = spec.kind.replace(/\W/g, '_');
  const implementationNamespace = `implementation_${name}`;
  const implementation = [...namespaces, implementationNamespace, 'Implementation'].join('::');
  return {
    ...spec,
    cppClass: face.cppClass,
    qualifiedClass: view.qualifiedClass,
    cppNamespace: CPP_NAMESPACE,
    moduleNamespace: `module_${name}`,
    implementationNamespace,
    implementsName: face.implements.cppClass.split('::').at(-1) ?? spec.kind,
    implementationNamespaces: namespaces,
    implementationClosing: [...namespaces].reverse(),
    overrides: face.methods.filter((method) => method.pure && !method.destructor).map(overrideStub),
    // Up to 0.23.x the Isolator's create() wraps the process authors implement (interfaces.md §2).
    createExpression:
      face.structure === 'wrapper'
        ? `new ${face.cppClass}(process::Owned<${face.implements.cppClass}>(new ${implementation}()))`
        : `new ${implementation}()`,
  };
}

/**
 * Modules of one library must not collide: one `Module<T>` specialisation per interface class,
 * one global per module name. The caller groups fixtures so; anything else is our bug.
 */
function assertOneLibrary(specs: readonly FixtureSpec[]): void {
  const distinct = (values: readonly string[]) => new Set(values).size === values.length;
  if (specs.length === 0 || !distinct(specs.map((spec) => spec.moduleName)) || !distinct(specs.map((spec) => spec.interface.cppClass))) {
    throw new Error(`fixtures cannot share a library: ${specs.map((spec) => spec.id).join(', ') || 'none'}`);
  }
}
