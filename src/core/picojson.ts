/**
 * picojson's parser as Mesos runs it, reduced to what decides its answer: where it stops, the
 * line it counts there and the text it prints. Mesos bundles picojson 4f93734 (0.21.0 – 0.24.x,
 * `3rdparty/libprocess/3rdparty/picojson-4f93734.tar.gz`) and 1.3.0 (from 0.25.0,
 * `…/picojson-1.3.0.tar.gz`); their `input`, `_parse*` and error code are the same but for how a
 * number is read, which changes nothing here. The model follows `picojson.h` step by step
 * (`getc`/`ungetc`, `skip_ws`, `expect`, `match`), because the reported line and the text "near"
 * the error depend on exactly which character was consumed and which was pushed back.
 */

import { code, Input, parseString } from './picojsonInput.js';

/** A parsed value: objects are maps (picojson's and stout's `std::map`: keys unique, the last one wins). */
export type PicoValue = null | boolean | number | string | readonly PicoValue[] | ReadonlyMap<string, PicoValue>;

/** Era switches of the parse (the release file's `flags`). */
export interface PicoOptions {
  /** stout's own parse context refuses more than this many nested arrays/objects (1.7.1 on), else `null`. */
  readonly maxDepth: number | null;
  /** picojson 1.3.0 (0.25.0 on) throws on a number that overflows a double; 4f93734 keeps infinity. */
  readonly throwsOnOverflow: boolean;
}

export type PicoResult =
  | { readonly ok: true; readonly value: PicoValue; /** Byte offset of `input::cur()` after the value (stout's `parseEnd`). */ readonly end: number }
  | { readonly ok: false; readonly error: string }
  /** A number that overflows a double: picojson 1.3.0's `value(double)` throws `std::overflow_error`. */
  | { readonly ok: false; readonly overflow: true };

class Overflow extends Error {}

const decoder = new TextDecoder('utf-8');

/**
 * `picojson::_parse(ctx, first, last, &err)` over the UTF-8 bytes of `text`: the value and where
 * the parser stopped, or `syntax error at line <n> near: <rest of that line>` (characters below
 * a space dropped, as picojson drops them).
 */
export function picojsonParse(text: string, options: PicoOptions): PicoResult {
  const input = new Input(new TextEncoder().encode(text));
  let value: PicoValue = null;
  let ok: boolean;
  try {
    const parsed = parseValue(input, options.maxDepth ?? Number.POSITIVE_INFINITY, options.throwsOnOverflow);
    ok = parsed.ok;
    if (parsed.ok) value = parsed.value;
  } catch (error) {
    if (error instanceof Overflow) return { ok: false, overflow: true };
    throw error;
  }
  if (ok) return { ok: true, value, end: input.position() };
  const near: number[] = [];
  const line = input.line;
  for (;;) {
    const ch = input.getc();
    if (ch === -1 || ch === 0x0a) break;
    if (ch >= 0x20) near.push(ch);
  }
  return { ok: false, error: `syntax error at line ${line} near: ${decoder.decode(new Uint8Array(near))}` };
}

type Parsed = { ok: true; value: PicoValue } | { ok: false };
const FAIL: Parsed = { ok: false };

function parseValue(input: Input, depth: number, throws: boolean): Parsed {
  input.skipWs();
  const ch = input.getc();
  switch (ch) {
    case code('n'):
      return input.match('ull') ? { ok: true, value: null } : FAIL;
    case code('f'):
      return input.match('alse') ? { ok: true, value: false } : FAIL;
    case code('t'):
      return input.match('rue') ? { ok: true, value: true } : FAIL;
    case code('"'): {
      const text = parseString(input);
      return text === null ? FAIL : { ok: true, value: text };
    }
    case code('['):
      return parseArray(input, depth, throws);
    case code('{'):
      return parseObject(input, depth, throws);
    default:
      if ((ch >= code('0') && ch <= code('9')) || ch === code('-')) {
        input.ungetc();
        return parseNumber(input, throws);
      }
  }
  input.ungetc();
  return FAIL;
}

function parseArray(input: Input, depth: number, throws: boolean): Parsed {
  // stout's ParseContext::parse_array_start (1.7.1 on) refuses past its depth.
  if (depth <= 0) return FAIL;
  const items: PicoValue[] = [];
  if (input.expect(code(']'))) return { ok: true, value: items };
  do {
    const item = parseValue(input, depth - 1, throws);
    if (!item.ok) return FAIL;
    items.push(item.value);
  } while (input.expect(code(',')));
  return input.expect(code(']')) ? { ok: true, value: items } : FAIL;
}

function parseObject(input: Input, depth: number, throws: boolean): Parsed {
  if (depth <= 0) return FAIL;
  const entries = new Map<string, PicoValue>();
  if (input.expect(code('}'))) return { ok: true, value: entries };
  do {
    if (!input.expect(code('"'))) return FAIL;
    const key = parseString(input);
    if (key === null || !input.expect(code(':'))) return FAIL;
    const item = parseValue(input, depth - 1, throws);
    if (!item.ok) return FAIL;
    entries.set(key, item.value);
  } while (input.expect(code(',')));
  return input.expect(code('}')) ? { ok: true, value: entries } : FAIL;
}

/** `_parse_number` collects `[0-9+-eE.]`, then `strtod` must take all of it. */
function parseNumber(input: Input, throws: boolean): Parsed {
  let text = '';
  for (;;) {
    const ch = input.getc();
    if ((ch >= code('0') && ch <= code('9')) || ch === code('+') || ch === code('-') || ch === code('e') || ch === code('E') || ch === code('.')) text += String.fromCharCode(ch);
    else {
      input.ungetc();
      break;
    }
  }
  // The whole of what strtod reads in decimal; anything it would stop before fails the parse.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return FAIL;
  const number = Number(text);
  if (!Number.isFinite(number) && throws) throw new Overflow();
  return { ok: true, value: number };
}

