import { parseCppType, type CppType } from './cppType.js';

/**
 * How a C++ type of a Mesos interface reads in TypeScript (the README documents the table).
 * Types the table does not know are Mesos types — protobuf messages and other classes — and
 * become opaque branded types named after their spelling (`ContainerID`,
 * `process::http::Request` → `HttpRequest`), declared once in the shims' `mesosTypes.ts`.
 * Nothing maps to `any`.
 */
export const SCALARS: Readonly<Record<string, string>> = {
  void: 'void',
  bool: 'boolean',
  char: 'number',
  short: 'number',
  int: 'number',
  long: 'number',
  'long long': 'number',
  'unsigned int': 'number',
  'unsigned long': 'number',
  float: 'number',
  double: 'number',
  size_t: 'number',
  pid_t: 'number',
  'std::string': 'string',
  // stout's unit type: a Future<Nothing> is a Promise<void>.
  Nothing: 'void',
};

type Printed = { readonly text: string; readonly atom: boolean };
const atom = (text: string): Printed => ({ text, atom: true });
const grouped = (printed: Printed) => (printed.atom ? printed.text : `(${printed.text})`);

/** Templates by their spelling, with or without namespace. */
export const TEMPLATES: Readonly<Record<string, (args: readonly Printed[]) => Printed>> = {
  'process::Future': ([t]) => atom(`Promise<${t?.text}>`),
  Future: ([t]) => atom(`Promise<${t?.text}>`),
  Option: ([t]) => ({ text: `${t?.text} | undefined`, atom: false }),
  Try: ([t]) => atom(`Try<${t?.text}>`),
  Result: ([t]) => atom(`Result<${t?.text}>`),
  'std::list': ([t]) => atom(`readonly ${grouped(t ?? atom('never'))}[]`),
  'std::vector': ([t]) => atom(`readonly ${grouped(t ?? atom('never'))}[]`),
  'std::set': ([t]) => atom(`ReadonlySet<${t?.text}>`),
  hashset: ([t]) => atom(`ReadonlySet<${t?.text}>`),
  'std::map': ([k, v]) => atom(`ReadonlyMap<${k?.text}, ${v?.text}>`),
  hashmap: ([k, v]) => atom(`ReadonlyMap<${k?.text}, ${v?.text}>`),
  'google::protobuf::Map': ([k, v]) => atom(`ReadonlyMap<${k?.text}, ${v?.text}>`),
  'std::shared_ptr': ([t]) => t ?? atom('never'),
  'process::Owned': ([t]) => t ?? atom('never'),
  'lambda::function': ([signature]) => signature ?? atom('never'),
};

/** The opaque TypeScript name of a Mesos type: segments joined, `mesos`/`process` dropped. */
export function opaqueName(path: readonly string[]): string {
  const kept = path.filter((segment, index) => !(index < path.length - 1 && (segment === 'mesos' || segment === 'process')));
  return kept.map((segment) => segment.charAt(0).toUpperCase() + segment.slice(1)).join('');
}

/** Generic helpers the mapping uses, declared once beside the opaque types. */
export const TS_HELPERS = ['Try', 'Result'] as const;

/**
 * The TypeScript type for a C++ type; the opaque Mesos types it uses (TypeScript name → C++
 * spelling); and the helpers it uses.
 */
export function tsType(cpp: string | CppType): { readonly text: string; readonly opaque: ReadonlyMap<string, string>; readonly helpers: ReadonlySet<string> } {
  const opaque = new Map<string, string>();
  const helpers = new Set<string>();
  const print = (type: CppType): Printed => {
    if (type.kind === 'function') {
      const params = type.params.map((param, index) => `arg${index}: ${print(param).text}`).join(', ');
      return { text: `(${params}) => ${print(type.returns).text}`, atom: false };
    }
    const spelled = type.path.join('::');
    const scalar = SCALARS[spelled];
    if (scalar !== undefined) return atom(scalar);
    if (type.args.length > 0) {
      const template = TEMPLATES[spelled];
      if (!template) throw new Error(`no TypeScript mapping for the C++ template ${spelled}<…>: add one to TEMPLATES in src/core/tsType.ts`);
      if ((TS_HELPERS as readonly string[]).includes(spelled)) helpers.add(spelled);
      return template(type.args.map(print));
    }
    const name = opaqueName(type.path);
    opaque.set(name, spelled);
    return atom(name);
  };
  const text = print(typeof cpp === 'string' ? parseCppType(cpp) : cpp).text;
  return { text, opaque, helpers };
}
