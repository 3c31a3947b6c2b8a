import { escapeChar } from './escapeText.js';

/**
 * A check report's strings with their control characters shown, not obeyed. The `--modules`
 * configuration is the user's input, and its library paths and module names reach Mesos's
 * messages verbatim (`Error opening library: '<path>'`): a path holding ESC or CR would recolour
 * or overwrite the terminal. Texts a library chose are escaped where they enter (`escapeText`),
 * with backslashes doubled; this pass leaves backslashes alone, so those stay as they were
 * shown, and only what is still raw is escaped.
 */

// C0 but newline, DEL, C1, U+2028/9 and the bidirectional controls, as in escapeText. A newline
// stays one: Mesos prints a multi-line --modules value over several lines, and a terminal obeys
// nothing in it; the github format encodes it for workflow commands itself.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu;
/** Every string in `value` (deeply) with raw control characters but newlines as visible escapes. */
export function withVisibleControls<T>(value: T): T {
  if (typeof value === 'string') return value.replace(RAW_CONTROL, escapeChar) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withVisibleControls(item)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withVisibleControls(item)])) as T;
  return value;
}
