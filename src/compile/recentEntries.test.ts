import { describe, expect, it } from 'vitest';
import { recentEntries } from './recentEntries.js';

describe('recentEntries', () => {
  it.each([
    { given: { a: 1, b: 2, c: 3 }, touched: [], max: 5, want: ['a', 'b', 'c'] },
    { given: { a: 1, b: 2, c: 3 }, touched: ['a'], max: 5, want: ['b', 'c', 'a'] },
    { given: { a: 1, b: 2, c: 3 }, touched: ['a'], max: 2, want: ['c', 'a'] },
    { given: { a: 1, b: 2, c: 3 }, touched: ['b', 'a', 'b'], max: 2, want: ['b', 'a'] },
    { given: { a: 1 }, touched: ['gone'], max: 2, want: ['a'] },
  ])('keeps the $max most recently used of $given, touched $touched', ({ given, touched, max, want }) => {
    const kept = recentEntries<number>(given, touched, max);
    expect(Object.keys(kept)).toEqual(want);
    for (const key of want) expect(kept[key]).toBe(given[key as keyof typeof given]);
  });

  it('keeps hex digests (the keys it is used with) in insertion order', () => {
    const keys = ['9f', '0a', '1e3', 'ff'].map((key) => key.padEnd(64, '0'));
    expect(Object.keys(recentEntries(Object.fromEntries(keys.map((key) => [key, 0])), [keys[0] as string]))).toEqual([...keys.slice(1), keys[0]]);
  });
});
