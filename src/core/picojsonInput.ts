/**
 * picojson's `input` (`getc`/`ungetc`/`skip_ws`/`expect`/`match`) and string reading, step by
 * step: where picojson stops, and so the line and the "near" text of its error, depend on which
 * character was consumed and which was pushed back (see `picojson.ts`).
 */

export const code = (ch: string) => ch.charCodeAt(0);
const decoder = new TextDecoder('utf-8');

/** picojson's `input<Iter>` over the bytes of the text: `line_` counts as picojson counts it. */
export class Input {
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

/** picojson's `MAP(sym, val)` escapes. */
const ESCAPES: Readonly<Record<number, number>> = { [code('"')]: 0x22, [code('\\')]: 0x5c, [code('/')]: 0x2f, [code('b')]: 0x08, [code('f')]: 0x0c, [code('n')]: 0x0a, [code('r')]: 0x0d, [code('t')]: 0x09 };

/** `_parse_string` after the opening quote: the string, or `null` where picojson fails. */
export function parseString(input: Input): string | null {
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
    const mapped = ESCAPES[ch];
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
