import { describe, expect, it } from 'vitest';
import { escapeNullable, escapeText } from './escapeText.js';

const GIVEN_WANT: ReadonlyArray<readonly [string, string] | readonly [string, string, number]> = [
  ['Isolator', 'Isolator'],
  ['0.23.1', '0.23.1'],
  ['', ''],
  ['naïve "quoted" — ✓ 模块 🚀', 'naïve "quoted" — ✓ 模块 🚀'], // printable UTF-8 is kept
  ['\u001b[31mred\u001b[0m', '\\x1b[31mred\\x1b[0m'],
  ['bell\u0007', 'bell\\x07'],
  ['over\rwrite', 'over\\rwrite'],
  ['two\nlines\tand a tab', 'two\\nlines\\tand a tab'],
  ['nul\u0000', 'nul\\x00'],
  ['del\u007f', 'del\\x7f'],
  ['csi\u009b2J', 'csi\\x9b2J'], // a C1 control, read as CSI by some terminals
  ['abc\u202ecba', 'abc\\u{202e}cba'], // a right-to-left override
  ['line\u2028sep', 'line\\u{2028}sep'],
  ['C:\\path', 'C:\\\\path'], // one-to-one: a backslash is escaped too
  ['\\x1b', '\\\\x1b'], // so the text "\x1b" does not read as the escape
  ['abcdef', 'abcdef', 6],
  ['abcdefg', 'abcdef…[+1 character cut]', 6],
  ['abcdefghij', 'abcdef…[+4 characters cut]', 6],
  ['abcd\u001bef', 'abcd…[+3 characters cut]', 6], // an escape is never split
  ['abcde🚀🚀', 'abcde…[+2 characters cut]', 6], // nor a surrogate pair, and it counts as one character
];

describe('escapeText', () => {
  it.each(GIVEN_WANT)('%j → %j', (given, want, maxLength?: number) => {
    expect(escapeText(given, maxLength ?? 100)).toBe(want);
  });

  it('cuts a megabyte to the limit and says how much was left out', () => {
    const shown = escapeText(`\u001b]0;${'x'.repeat(1 << 20)}`, 1024);
    expect(shown.length).toBeLessThan(1100);
    expect(shown).toMatch(/^\\x1b\]0;x+…\[\+1047559 characters cut\]$/);
  });

  it('is one-to-one: different strings never show the same', () => {
    const strings = ['\u001b', '\\x1b', '\\\u001b', '\\\\x1b', '\t', '\\t', '\\\t'];
    expect(new Set(strings.map((text) => escapeText(text, 100))).size).toBe(strings.length);
  });

  it('keeps a NULL field null', () => {
    expect(escapeNullable(null, 10)).toBeNull();
    expect(escapeNullable('\u0007', 10)).toBe('\\x07');
  });
});
