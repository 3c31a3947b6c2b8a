/**
 * picojson's parser as Mesos runs it, reduced to what decides its answer: where it stops, the
 * line it counts there and the text it prints. Mesos bundles picojson 4f93734 (0.21.0 – 0.24.x,
 * `3rdparty/libprocess/3rdparty/picojson-4f93734.tar.gz`) and 1.3.0 (from 0.25.0,
 * `…/picojson-1.3.0.tar.gz`); their `input`, `_parse*` and error code are the same but for how a
 * number is read, which changes nothing here. The model follows `picojson.h` step by step
 * (`getc`/`ungetc`, `skip_ws`, `expect`, `match`), because the reported line and the text "near"
 * the error depend on exactly which character was consumed and which was pushed back.
 */

/** A parsed value: objects are maps (picojson's and stout's `std::map`: keys unique, the last one wins). */
export type PicoValue = null | boolean | number | string | readonly PicoValue[] | ReadonlyMap<string, PicoValue>;

/** Era switches of the parse (the release file's `flags.json`). */
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

class Input {
  private cur = 0;
  private lastCh = -1;
  private ungot = false;
  line = 1;
  constructor(private readonly bytes: Uint8Array) {}
  getc(): number {
    if (this.ungot) {
      this.ungot = false;
      return this.lastCh;
    }
    if (this.cur === this.bytes.length) {
      this.lastCh = -1;
      return -1;
    }
    // The line advances when the character *after* a newline is read, not at the newline.
    if (this.lastCh === 0x0a) this.line++;
    this.lastCh = this.bytes[this.cur] as number;
    this.cur++;
    return this.lastCh;
  }
  ungetc(): void {
    if (this.lastCh !== -1) this.ungot = true;
  }
  position(): number {
    return this.cur;
  }
  skipWs(): void {
    for (;;) {
      const ch = this.getc();
      if (!(ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d)) {
        this.ungetc();
        return;
      }
    }
  }
  expect(ch: number): boolean {
    this.skipWs();
    if (this.getc() !== ch) {
      this.ungetc();
      return false;
    }
    return true;
  }
  match(pattern: string): boolean {
    for (const ch of pattern) {
      if (this.getc() !== ch.charCodeAt(0)) {
        this.ungetc();
        return false;
      }
    }
    return true;
  }
}

class Overflow extends Error {}

const decoder = new TextDecoder('utf-8');
const code = (ch: string) => ch.charCodeAt(0);

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

function parseString(input: Input): string | null {
  const out: number[] = [];
  for (;;) {
    let ch = input.getc();
    if (ch < 0x20) {
      input.ungetc();
      return null;
    }
    if (ch === code('"')) return decoder.decode(new Uint8Array(out));
    if (ch !== code('\\')) {
      out.push(ch);
      continue;
    }
    ch = input.getc();
    if (ch === -1) return null;
    const simple: Record<number, number> = { [code('"')]: 0x22, [code('\\')]: 0x5c, [code('/')]: 0x2f, [code('b')]: 0x08, [code('f')]: 0x0c, [code('n')]: 0x0a, [code('r')]: 0x0d, [code('t')]: 0x09 };
    const mapped = simple[ch];
    if (mapped !== undefined) out.push(mapped);
    else if (ch !== code('u') || !parseCodepoint(input, out)) return null;
  }
}

function parseQuadhex(input: Input): number {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    let hex = input.getc();
    if (hex === -1) return -1;
    if (hex >= code('0') && hex <= code('9')) hex -= code('0');
    else if (hex >= code('A') && hex <= code('F')) hex -= code('A') - 10;
    else if (hex >= code('a') && hex <= code('f')) hex -= code('a') - 10;
    else {
      input.ungetc();
      return -1;
    }
    value = value * 16 + hex;
  }
  return value;
}

function parseCodepoint(input: Input, out: number[]): boolean {
  let unicode = parseQuadhex(input);
  if (unicode === -1) return false;
  if (unicode >= 0xd800 && unicode <= 0xdfff) {
    if (unicode >= 0xdc00) return false;
    if (input.getc() !== code('\\') || input.getc() !== code('u')) {
      input.ungetc();
      return false;
    }
    const second = parseQuadhex(input);
    if (!(second >= 0xdc00 && second <= 0xdfff)) return false;
    unicode = (((unicode - 0xd800) << 10) | ((second - 0xdc00) & 0x3ff)) + 0x10000;
  }
  out.push(...new TextEncoder().encode(String.fromCodePoint(unicode)));
  return true;
}
