/**
 * What a set of orders is made of: counts by first- and second-level category, by source and by
 * status (for the street, or the grid or community a view is narrowed to), and the category tree
 * of all the street's orders (一级 → 二级 → 三级) that the filter offers.
 */
import { WORK_ORDER_STATUSES } from '../../domain/types.ts';
import { NO_CATEGORY, type OrderTable } from './order-table.ts';

export interface NamedCount {
  name: string;
  orders: number;
}

export interface CategoryCount {
  category1: string;
  category2: string;
  orders: number;
}

export interface OrderBreakdown {
  orders: number;
  category1: NamedCount[];
  /** Second-level categories with their first level, most first. */
  category2: CategoryCount[];
  /** Third-level categories (orders without one are not counted here). */
  category3: NamedCount[];
  source: NamedCount[];
  status: NamedCount[];
}

/**
 * Counts of the orders `included`, most first (ties by name).
 * @example
 * orderBreakdown(table, (row) => orderGrid[row] === 3).source; // [{ name: '12345热线', orders: 41 }, …]
 */
export function orderBreakdown(
  table: OrderTable,
  included: (row: number) => boolean,
): OrderBreakdown {
  return orderBreakdowns(table, (row) => (included(row) ? 0 : -1), 1)[0]!;
}

/**
 * The breakdowns of several groups of orders in one pass: `groupOf` gives an order's group
 * (0 … groups − 1; −1 for none), e.g. its grid.
 * @example
 * orderBreakdowns(table, (row) => (inMonth(row) ? orderGrid[row]! : -1), grids.length)[3].orders; // 12
 */
export function orderBreakdowns(
  table: OrderTable,
  groupOf: (row: number) => number,
  groups: number,
): OrderBreakdown[] {
  const d = table.dictionaries;
  const tallies = Array.from({ length: groups }, () => ({
    orders: 0,
    category1: new Float64Array(d.category1.length),
    category2: new Float64Array(d.category2.length),
    category3: new Float64Array(d.category3.length),
    source: new Float64Array(d.source.length),
    status: new Float64Array(WORK_ORDER_STATUSES.length),
  }));
  const parentOf = new Int32Array(d.category2.length);
  for (let row = 0; row < table.size; row++) {
    const group = groupOf(row);
    if (group < 0) continue;
    const t = tallies[group]!;
    t.orders++;
    t.category1[table.category1[row]!]!++;
    const second = table.category2[row]!;
    t.category2[second]!++;
    parentOf[second] = table.category1[row]!;
    const third = table.category3[row]!;
    if (third !== NO_CATEGORY) t.category3[third]!++;
    t.source[table.source[row]!]!++;
    t.status[table.status[row]!]!++;
  }
  const named = (names: readonly string[], counts: Float64Array) =>
    rankedIndexes(names, counts).map((i) => ({ name: names[i]!, orders: counts[i]! }));
  return tallies.map((t) => ({
    orders: t.orders,
    category1: named(d.category1, t.category1),
    category2: rankedIndexes(d.category2, t.category2).map((i) => ({
      category1: d.category1[parentOf[i]!]!,
      category2: d.category2[i]!,
      orders: t.category2[i]!,
    })),
    category3: named(d.category3, t.category3),
    source: named(d.source, t.source),
    status: named(WORK_ORDER_STATUSES, t.status),
  }));
}

/** The indexes with a count, most first (ties in Chinese collation order of their names). */
function rankedIndexes(names: readonly string[], counts: Float64Array): number[] {
  const indexes: number[] = [];
  counts.forEach((count, i) => count > 0 && indexes.push(i));
  return indexes.sort(
    (a, b) => counts[b]! - counts[a]! || names[a]!.localeCompare(names[b]!, 'zh-CN'),
  );
}

export interface CategoryNode {
  name: string;
  children: CategoryNode[];
}

/**
 * The categories of every order as a tree, names in Chinese collation order.
 * @example
 * categoryTree(table)[0]; // { name: '城乡建设', children: [{ name: '物业管理', children: [...] }, …] }
 */
export function categoryTree(table: OrderTable): CategoryNode[] {
  const d = table.dictionaries;
  const tree = new Map<number, Map<number, Set<number>>>();
  const seen = new Set<number>();
  for (let row = 0; row < table.size; row++) {
    const c1 = table.category1[row]!;
    const c2 = table.category2[row]!;
    const c3 = table.category3[row]!;
    const key = (c1 * 65536 + c2) * 65537 + c3;
    if (seen.has(key)) continue;
    seen.add(key);
    let seconds = tree.get(c1);
    if (!seconds) tree.set(c1, (seconds = new Map()));
    let thirds = seconds.get(c2);
    if (!thirds) seconds.set(c2, (thirds = new Set()));
    if (c3 !== NO_CATEGORY) thirds.add(c3);
  }
  const sorted = (nodes: CategoryNode[]) =>
    nodes.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return sorted(
    [...tree].map(([c1, seconds]) => ({
      name: d.category1[c1]!,
      children: sorted(
        [...seconds].map(([c2, thirds]) => ({
          name: d.category2[c2]!,
          children: sorted([...thirds].map((c3) => ({ name: d.category3[c3]!, children: [] }))),
        })),
      ),
    })),
  );
}
