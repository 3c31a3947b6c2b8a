import { namedTypes, parseCppType } from '../core/cppType.js';
import type { KindInterface } from '../core/kindInterface.js';
import { SCALARS } from '../core/tsType.js';

/** Names spelt from the global namespace; any other name is relative to the interface's namespace. */
const ROOTS = new Set(['std', 'process', 'google', 'lambda', 'mesos']);
const BUILTINS = new Set([...Object.keys(SCALARS).filter((name) => !name.includes('::') && name !== 'Nothing'), 'unsigned', 'signed']);

interface Node {
  readonly name: string;
  arity: number | null;
  readonly children: Map<string, Node>;
}

/** The namespace the C++ headers declare everything in but the module manifest (Mesos's own ABI). */
export const CPP_NAMESPACE = 'mesos_module_matrix';

/**
 * Declarations of every type the interfaces' signatures name but do not define: empty,
 * default-constructible classes (and class templates) that accept any constructor arguments, so
 * that defaults such as `None()` and stub bodies `return {};` compile. They live in namespace
 * `mesos_module_matrix` (as `mesos_module_matrix::std::string`, `mesos_module_matrix::process::Future`),
 * where the interfaces are declared too: signatures read as Mesos writes them and resolve to the
 * stand-ins, and the real standard library can be included beside them. No standard header is
 * included: a fixture compiles in a few tens of milliseconds.
 */
export function cppStandIns(faces: readonly KindInterface[]): string {
  const own = new Set(faces.flatMap((face) => [face.cppClass, face.implements.cppClass]));
  const root: Node = { name: CPP_NAMESPACE, arity: null, children: new Map() };
  const texts: string[] = [];
  const declare = (home: readonly string[], path: readonly string[], arity: number) => {
    const full = ROOTS.has(path[0] ?? '') ? [...path] : [...home, ...path];
    if (own.has(full.join('::'))) return;
    let node = root;
    for (const segment of full) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { name: segment, arity: null, children: new Map() }));
      node = child;
    }
    node.arity = Math.max(node.arity ?? 0, arity);
  };
  for (const face of faces) {
    const home = namespaceOf(face.cppClass);
    const named = [
      ...face.methods.flatMap((method) => [...(method.returns === null ? [] : [method.returns]), ...method.params.map((param) => param.type)]),
      'mesos::Parameters',
      ...(face.implements.base === null ? [] : [face.implements.base.replace(/^(public|protected|private)\s+(virtual\s+)?/, '')]),
      ...(face.structure === 'wrapper' ? [`process::Owned<${face.implements.cppClass}>`] : []),
    ];
    texts.push(...named, ...face.methods.flatMap((method) => method.params.map((param) => param.default ?? '')));
    for (const text of named) {
      for (const type of namedTypes(parseCppType(text))) {
        if (type.path.length === 1 && BUILTINS.has(type.path[0] ?? '')) continue;
        declare(home, type.path, type.args.length);
      }
    }
  }
  const lines: string[] = [];
  if (texts.some((text) => /\bsize_t\b/.test(text))) lines.push('typedef decltype(sizeof(0)) size_t;');
  if (texts.some((text) => /\bpid_t\b/.test(text))) lines.push('typedef int pid_t;');
  // stout's None converts to any Option<T>; the stand-ins accept it through their catch-all constructor.
  if (texts.some((text) => text.includes('None()'))) lines.push('struct None {};');
  for (const node of root.children.values()) lines.push(...render(node, ''));
  return [`namespace ${CPP_NAMESPACE} {`, ...lines, `} // namespace ${CPP_NAMESPACE}`].join('\n');
}

function render(node: Node, indent: string): string[] {
  const isClass = node.arity !== null || /^[A-Z]/.test(node.name);
  if (!isClass) {
    return [`${indent}namespace ${node.name} {`, ...[...node.children.values()].flatMap((child) => render(child, indent)), `${indent}} // namespace ${node.name}`];
  }
  const arity = node.arity ?? 0;
  const template = arity > 0 ? `template <${Array.from({ length: arity }, (_, index) => `typename T${index}`).join(', ')}> ` : '';
  const body = `public: ${node.name}() {} template <typename... A> ${node.name}(A&&...) {}`;
  const nested = [...node.children.values()].flatMap((child) => render(child, `${indent}  `));
  if (nested.length === 0) return [`${indent}${template}class ${node.name} { ${body} };`];
  return [`${indent}${template}class ${node.name} {`, `${indent}  ${body}`, ...nested, `${indent}};`];
}

/** `mesos::slave::Isolator` → ['mesos', 'slave']. */
export function namespaceOf(cppClass: string): string[] {
  return cppClass.split('::').slice(0, -1);
}
