/** Names of new plans: the next free number in a pattern such as “方案 N”. */

/**
 * The name `format(n)` for the smallest n ≥ 1 that no existing name uses.
 * @example
 * nextPlanName(['方案 1', '方案 3'], (n) => `方案 ${n}`); // '方案 2'
 */
export function nextPlanName(existing: Iterable<string>, format: (n: number) => string): string {
  const taken = new Set([...existing].map((name) => name.trim()));
  for (let n = 1; ; n += 1) {
    const name = format(n);
    if (!taken.has(name)) return name;
  }
}

/**
 * A name for a copy of `name`: `format(name)` or, if taken, `format(name)` followed by 2, 3 …
 * @example
 * copyName('方案 1', ['方案 1', '方案 1 副本'], (n) => `${n} 副本`); // '方案 1 副本 2'
 */
export function copyName(
  name: string,
  existing: Iterable<string>,
  format: (name: string) => string,
): string {
  const base = format(name);
  const taken = new Set([...existing].map((n) => n.trim()));
  if (!taken.has(base)) return base;
  return nextPlanName(taken, (n) => `${base} ${n + 1}`);
}
