import { describe, expect, it } from 'vitest';
import { useColor } from './color.js';

describe('useColor', () => {
  it.each([
    ['a terminal', undefined, {}, true, true],
    ['a pipe', undefined, {}, false, false],
    ['a dumb terminal', undefined, { TERM: 'dumb' }, true, false],
    ['NO_COLOR on a terminal', undefined, { NO_COLOR: '1' }, true, false],
    ['an empty NO_COLOR (no-color.org: ignored)', undefined, { NO_COLOR: '' }, true, true],
    ['FORCE_COLOR into a pipe', undefined, { FORCE_COLOR: '1' }, false, true],
    ['an empty FORCE_COLOR (supports-color: on)', undefined, { FORCE_COLOR: '' }, false, true],
    ['FORCE_COLOR=0 on a terminal', undefined, { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false', undefined, { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR over NO_COLOR', undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['--color into a pipe with NO_COLOR', true, { NO_COLOR: '1' }, false, true],
    ['--no-color with FORCE_COLOR', false, { FORCE_COLOR: '1' }, true, false],
  ])('%s', (_name, flag, env, isTTY, want) => {
    expect(useColor(flag, env, isTTY)).toBe(want);
  });
});
