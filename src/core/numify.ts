/**
 * stout's `numify<T>` for the integer types `Version::parse` uses.
 *
 * `boost::lexical_cast<T>` accepts an optional sign and decimal digits, nothing else (no
 * white space, no `0x`). From 0.27.0 a failed cast falls back to reading `0x…`/`0X…` with
 * `std::hex` (`0.27.0:3rdparty/libprocess/3rdparty/stout/include/stout/numify.hpp`); 1.1.0
 * added `-0x…`, which no version component can reach: the legacy parser cuts at the first
 * `-` and the SemVer parser rejects a leading hyphen before calling numify (loader-facts §9).
 */
export type NumifyTarget = 'int' | 'uint32';

const LIMIT: Record<NumifyTarget, bigint> = { int: 2_147_483_647n, uint32: 4_294_967_295n };

export type NumifyResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

export function numify(text: string, target: NumifyTarget, hexFallback: boolean): NumifyResult {
  const decimal = /^([+-]?)([0-9]+)$/.exec(text);
  if (decimal) {
    const negative = decimal[1] === '-';
    const magnitude = BigInt(decimal[2] ?? '');
    if (target === 'int' && magnitude <= LIMIT.int + (negative ? 1n : 0n)) {
      return { ok: true, value: Number(negative ? -magnitude : magnitude) };
    }
    // lexical_cast<unsigned>("-1") wraps to the maximum, as boost documents.
    if (target === 'uint32' && magnitude <= LIMIT.uint32) {
      return { ok: true, value: Number(negative && magnitude > 0n ? LIMIT.uint32 + 1n - magnitude : magnitude) };
    }
  }
  // `ss << std::hex << s; ss >> result` must consume the whole string: digits after the prefix
  // are required, and libstdc++ range-checks `int` through `long`.
  const hex = hexFallback ? /^0[xX]([0-9a-fA-F]+)$/.exec(text) : null;
  if (hex && BigInt(`0x${hex[1] ?? ''}`) <= LIMIT[target]) return { ok: true, value: Number(BigInt(`0x${hex[1] ?? ''}`)) };
  return { ok: false, error: `Failed to convert '${text}' to number` };
}
