/**
 * Text a library chose (what it printed, its manifest strings, the command lines of processes it
 * left running) made safe to show: every control character becomes a visible escape, and the
 * text is cut to a length a terminal, a CI log or a JSON report can take.
 *
 * Escaped are C0 controls and DEL (`\x1b`; tab, newline and carriage return as `\t`, `\n`, `\r`),
 * C1 controls (U+0080–U+009F: a terminal may read U+009B as CSI), the line and paragraph
 * separators, and the bidirectional controls that can make shown text read differently from what
 * it is (`\u{202e}`). A backslash becomes `\\`, so that the escaping is one-to-one: two strings
 * are equal exactly when their escaped forms are, and a string without any of these characters
 * (every kind name, "2", "0.23.1") is its own escaped form.
 */

/** How many characters of each sort of text are kept (escapes count with their length as shown). */
export const SHOWN_LENGTH = {
  /** A manifest string (kind, author, description, Mesos version) or a dlerror() text. */
  manifest: 1024,
  /** The last line a crashing library printed. */
  output: 512,
  /** The command line of a process a library left running. */
  command: 200,
} as const;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\\': '\\\\' };

// C0, DEL, C1; U+2028/9; LRM, RLM, ALM; the embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\\]/u;

/** One character as shown: itself when safe, else its visible escape (`\x1b`, `\r`, `\u{202e}`, `\\`). */
export function escapeChar(char: string): string {
  if (!UNSAFE.test(char)) return char;
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * `text` with every unsafe character escaped, cut after `maxLength` characters as shown with a
 * note of how many characters of the original were left out: `abc…[+1048573 characters cut]`.
 * Cuts fall between characters, never inside an escape or a surrogate pair.
 */
export function escapeText(text: string, maxLength: number): string {
  // Plain and short: by far the commonest case, kept cheap.
  if (text.length <= maxLength && !UNSAFE.test(text)) return text;
  let shown = '';
  let taken = 0; // code units of `text` consumed
  for (const char of text) {
    const escaped = escapeChar(char);
    if (shown.length + escaped.length > maxLength) break;
    shown += escaped;
    taken += char.length;
  }
  if (taken === text.length) return shown;
  const rest = text.slice(taken);
  const cut = rest.length - (rest.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0); // characters, not code units
  return `${shown}…[+${cut} character${cut === 1 ? '' : 's'} cut]`;
}

/** `escapeText` for a value that may be absent (a NULL manifest field stays `null`). */
export function escapeNullable(text: string | null, maxLength: number): string | null {
  return text === null ? null : escapeText(text, maxLength);
}
