import { cppSignature, type CppMethod, type InterfaceTable, type KindInterface } from '../core/kindInterface.js';
import type { Release } from '../core/versionTable.js';
import { cppStandIns, namespaceOf } from './cppStandIns.js';
import type { GeneratedFile } from './renderShims.js';
import { createTemplateEngine } from './templateEngine.js';

/** What `templates/interface.hpp.hbs` renders: one kind's interface in one release. */
export interface InterfaceHeaderView {
  readonly origin: string;
  readonly release: string;
  readonly kind: string;
  readonly header: string;
  readonly cppClass: string;
  readonly guard: string;
  readonly standIns: string;
  readonly namespaces: readonly string[];
  readonly closing: readonly string[];
  readonly wrapper: boolean;
  readonly className: string;
  readonly implementsName: string;
  readonly base: string | null;
  readonly declarations: readonly string[];
}

export function interfaceHeaderView(kind: string, release: string, face: KindInterface, origin: string): InterfaceHeaderView {
  const namespaces = namespaceOf(face.cppClass);
  if (namespaceOf(face.implements.cppClass).join('::') !== namespaces.join('::')) {
    throw new Error(`${kind} ${release}: ${face.implements.cppClass} is not in the namespace of ${face.cppClass}`);
  }
  return {
    origin,
    release,
    kind,
    header: face.header,
    cppClass: face.cppClass,
    guard: `MESOS_MODULE_MATRIX_${kind.toUpperCase()}_${release.replace(/\W/g, '_')}_HPP`,
    standIns: cppStandIns(face),
    namespaces,
    closing: [...namespaces].reverse(),
    wrapper: face.structure === 'wrapper',
    className: face.cppClass.split('::').at(-1) ?? kind,
    implementsName: face.implements.cppClass.split('::').at(-1) ?? kind,
    base: face.implements.base,
    declarations: face.methods.map(declaration),
  };
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

/** `generate --cpp-out`: one header per (release, kind) that has interface data. */
export function renderInterfaceHeaders(
  selection: { readonly releases: readonly Release[]; readonly kinds: ReadonlySet<string>; readonly interfaces: InterfaceTable },
  template: string,
): GeneratedFile[] {
  const header = createTemplateEngine({}).compile<InterfaceHeaderView>(template);
  return selection.releases.flatMap((release) =>
    [...release.host.kinds.keys()]
      .filter((kind) => selection.kinds.has(kind))
      .sort()
      .flatMap((kind) => {
        const face = selection.interfaces.get(kind)?.get(release.release);
        return face ? [{ path: `${release.release}/${kind}.hpp`, content: header(interfaceHeaderView(kind, release.release, face, face.file)) }] : [];
      }),
  );
}
