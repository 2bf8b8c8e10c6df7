/** Freezing whole object trees: for defaults that must not change, and for tests proving a function does not mutate its input. */

/**
 * Freezes `value` and every object inside it, and returns it.
 * @example
 * const settings = deepFreeze({ band: { min: 300 } }); // settings.band.min = 1 throws in strict mode
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
