import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, parseDuration } from './parseDuration.js';

const GIVEN_WANT: ReadonlyArray<readonly [string, number | RegExp]> = [
  ['10000', 10_000], // a bare number is milliseconds, as before units were accepted
  ['1', 1],
  ['500ms', 500],
  ['10s', 10_000],
  ['1.5s', 1_500],
  ['0.001s', 1],
  ['2147483647', MAX_TIMER_MS],
  ['2147483.647s', MAX_TIMER_MS],
  ['0', /too short/],
  ['0ms', /too short/],
  ['0s', /too short/],
  ['-5', /not a duration/],
  ['-5s', /not a duration/],
  ['2147483648', /longer than Node can time/],
  ['1e9', /not a duration/],
  ['99999999999999999999s', /longer than Node can time/],
  ['1.5', /not a duration/], // a fraction of a bare number would be a fraction of a millisecond
  ['1.5ms', /not a whole number of milliseconds/],
  ['0.0005s', /not a whole number of milliseconds/],
  ['10 s', /not a duration/],
  ['10S', /not a duration/],
  ['10m', /not a duration/],
  ['s', /not a duration/],
  ['', /not a duration/],
  ['ten', /not a duration/],
  ['0x10', /not a duration/],
  ['Infinity', /not a duration/],
];

describe('parseDuration', () => {
  it.each(GIVEN_WANT)('%j → %s', (given, want) => {
    const result = parseDuration(given);
    if (typeof want === 'number') expect(result).toEqual({ ok: true, ms: want });
    else expect(result.ok ? `${result.ms} ms` : result.error).toMatch(want);
  });
});
