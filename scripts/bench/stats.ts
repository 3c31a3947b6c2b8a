/** Median and range of a set of figures. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number };
}

/** `1.23 (1.10–1.40)` */
export function formatSpread(value: Spread, digits = 2, unit = ''): string {
  return `${value.median.toFixed(digits)}${unit} (${value.min.toFixed(digits)}–${value.max.toFixed(digits)})`;
}
