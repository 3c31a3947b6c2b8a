import { cppSignature, type CppMethod, type KindInterface } from '../core/kindInterface.js';
import { cppLiteral } from './cppLiteral.js';
import { CPP_NAMESPACE, namespaceOf } from './cppStandIns.js';

/** What `templates/interface.hpp.hbs` renders: one kind's interface in one release, and its `Module<T>`. */
export interface InterfaceHeaderView {
  readonly origin: string;
  readonly release: string;
  readonly kind: string;
  readonly header: string;
  readonly cppClass: string;
  /** The class as named from the global namespace: `::mesos_module_matrix::mesos::slave::Isolator`. */
  readonly qualifiedClass: string;
  readonly cppNamespace: string;
  readonly guard: string;
  /** What comes before the interface: `#include`s of the release's stand-ins and manifest, or their text. */
  readonly prelude: string;
  /** The C++ literal `mesos::modules::kind<T>()` returns. */
  readonly kindLiteral: string;
  readonly namespaces: readonly string[];
  readonly closing: readonly string[];
  readonly wrapper: boolean;
  readonly className: string;
  readonly implementsName: string;
  readonly base: string | null;
  readonly declarations: readonly string[];
}

export function interfaceHeaderView(kind: string, release: string, face: KindInterface, prelude: string, declaredKind: string | null = kind): InterfaceHeaderView {
  const namespaces = namespaceOf(face.cppClass);
  if (namespaceOf(face.implements.cppClass).join('::') !== namespaces.join('::')) {
    throw new Error(`${kind} ${release}: ${face.implements.cppClass} is not in the namespace of ${face.cppClass}`);
  }
  return {
    origin: face.file,
    release,
    kind,
    header: face.header,
    cppClass: face.cppClass,
    qualifiedClass: `::${CPP_NAMESPACE}::${face.cppClass}`,
    cppNamespace: CPP_NAMESPACE,
    guard: cppGuard(release, kind),
    prelude,
    kindLiteral: cppLiteral(declaredKind),
    namespaces,
    closing: [...namespaces].reverse(),
    wrapper: face.structure === 'wrapper',
    className: face.cppClass.split('::').at(-1) ?? kind,
    implementsName: face.implements.cppClass.split('::').at(-1) ?? kind,
    base: face.implements.base,
    declarations: face.methods.map(declaration),
  };
}

/** `MESOS_MODULE_MATRIX_0_24_1_ISOLATOR_HPP`. */
export function cppGuard(release: string, name: string): string {
  return `MESOS_MODULE_MATRIX_${release.replace(/\W/g, '_')}_${name.replace(/\W/g, '_').toUpperCase()}_HPP`;
}

/** A method as the header declares it; a non-pure method gets a stub body. */
function declaration(method: CppMethod): string {
  if (method.destructor) return `virtual ${method.name}() {}`;
  const signature = cppSignature(method);
  if (method.pure) return `${signature};`;
  return `${signature} { ${method.returns === 'void' ? '' : 'return {}; '}}`;
}

/** The stub a fixture overrides a pure method with. */
export function overrideStub(method: CppMethod): string {
  const params = method.params.map((param) => `${param.type}${param.name ? ` ${param.name}` : ''}`).join(', ');
  return `${method.returns ?? 'void'} ${method.name}(${params})${method.const ? ' const' : ''} override { ${method.returns === 'void' ? '' : 'return {}; '}}`;
}
