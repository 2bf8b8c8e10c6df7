/**
 * The three rates (三率) of 接诉即办 and the composite score (综合成绩), over the orders of a period
 * that had a follow-up visit (回访), called visits: 响应率 = contacted / visits; 解决率 = resolved /
 * visits; 满意率 = (满意 + 0.9 × 基本满意) / visits; 综合成绩 = 100 × (0.1 × 响应 + 0.5 × 解决 +
 * 0.4 × 满意) points (weights and the 基本满意 weight from the settings). Orders without a visit
 * count in volumes, not in the rates.
 */
import type { GridSettings } from '../../domain/settings.ts';

/** What the rates are computed from, summed over a scope and period. */
export interface RateCounts {
  /** Orders created in the period. */
  orders: number;
  /** Of those, orders with a follow-up visit: the rates' denominator. */
  visits: number;
  /** Visited orders whose caller was contacted (是否联系 = 是). */
  contacted: number;
  /** Visited orders resolved (是否解决 = 是). */
  resolved: number;
  /** Visited orders rated 满意. */
  satisfied: number;
  /** Visited orders rated 基本满意. */
  basicallySatisfied: number;
}

/** The rates, 0–1, and the composite score, 0–100; null without a visit to rate. */
export interface ThreeRates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  compositeScore: number | null;
}

export function emptyRateCounts(): RateCounts {
  return { orders: 0, visits: 0, contacted: 0, resolved: 0, satisfied: 0, basicallySatisfied: 0 };
}

/** Adds `from` into `into`. */
export function addRateCounts(into: RateCounts, from: Readonly<RateCounts>): void {
  into.orders += from.orders;
  into.visits += from.visits;
  into.contacted += from.contacted;
  into.resolved += from.resolved;
  into.satisfied += from.satisfied;
  into.basicallySatisfied += from.basicallySatisfied;
}

/**
 * @example
 * threeRates({ orders: 12, visits: 10, contacted: 10, resolved: 8, satisfied: 7, basicallySatisfied: 2 }, DEFAULT_SETTINGS);
 * // { responseRate: 1, resolutionRate: 0.8, satisfactionRate: 0.88, compositeScore: 85.2 }
 */
export function threeRates(
  counts: Readonly<RateCounts>,
  settings: Pick<GridSettings, 'rateWeights' | 'basicSatisfiedWeight'>,
): ThreeRates {
  if (counts.visits === 0) {
    return {
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      compositeScore: null,
    };
  }
  const responseRate = counts.contacted / counts.visits;
  const resolutionRate = counts.resolved / counts.visits;
  const satisfactionRate =
    (counts.satisfied + settings.basicSatisfiedWeight * counts.basicallySatisfied) / counts.visits;
  const w = settings.rateWeights;
  const compositeScore =
    100 *
    (w.response * responseRate + w.resolution * resolutionRate + w.satisfaction * satisfactionRate);
  return { responseRate, resolutionRate, satisfactionRate, compositeScore };
}
