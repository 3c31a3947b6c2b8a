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

/**
 * Declarations of every type the interface's signatures name but do not define: empty,
 * default-constructible classes (and class templates) that accept any constructor arguments, so
 * that defaults such as `None()` and stub bodies `return {};` compile. No standard header is
 * included: a fixture compiles in a few tens of milliseconds.
 */
export function cppStandIns(face: KindInterface): string {
  const home = namespaceOf(face.cppClass);
  const own = new Set([face.cppClass, face.implements.cppClass]);
  const root: Node = { name: '', arity: null, children: new Map() };
  const declare = (path: readonly string[], arity: number) => {
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

  const texts = [
    ...face.methods.flatMap((method) => [...(method.returns === null ? [] : [method.returns]), ...method.params.map((param) => param.type)]),
    'mesos::Parameters',
    ...(face.implements.base === null ? [] : [face.implements.base.replace(/^(public|protected|private)\s+(virtual\s+)?/, '')]),
    ...(face.structure === 'wrapper' ? [`process::Owned<${face.implements.cppClass}>`] : []),
  ];
  for (const text of texts) {
    for (const named of namedTypes(parseCppType(text))) {
      if (named.path.length === 1 && BUILTINS.has(named.path[0] ?? '')) continue;
      declare(named.path, named.args.length);
    }
  }
  const defaults = face.methods.flatMap((method) => method.params.map((param) => param.default ?? ''));
  const lines: string[] = [];
  if (texts.some((text) => /\bsize_t\b/.test(text))) lines.push('typedef decltype(sizeof(0)) size_t;');
  if (texts.some((text) => /\bpid_t\b/.test(text))) lines.push('typedef int pid_t;');
  // stout's None converts to any Option<T>; the stand-ins accept it through their catch-all constructor.
  if (defaults.some((text) => text.includes('None()'))) lines.push('struct None {};');
  for (const node of root.children.values()) lines.push(...render(node, ''));
  return lines.join('\n');
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
