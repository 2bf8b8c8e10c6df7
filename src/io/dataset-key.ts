/**
 * The key that ties stored plans to the street data they were made on: a hash of the grids
 * file's text, so plans of another data set (or of an edited file) are never mixed in. FNV-1a
 * 64-bit over the UTF-8 bytes, computed in two 32-bit halves (no BigInt: a grids file runs to
 * megabytes and this runs once per load).
 */

const PRIME_LOW = 0x1b3; // the FNV 64-bit prime is 2^40 + 0x1b3
const TWO_32 = 0x1_0000_0000;

/**
 * The FNV-1a 64 hash of `text` (UTF-8) as 16 lowercase hex digits.
 * @example
 * datasetKeyOf(''); // 'cbf29ce484222325'
 * datasetKeyOf('a'); // 'af63dc4c8601ec8c'
 */
export function datasetKeyOf(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (const byte of new TextEncoder().encode(text)) {
    low = (low ^ byte) >>> 0;
    // (high·2^32 + low) · (2^40 + 0x1b3) mod 2^64: low·0x1b3 is exact in a double (< 2^41).
    const lowProduct = low * PRIME_LOW;
    const carry = Math.floor(lowProduct / TWO_32);
    high = (Math.imul(high, PRIME_LOW) + carry + (low << 8)) >>> 0;
    low = lowProduct >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
