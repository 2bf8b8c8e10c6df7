/**
 * The exact sum behind the street totals: its value is the correctly rounded sum whatever the
 * order of the terms, and adding a term's negation takes it out exactly, which is what lets the
 * engine keep the street totals incrementally and still equal a full recomputation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../src/analysis/coverage/exact-sum.ts';

function sumOf(terms: readonly number[]): number {
  const sum = new ExactSum();
  for (const term of terms) sum.add(term);
  return sum.value();
}

const term = fc.double({ min: -1e12, max: 1e12, noNaN: true });

describe('ExactSum', () => {
  it('sums what naive addition gets wrong', () => {
    expect(sumOf([])).toBe(0);
    expect(sumOf(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(sumOf([1e100, 1, -1e100])).toBe(1);
    expect(sumOf([1, 1e100, 1, -1e100])).toBe(2);
    // Ties round to even across partials: 2^53 + 1 + 2^-52 lies above the halfway point.
    expect(sumOf([2 ** 53, 1, 2 ** -52])).toBe(2 ** 53 + 2);
  });

  it('gives the same value in any order of the terms', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 40 }), fc.nat(), (terms, seed) => {
        const shuffled = terms
          .map((t, k) => ({ t, key: (k * 7919 + seed) % 104729 }))
          .sort((a, b) => a.key - b.key)
          .map(({ t }) => t);
        expect(sumOf(shuffled)).toBe(sumOf(terms));
        expect(sumOf([...terms].reverse())).toBe(sumOf(terms));
      }),
      { numRuns: 200 },
    );
  });

  it('takes a term out exactly when its negation is added', () => {
    fc.assert(
      fc.property(
        fc.array(term, { maxLength: 30 }),
        fc.array(term, { maxLength: 10 }),
        (kept, gone) => {
          const sum = new ExactSum();
          for (const t of [...gone, ...kept]) sum.add(t);
          for (const t of gone) sum.add(-t);
          expect(sum.value()).toBe(sumOf(kept));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equals the exact sum, rounded once, of terms of any magnitude', () => {
    // Terms m × 2^e: scaled by 2^40 they are integers, summed exactly as BigInts.
    const scaled = fc.tuple(
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.integer({ min: -40, max: 40 }),
    );
    fc.assert(
      fc.property(fc.array(scaled, { maxLength: 50 }), (pairs) => {
        const terms = pairs.map(([m, e]) => m * 2 ** e);
        const exact = pairs.reduce((s, [m, e]) => s + BigInt(m) * 2n ** BigInt(e + 40), 0n);
        expect(sumOf(terms)).toBe(Number(exact) / 2 ** 40);
      }),
      { numRuns: 300 },
    );
  });
});
