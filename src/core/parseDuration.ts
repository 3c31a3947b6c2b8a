/**
 * `--timeout` as a person writes it: `10s`, `1.5s`, `500ms`, or a bare whole number of
 * milliseconds (the option's meaning before units were accepted).
 */

/**
 * The longest delay Node's timers can schedule: a larger one is clamped to 1 ms with a warning
 * (https://nodejs.org/api/timers.html#settimeoutcallback-delay-args), so a huge timeout would
 * fire at once and blame the first library.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export type DurationResult = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly error: string };

const UNITS: Readonly<Record<string, number>> = { '': 1, ms: 1, s: 1000 };

/** A duration of at least 1 ms that a timer can hold, in whole milliseconds, or why `text` is none. */
export function parseDuration(text: string): DurationResult {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  const number = match?.[1];
  if (match === null || number === undefined || (match[2] === undefined && number.includes('.'))) {
    return { ok: false, error: `not a duration: ${JSON.stringify(text)}` };
  }
  const ms = Number(number) * (UNITS[match[2] ?? ''] ?? 1);
  if (!Number.isInteger(ms)) return { ok: false, error: `${text} is not a whole number of milliseconds` };
  if (ms < 1) return { ok: false, error: `${text} is too short: it must be at least 1 ms` };
  if (ms > MAX_TIMER_MS) return { ok: false, error: `${text} is longer than Node can time (${MAX_TIMER_MS} ms, about 24.8 days)` };
  return { ok: true, ms };
}
