import { describe, expect, it } from 'vitest';
import { parseJsonText } from './parseJsonText.js';

describe('parseJsonText', () => {
  it.each([
    ['{"a": 1}', { ok: true, value: { a: 1 } }],
    ['{"a": 1,}', { ok: false, line: 1, column: 9, message: "trailing comma before '}': JSON allows none, remove it" }],
    ['[1, 2,\n]', { ok: false, line: 2, column: 1, message: "trailing comma before ']': JSON allows none, remove it" }],
    ['{\n  "a": 1\n  "b": 2\n}', { ok: false, line: 3, column: 3, message: "expected ',' between two entries (a comma is missing)" }],
    ['[1,, 2]', { ok: false, line: 1, column: 4, message: 'two commas in a row: remove one' }],
    ['{"a": 1} {}', { ok: false, line: 1, column: 10, message: 'unexpected text after the JSON value' }],
    ['// hi\n{}', { ok: false, line: 1, column: 1, message: 'comments are not allowed in JSON' }],
    ['', { ok: false, line: 1, column: 1, message: 'the text is empty: expected a JSON value' }],
    ["{'a': 1}", { ok: false, line: 1, column: 2, message: 'unexpected character' }],
  ])('%j', (text, want) => {
    expect(parseJsonText(text)).toEqual(want);
  });
});
