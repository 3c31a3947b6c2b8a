/**
 * A small parser for the C++ types that appear in Mesos's module interfaces
 * (`const std::list<ContainerState>&`, `lambda::function<void(const FrameworkID&)>`,
 * `FrameworkOptions&&`, `process::Future<process::Owned<ObjectApprover>>`): enough to map them
 * to TypeScript and to declare stand-ins for them, nothing more.
 */
export type CppType =
  | {
      readonly kind: 'named';
      /** Qualified name segments: `process::Future` → ['process', 'Future']. */
      readonly path: readonly string[];
      readonly args: readonly CppType[];
      readonly isConst: boolean;
      readonly reference: '' | '&' | '&&' | '*';
    }
  | { readonly kind: 'function'; readonly returns: CppType; readonly params: readonly CppType[] };

// `>>` is two tokens: it closes two template argument lists.
const TOKEN = /\s*(::|&&|[<>(),&*]|[A-Za-z_][A-Za-z0-9_]*)/y;

export function parseCppType(text: string): CppType {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) throw new Error(`cannot parse C++ type ${JSON.stringify(text)}: expected ${expected ?? 'more'} at token ${at}`);
    return token;
  };

  const type = (): CppType => {
    let isConst = false;
    if (peek() === 'const') {
      take();
      isConst = true;
    }
    const path = [take()];
    // `unsigned int`, `long long`: a type spelt in several words.
    while (/^(int|long|char|short|double)$/.test(peek() ?? '') && /^(unsigned|signed|long|short)$/.test(path[path.length - 1] ?? '')) path[path.length - 1] += ` ${take()}`;
    while (peek() === '::') {
      take();
      path.push(take());
    }
    const args: CppType[] = [];
    if (peek() === '<') {
      take();
      while (peek() !== '>') {
        args.push(argument());
        if (peek() === ',') take();
      }
      take('>');
    }
    if (peek() === 'const') {
      take();
      isConst = true;
    }
    let reference: '' | '&' | '&&' | '*' = '';
    if (peek() === '&' || peek() === '&&' || peek() === '*') reference = take() as '&' | '&&' | '*';
    return { kind: 'named', path, args, isConst, reference };
  };

  const argument = (): CppType => {
    const head = type();
    if (peek() !== '(') return head;
    take('(');
    const params: CppType[] = [];
    while (peek() !== ')') {
      params.push(type());
      if (peek() === ',') take();
    }
    take(')');
    return { kind: 'function', returns: head, params };
  };

  const result = type();
  if (at !== tokens.length) throw new Error(`cannot parse C++ type ${JSON.stringify(text)}: unexpected ${tokens[at]}`);
  return result;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.trimEnd().length && (match = TOKEN.exec(text))) {
    tokens.push(match[1] ?? '');
  }
  if (TOKEN.lastIndex < text.trimEnd().length) throw new Error(`cannot parse C++ type ${JSON.stringify(text)} at ${TOKEN.lastIndex}`);
  return tokens;
}

/** Every named type inside a type (itself included), depth first. */
export function namedTypes(type: CppType): Array<Extract<CppType, { kind: 'named' }>> {
  if (type.kind === 'function') return [...namedTypes(type.returns), ...type.params.flatMap(namedTypes)];
  return [type, ...type.args.flatMap(namedTypes)];
}
