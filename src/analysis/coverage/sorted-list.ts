/**
 * Sorted arrays kept sorted by binary search: small ordered lists (grids in grid order, buildings
 * with a problem) that change one item at a time.
 */

/**
 * The first position in a sorted list whose item does not come before `item`.
 * @example
 * lowerBound([1, 3, 5], 4, (a, b) => a - b); // 2
 */
export function lowerBound<T>(
  list: readonly T[],
  item: T,
  compare: (a: T, b: T) => number,
): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(list[mid]!, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Inserts `item` at its place in a sorted list.
 * @example
 * const list = [1, 5]; insertSorted(list, 3, (a, b) => a - b); // list: [1, 3, 5]
 */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  list.splice(lowerBound(list, item, compare), 0, item);
}

/**
 * Removes `item` from a sorted list, if it is there.
 * @example
 * const list = [1, 3, 5]; removeSorted(list, 3, (a, b) => a - b); // list: [1, 5]
 */
export function removeSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  const at = lowerBound(list, item, compare);
  if (list[at] === item) list.splice(at, 1);
}
