/**
 * A C++ narrow string literal holding exactly `text`'s UTF-8 bytes, or `nullptr`. Bytes other
 * than printable ASCII become three-digit octal escapes (never ambiguous with what follows);
 * `?` is escaped because -std=c++11 still translates trigraphs.
 */
export function cppLiteral(text: string | null): string {
  if (text === null) return 'nullptr';
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (char === '"' || char === '\\' || char === '?') out += `\\${char}`;
    else if (byte >= 0x20 && byte < 0x7f) out += char;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}
