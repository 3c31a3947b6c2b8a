import { describe, expect, it } from 'vitest';
import { withVisibleControls } from './visibleControls.js';

describe('withVisibleControls', () => {
  it.each([
    ['plain text, kept as it is', "Error opening library: '/opt/lib.so'", "Error opening library: '/opt/lib.so'"],
    ['ESC and CR of a configured path', "'/tmp/\u001b[31mred\r.so'", "'/tmp/\\x1b[31mred\\r.so'"],
    ['a newline, kept: Mesos prints a multi-line value over several lines', '{\n  "libraries": []\n}', '{\n  "libraries": []\n}'],
    ['C1 CSI and a bidi override', '\u009b2J\u202etxt', '\\x9b2J\\u{202e}txt'],
    ['text escaped before, left as shown', "it printed: \\x1b]0;owned", "it printed: \\x1b]0;owned"],
  ])('%s', (_name, given, want) => {
    expect(withVisibleControls(given)).toBe(want);
  });

  it('reaches every string of a report, and nothing else', () => {
    const run = { ok: false, count: 2, problems: [{ library: '/x\u0007.so', hint: null }], single: true };
    expect(withVisibleControls(run)).toEqual({ ok: false, count: 2, problems: [{ library: '/x\\x07.so', hint: null }], single: true });
  });
});
