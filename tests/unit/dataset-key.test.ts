// datasetKeyOf: FNV-1a 64 over UTF-8, checked against published vectors and a BigInt reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetKeyOf } from '../../src/io/dataset-key.ts';

/** The textbook FNV-1a 64 in BigInt: slow, obviously right. */
function referenceFnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('datasetKeyOf', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j to the published FNV-1a 64 value', (text, hex) => {
    expect(datasetKeyOf(text)).toBe(hex);
  });

  it('hashes the UTF-8 bytes of Chinese text', () => {
    const text = '{"name":"卢沟桥街道第一网格"}';
    expect(datasetKeyOf(text)).toBe(referenceFnv1a64(text));
    expect(datasetKeyOf(text)).not.toBe(datasetKeyOf(text.replace('一', '二')));
  });

  it('agrees with the BigInt reference on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(datasetKeyOf(text)).toBe(referenceFnv1a64(text));
      }),
    );
  });
});
