/** One parameter of a C++ method, as written in the Mesos header. */
export interface CppParam {
  readonly type: string;
  readonly name: string;
  readonly default: string | null;
}

/** A public virtual method (or the virtual destructor) of a kind's interface. */
export interface CppMethod {
  readonly name: string;
  /** `null` for a destructor. */
  readonly returns: string | null;
  readonly params: readonly CppParam[];
  readonly pure: boolean;
  readonly const: boolean;
  readonly destructor: boolean;
}

/**
 * A kind's interface in one release: what `create()` returns, and what a module author
 * implements. For the Isolator up to 0.23.x `create()` returns a non-virtual wrapper and
 * authors implement `IsolatorProcess` (`structure: 'wrapper'`, interfaces.md §2).
 */
export interface KindInterface {
  readonly header: string;
  readonly cppClass: string;
  readonly structure: 'abstract' | 'wrapper';
  readonly implements: { readonly cppClass: string; readonly base: string | null };
  /** Virtual methods in vtable order. */
  readonly methods: readonly CppMethod[];
  /** Where it was read, `TAG:PATH`. */
  readonly source: string;
  /** The table file it comes from (`versions/interfaces/Isolator.json`). */
  readonly file: string;
}

/** Every kind's interfaces: kind → release → interface (shared objects where releases share one). */
export type InterfaceTable = ReadonlyMap<string, ReadonlyMap<string, KindInterface>>;

/** The C++ declaration of a method as the header writes it. */
export function cppSignature(method: CppMethod): string {
  const params = method.params.map((param) => `${param.type}${param.name ? ` ${param.name}` : ''}${param.default === null ? '' : ` = ${param.default}`}`).join(', ');
  const head = method.returns === null ? `virtual ${method.name}` : `virtual ${method.returns} ${method.name}`;
  return `${head}(${params})${method.const ? ' const' : ''}${method.pure ? ' = 0' : ''}`;
}

const keys = new WeakMap<KindInterface, string>();

/**
 * What makes two interfaces the same for soundness: the class `create()` returns, the
 * structure, the class authors implement, and every method's types, constness, purity and
 * defaults in vtable order. Parameter names, the header's path and the citation do not count.
 */
export function interfaceKey(face: KindInterface): string {
  let key = keys.get(face);
  if (key === undefined) {
    key = JSON.stringify([face.cppClass, face.structure, face.implements, face.methods.map(methodKey)]);
    keys.set(face, key);
  }
  return key;
}

export function methodKey(method: CppMethod): string {
  return JSON.stringify([method.name, method.returns, method.params.map((param) => [param.type, param.default]), method.pure, method.const]);
}

export function sameInterface(a: KindInterface, b: KindInterface): boolean {
  return a === b || interfaceKey(a) === interfaceKey(b);
}
