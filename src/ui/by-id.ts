/** Lookup tables by id, as the UI state derives them from its lists (never changed afterwards). */

/**
 * `items` by the id `idOf` gives each (a later item wins over an earlier one with the same id).
 * @example
 * byId(grids, (g) => g.properties.id).get('110106090001001');
 */
export function byId<T>(items: readonly T[], idOf: (item: T) => string): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [idOf(item), item]));
}
