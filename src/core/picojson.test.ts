import { describe, expect, it } from 'vitest';
import { picojsonParse } from './picojson.js';

// Each row's answer was taken from the real parsers: picojson 1.3.0 and 4f93734, unpacked from
// the tarballs Mesos vendors (1.0.0:3rdparty/picojson-1.3.0.tar.gz,
// 0.21.0:3rdparty/libprocess/3rdparty/picojson-4f93734.tar.gz) and compiled with g++ around
// `picojson::parse(value, begin, end, &err)`: `ERR:<err>`, or `OK:<bytes consumed>`, or
// `OVERFLOW` when it threw std::overflow_error. A third column is 4f93734's answer where it differs.
const ROWS: ReadonlyArray<readonly [string, string, string?]> = [
  ['', 'ERR:syntax error at line 1 near: '],
  [' ', 'ERR:syntax error at line 1 near: '],
  ['\n', 'ERR:syntax error at line 1 near: '],
  ['{', 'ERR:syntax error at line 1 near: '],
  // The line advances when the character after a newline is read: end of input does not count.
  ['{\n', 'ERR:syntax error at line 1 near: '],
  ['{\n\n', 'ERR:syntax error at line 2 near: '],
  ['[]', 'OK:2'],
  ['{}', 'OK:2'],
  // picojson stops after the value: what follows is stout's business (trailing characters).
  ['{} x', 'OK:2'],
  ['{}\n\n', 'OK:2'],
  ['{"a":1,}', 'ERR:syntax error at line 1 near: }'],
  ['{"a":1 "b":2}', 'ERR:syntax error at line 1 near: "b":2}'],
  ['{\n  "libraries": [\n    {\n      "file": "x",\n    }\n  ]\n}\n', 'ERR:syntax error at line 5 near: }'],
  ['{"a": tru}', 'ERR:syntax error at line 1 near: }'],
  ['{"a": nul}', 'ERR:syntax error at line 1 near: }'],
  ['{"a": -}', 'ERR:syntax error at line 1 near: }'],
  ['{"a": 1.5.5}', 'ERR:syntax error at line 1 near: }'],
  ['{"a": 01}', 'OK:9'],
  ['{"a": 1e999}', 'OVERFLOW', 'OK:12'],
  ['{"a": .5}', 'ERR:syntax error at line 1 near: .5}'],
  ['{"a": +1}', 'ERR:syntax error at line 1 near: +1}'],
  ['{"a": "\\x"}', 'ERR:syntax error at line 1 near: "}'],
  ['{"a": "\\u12"}', 'ERR:syntax error at line 1 near: "}'],
  ['{"a": "\\ud800\\u0041"}', 'ERR:syntax error at line 1 near: "}'],
  // A control character in a string stops the parse; the "near" text drops characters below a space.
  ['{"a": "tab\there"}', 'ERR:syntax error at line 1 near: here"}'],
  ['{"a":\t"b\tc"}', 'ERR:syntax error at line 1 near: c"}'],
  ["{'a': 1}", "ERR:syntax error at line 1 near: 'a': 1}"],
  ['{a: 1}', 'ERR:syntax error at line 1 near: a: 1}'],
  ['{"a" 1}', 'ERR:syntax error at line 1 near: 1}'],
  ['{"a": [1, 2,]}', 'ERR:syntax error at line 1 near: ]}'],
  ['{"a": [1 2]}', 'ERR:syntax error at line 1 near: 2]}'],
  ['{"a": "é", "b": x}', 'ERR:syntax error at line 1 near: x}'],
  ['{"a":\r\n1,\r\n}', 'ERR:syntax error at line 3 near: }'],
  ['modules.json', 'ERR:syntax error at line 1 near: modules.json'],
  ['/etc/x', 'ERR:syntax error at line 1 near: /etc/x'],
  ['{"a": 1}\n// comment', 'OK:8'],
  ['{"a": 1e5, "b": -0.0, "c": 1E+2}', 'OK:32'],
  ['{"a": 1} {"b": 2}', 'OK:8'],
  ['{"a": "\\u00e9\\ud83d\\ude00"}', 'OK:27'],
  ['\n\n  {"x": [\n1,\n2\n,]}', 'ERR:syntax error at line 6 near: ]}'],
];

const answer = (text: string, throwsOnOverflow: boolean): string => {
  const result = picojsonParse(text, { maxDepth: null, throwsOnOverflow });
  return result.ok ? `OK:${result.end}` : 'overflow' in result ? 'OVERFLOW' : `ERR:${result.error}`;
};

describe('picojsonParse answers as the real picojson does', () => {
  it.each(ROWS.map(([text, current, old]) => [text, current, old ?? current] as [string, string, string]))('%j', (text, current, old) => {
    expect(answer(text, true)).toBe(current);
    expect(answer(text, false)).toBe(old);
  });

  it('keeps the last of repeated keys and decodes \\u escapes to UTF-8', () => {
    const result = picojsonParse('{"a": "x", "a": "\\u00e9"}', { maxDepth: null, throwsOnOverflow: true });
    expect(result.ok && result.value instanceof Map && result.value.get('a')).toBe('é');
  });

  it('refuses nesting deeper than stout\'s limit right after the opening bracket', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(answer(nested(200), true)).toBe('OK:400');
    expect(picojsonParse(`{"a":\n${nested(200)}}`, { maxDepth: 200, throwsOnOverflow: true })).toEqual({ ok: false, error: `syntax error at line 2 near: ${']'.repeat(200)}}` });
  });
});
