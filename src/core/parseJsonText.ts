import { parseTree, printParseErrorCode, visit, type Node } from 'jsonc-parser';

export type JsonParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

const EXPLANATIONS: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between two entries (a comma is missing)",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence',
  InvalidCharacter: 'control character in a string',
};

/**
 * Strict JSON (no comments, no trailing commas, as Mesos's JSON parser), with the first error
 * located by line and column (1-based). V8's own messages give only an offset, and not always.
 */
export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return locate(text) ?? { ok: false, line: 1, column: 1, message: (error as Error).message };
  }
}

function locate(text: string): JsonParse | undefined {
  let found: JsonParse | undefined;
  visit(
    text,
    {
      onError(code, offset, _length, startLine, startCharacter) {
        if (found) return;
        const name = printParseErrorCode(code);
        let message = EXPLANATIONS[name] ?? name;
        const before = text.slice(0, offset).trimEnd();
        if (text.trim() === '') message = 'the text is empty: expected a JSON value';
        else if ((name === 'PropertyNameExpected' || name === 'ValueExpected') && before.endsWith(',')) {
          const next = text[offset];
          message =
            next === ',' ? 'two commas in a row: remove one' : `trailing comma before '${next ?? 'end of input'}': JSON allows none, remove it`;
        }
        found = { ok: false, line: startLine + 1, column: startCharacter + 1, message };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return found;
}

/** A 1-based line and column in a text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Where the value a JSON pointer (`/loader/versionParser`, `/rows/3`) names begins in `text`,
 * so that a schema problem reads `file:line:column` like a syntax error. A pointer that goes
 * further than the document (a missing property) stops at the deepest value that exists; `null`
 * when the text is not JSON.
 */
export function locateJsonPointer(text: string, pointer: string): TextPosition | null {
  let node: Node | undefined = parseTree(text, undefined, { disallowComments: true });
  if (!node) return null;
  const segments = pointer === '' || pointer === '/' ? [] : pointer.slice(1).split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  for (const segment of segments) {
    const next: Node | undefined =
      node.type === 'array'
        ? node.children?.[Number(segment)]
        : node.type === 'object'
          ? node.children?.find((property) => property.children?.[0]?.value === segment)?.children?.[1]
          : undefined;
    if (!next) break;
    node = next;
  }
  return positionAt(text, node.offset);
}

/** `file:line:column` of what `pointer` names in `text`, or `file` alone when it cannot be placed. */
export function placeOf(file: string, text: string, pointer: string): string {
  const at = locateJsonPointer(text, pointer);
  return at ? `${file}:${at.line}:${at.column}` : file;
}

function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
