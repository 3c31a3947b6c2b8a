import { describe, expect, it } from 'vitest';
import { locateJsonPointer, parseJsonText } from './parseJsonText.js';

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

describe('locateJsonPointer', () => {
  const text = '{\n  "release": "0.24.1",\n  "kinds": {\n    "a/b": "0.24.1",\n    "Isolator": "x"\n  },\n  "rows": [[1], [2, 3]]\n}\n';
  it.each([
    ['/', { line: 1, column: 1 }],
    ['', { line: 1, column: 1 }],
    ['/release', { line: 2, column: 14 }],
    ['/kinds', { line: 3, column: 12 }],
    ['/kinds/Isolator', { line: 5, column: 17 }],
    ['/kinds/a~1b', { line: 4, column: 12 }],
    ['/rows/1/0', { line: 7, column: 18 }],
    // Not in the document: the deepest value that is.
    ['/kinds/Hook', { line: 3, column: 12 }],
    ['/rows/5', { line: 7, column: 11 }],
  ])('%j', (pointer, want) => {
    expect(locateJsonPointer(text, pointer)).toEqual(want);
  });

  it('gives up on text that is not JSON', () => {
    expect(locateJsonPointer('', '/a')).toBeNull();
  });
});
