/**
 * Rankings of grids or communities for a month, the ones needing attention first: by orders, by
 * orders per 1,000 households, by the composite score or one of the three rates (lowest first),
 * or by the change in orders against the month before (largest rise first). Areas without a
 * figure to rank by (no follow-up visits, no households) come last.
 */
import type { ComplaintFigures } from './aggregate.ts';

export const RANKINGS = [
  'orders',
  'perThousand',
  'compositeScore',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'change',
] as const;
export type Ranking = (typeof RANKINGS)[number];

export interface RankedArea {
  id: string;
  orders: number;
  perThousand: number | null;
  compositeScore: number | null;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  previousOrders: number;
  /** Orders this month minus the month before. */
  change: number;
}

type AreaFigures = { id: string } & ComplaintFigures;

/** Whether a higher value ranks first. */
const HIGHER_FIRST: Record<Ranking, boolean> = {
  orders: true,
  perThousand: true,
  compositeScore: false,
  responseRate: false,
  resolutionRate: false,
  satisfactionRate: false,
  change: true,
};

/**
 * @example
 * rankAreas(analysis.current.grids, analysis.previous.grids, 'change')[0]; // the grid whose orders rose most
 */
export function rankAreas(
  current: readonly AreaFigures[],
  previous: readonly AreaFigures[],
  by: Ranking,
): RankedArea[] {
  const before = new Map(previous.map((a) => [a.id, a.orders]));
  const areas = current.map((a): RankedArea => {
    const previousOrders = before.get(a.id) ?? 0;
    return {
      id: a.id,
      orders: a.orders,
      perThousand: a.perThousandHouseholds,
      compositeScore: a.compositeScore,
      responseRate: a.responseRate,
      resolutionRate: a.resolutionRate,
      satisfactionRate: a.satisfactionRate,
      previousOrders,
      change: a.orders - previousOrders,
    };
  });
  const sign = HIGHER_FIRST[by] ? -1 : 1;
  return areas.sort((a, b) => {
    const x = a[by];
    const y = b[by];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || b.orders - a.orders || byName(a, b);
  });
}

function byName(a: RankedArea, b: RankedArea): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
