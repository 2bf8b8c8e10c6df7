/**
 * Complaint figures of a period by grid, community and street: orders, orders per 1,000
 * households, the three rates and the composite score, overdue orders, and the median and 90th
 * percentile of the time to close. Orders reach a grid through `orderGrid` (by building or by
 * position, worked out by the caller for the plan being looked at), so the same orders can be
 * counted for today's grids and for a redrawn plan's.
 */
import type { GridSettings } from '../../domain/settings.ts';
import { SATISFACTION_LEVELS } from '../../domain/types.ts';
import type { Period } from './assessment-period.ts';
import { CONTACTED, FOLLOWED_UP, RESOLVED, type OrderTable } from './order-table.ts';
import { isOverdue } from './overdue.ts';
import {
  addRateCounts,
  emptyRateCounts,
  threeRates,
  type RateCounts,
  type ThreeRates,
} from './rates.ts';

const HOUR_MS = 3_600_000;
const SATISFIED = SATISFACTION_LEVELS.indexOf('满意');
const BASICALLY_SATISFIED = SATISFACTION_LEVELS.indexOf('基本满意');

/** A grid as the aggregation needs it. */
export interface ComplaintGrid {
  id: string;
  communityId: string;
  households: number;
}

export interface ComplaintFigures extends RateCounts, ThreeRates {
  /** Orders per 1,000 households (null without households). */
  perThousandHouseholds: number | null;
  households: number;
  overdue: number;
  closed: number;
  /** Hours from creation to closing, over the closed orders (null when none closed). */
  medianCloseHours: number | null;
  p90CloseHours: number | null;
}

export interface ComplaintAggregate {
  period: Period;
  street: ComplaintFigures;
  communities: ({ id: string } & ComplaintFigures)[];
  grids: ({ id: string; communityId: string } & ComplaintFigures)[];
  /** Orders of the period in no grid. */
  outsideGrids: number;
}

interface Tally extends RateCounts {
  overdue: number;
  closeMs: number[];
}

/**
 * @example
 * const figures = aggregateComplaints(table, orderGrid, grids, assessmentPeriod('2026-10', settings), settings);
 * figures.street.compositeScore; // 91.4
 */
export function aggregateComplaints(
  table: OrderTable,
  orderGrid: Int32Array,
  grids: readonly ComplaintGrid[],
  period: Period,
  settings: Pick<GridSettings, 'rateWeights' | 'basicSatisfiedWeight'>,
  included?: (row: number) => boolean,
): ComplaintAggregate {
  const tallies = grids.map(emptyTally);
  const street = emptyTally();
  let outsideGrids = 0;
  for (let row = 0; row < table.size; row++) {
    const created = table.createdAt[row]!;
    if (created < period.start || created >= period.end) continue;
    if (included && !included(row)) continue;
    const grid = orderGrid[row]!;
    const tally = grid >= 0 ? tallies[grid] : undefined;
    countOrder(street, table, row, period.end);
    if (tally) countOrder(tally, table, row, period.end);
    else outsideGrids++;
  }
  const byCommunity = new Map<string, { tally: Tally; households: number }>();
  grids.forEach((grid, i) => {
    let community = byCommunity.get(grid.communityId);
    if (!community)
      byCommunity.set(grid.communityId, (community = { tally: emptyTally(), households: 0 }));
    mergeTally(community.tally, tallies[i]!);
    community.households += grid.households;
  });
  const households = grids.reduce((sum, g) => sum + g.households, 0);
  return {
    period,
    street: figuresOf(street, households, settings),
    communities: [...byCommunity]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, c]) => ({ id, ...figuresOf(c.tally, c.households, settings) })),
    grids: grids.map((grid, i) => ({
      id: grid.id,
      communityId: grid.communityId,
      ...figuresOf(tallies[i]!, grid.households, settings),
    })),
    outsideGrids,
  };
}

function emptyTally(): Tally {
  return { ...emptyRateCounts(), overdue: 0, closeMs: [] };
}

function countOrder(t: Tally, table: OrderTable, row: number, asOf: number): void {
  t.orders++;
  const closed = table.closedAt[row]!;
  if (isOverdue(table.dueAt[row]!, closed, asOf)) t.overdue++;
  if (!Number.isNaN(closed)) t.closeMs.push(closed - table.createdAt[row]!);
  const flags = table.flags[row]!;
  if ((flags & FOLLOWED_UP) === 0) return;
  t.visits++;
  if (flags & CONTACTED) t.contacted++;
  if (flags & RESOLVED) t.resolved++;
  const rating = table.satisfaction[row]!;
  if (rating === SATISFIED) t.satisfied++;
  else if (rating === BASICALLY_SATISFIED) t.basicallySatisfied++;
}

function mergeTally(into: Tally, from: Tally): void {
  addRateCounts(into, from);
  into.overdue += from.overdue;
  for (const ms of from.closeMs) into.closeMs.push(ms);
}

function figuresOf(
  t: Tally,
  households: number,
  settings: Pick<GridSettings, 'rateWeights' | 'basicSatisfiedWeight'>,
): ComplaintFigures {
  const close = Float64Array.from(t.closeMs).sort();
  return {
    orders: t.orders,
    visits: t.visits,
    contacted: t.contacted,
    resolved: t.resolved,
    satisfied: t.satisfied,
    basicallySatisfied: t.basicallySatisfied,
    ...threeRates(t, settings),
    households,
    perThousandHouseholds: households > 0 ? (1000 * t.orders) / households : null,
    overdue: t.overdue,
    closed: close.length,
    medianCloseHours: quantileHours(close, 0.5),
    p90CloseHours: quantileHours(close, 0.9),
  };
}

/** The q-quantile of sorted durations in hours (nearest rank), or null for none. */
function quantileHours(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]! / HOUR_MS;
}
