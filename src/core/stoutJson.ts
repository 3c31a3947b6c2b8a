import type { FlagRules } from './flagRules.js';
import { picojsonParse, type PicoValue } from './picojson.js';

export type StoutJson = { readonly ok: true; readonly object: ReadonlyMap<string, PicoValue> } | { readonly ok: false; readonly error: string; /** The program aborts instead of returning an error. */ readonly aborts?: true };

/** What libstdc++ prints when picojson's `std::overflow_error` escapes `main` (what() is empty). */
export const UNCAUGHT_OVERFLOW = "terminate called after throwing an instance of 'std::overflow_error'";

/** stout's `strings::WHITESPACE`. */
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * stout `JSON::parse<JSON::Object>(s)`: picojson's error as is; from 0.26.0 a value followed by
 * anything but whitespace is refused with the rest (`Parsed JSON included non-whitespace trailing
 * characters: …`); a value that is no object is `Unexpected JSON type parsed`.
 */
export function stoutParseObject(text: string, rules: FlagRules): StoutJson {
  const parsed = picojsonParse(text, { maxDepth: rules.maxDepth, throwsOnOverflow: rules.numberOverflow !== 'accepted' });
  if (!parsed.ok) {
    if ('overflow' in parsed) return rules.numberOverflow === 'error' ? { ok: false, error: 'Value out of range' } : { ok: false, error: UNCAUGHT_OVERFLOW, aborts: true };
    return { ok: false, error: parsed.error };
  }
  if (rules.trailingCharacters) {
    const bytes = new TextEncoder().encode(text);
    let last = bytes.length - 1;
    while (last >= 0 && WHITESPACE.has(bytes[last] as number)) last--;
    // `s.substr(parseEnd, lastVisible + 1 - parseEnd)`: a negative count wraps to npos (the rest).
    if (parsed.end !== last + 1) {
      const rest = last + 1 >= parsed.end ? bytes.subarray(parsed.end, last + 1) : bytes.subarray(parsed.end);
      return { ok: false, error: `Parsed JSON included non-whitespace trailing characters: ${new TextDecoder().decode(rest)}` };
    }
  }
  if (!(parsed.value instanceof Map)) return { ok: false, error: 'Unexpected JSON type parsed' };
  return { ok: true, object: parsed.value };
}
