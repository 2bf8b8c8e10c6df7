/**
 * A running sum of doubles that does not depend on the order of its terms: the partials are kept
 * exactly (Shewchuk's algorithm, as in Python's `math.fsum`) and the value is the exact sum
 * rounded once. Adding a term and later adding its negation leaves the sum exactly as it was, so
 * street totals can be kept incrementally (subtract the old grid, add the new) and still equal a
 * full recomputation bit for bit.
 */
export class ExactSum {
  /** Non-overlapping partials in increasing magnitude; their exact sum is the sum. */
  readonly #partials: number[] = [];

  /**
   * Adds a finite term (a negative one to subtract).
   * @example
   * const sum = new ExactSum();
   * sum.add(1e100); sum.add(1); sum.add(-1e100);
   * sum.value(); // 1
   */
  add(term: number): void {
    const partials = this.#partials;
    let x = term;
    let kept = 0;
    for (let k = 0; k < partials.length; k++) {
      let y = partials[k]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    partials.length = kept;
    partials.push(x);
  }

  /**
   * The exact sum of the terms, correctly rounded (ties to even).
   * @example
   * const sum = new ExactSum();
   * for (let i = 0; i < 10; i++) sum.add(0.1);
   * sum.value(); // 1
   */
  value(): number {
    const partials = this.#partials;
    let n = partials.length;
    if (n === 0) return 0;
    let hi = partials[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // The partials below decide a tie between the two doubles nearest the exact sum.
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    // A sum that cancels to zero is +0 whatever the order, never −0.
    return hi === 0 ? 0 : hi;
  }
}
