/**
 * The norms a grid plan and the complaint figures are judged by, as one settings object.
 * Defaults come from the design brief (national grid guidance, the visiting rule, Beijing's
 * 接诉即办 assessment); every street may override any of them.
 */
import { deepFreeze } from './deep-freeze.ts';
import type { FacilityProperties, FacilityType } from './types.ts';

export interface GridSettings {
  /** Households an urban comprehensive grid should hold. */
  householdsBand: { min: number; max: number };
  /** At most this many residents per grid. */
  maxResidents: number;
  /** 走动式工作: how often each kind of household must be visited. */
  visitRule: {
    /** Every household once every N months. */
    regularEveryMonths: number;
    /** Households in difficulty (低保, 残疾) once every N months. */
    difficultEveryMonths: number;
    /** Special-hardship households: visits per month. */
    specialPerMonth: number;
  };
  /** Service radius in metres of each facility type, used when a facility has none of its own. */
  serviceRadiiM: Record<FacilityType, number>;
  /** 5/10/15-minute life circles, in metres. */
  lifeCirclesM: { min5: number; min10: number; min15: number };
  /** Time limits for overdue flags. */
  timeLimits: {
    urgentHours: number;
    utilityHours: number;
    generalDays: number;
    complexDays: number;
  };
  /** 三率 weights for the composite score (综合成绩); they sum to 1. */
  rateWeights: { response: number; resolution: number; satisfaction: number };
  /** Weight of 基本满意 in the satisfaction rate. */
  basicSatisfiedWeight: number;
  /** The assessment month starts on this day of the previous month. */
  assessmentMonthStartDay: number;
  /** Repeat complaint: at least N orders of one category2 at one building within D days. */
  repeatComplaint: { minOrders: number; windowDays: number };
  /** Grid or gap pieces smaller than this (m²) are slivers. */
  sliverAreaM2: number;
  /**
   * A grid holding less than this share of a building's footprint does not count: the building is
   * split only when two grids each hold at least this much.
   */
  splitMinShare: number;
}

export const DEFAULT_SETTINGS: GridSettings = deepFreeze({
  householdsBand: { min: 300, max: 500 },
  maxResidents: 2500,
  visitRule: { regularEveryMonths: 6, difficultEveryMonths: 3, specialPerMonth: 1.5 },
  serviceRadiiM: {
    垃圾收集点: 70,
    社区服务站: 300,
    养老驿站: 300,
    卫生服务站: 500,
    幼儿园: 300,
    监控探头: 50,
    议事厅: 500,
  },
  lifeCirclesM: { min5: 300, min10: 500, min15: 1000 },
  timeLimits: { urgentHours: 2, utilityHours: 24, generalDays: 7, complexDays: 15 },
  rateWeights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
  basicSatisfiedWeight: 0.9,
  assessmentMonthStartDay: 19,
  repeatComplaint: { minOrders: 3, windowDays: 30 },
  sliverAreaM2: 1,
  splitMinShare: 0.01,
});

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * The settings with a street's overrides applied on top of the defaults (one level of nesting).
 * @example
 * const s = makeSettings({ householdsBand: { max: 600 } }); // min stays 300
 */
export function makeSettings(overrides: DeepPartial<GridSettings> = {}): GridSettings {
  const merged: Record<string, unknown> = {};
  for (const [key, base] of Object.entries(DEFAULT_SETTINGS)) {
    const override = (overrides as Record<string, unknown>)[key];
    merged[key] =
      typeof base === 'object' && base !== null
        ? { ...base, ...(override as object | undefined) }
        : (override ?? base);
  }
  return merged as unknown as GridSettings;
}

/**
 * Monthly visits a grid's households require under the visiting rule
 * (households/6 + difficult/3 + special×1.5 with the defaults).
 * @example
 * monthlyVisits({ households: 420, difficult: 12, special: 6 }); // 70 + 4 + 9 = 83
 */
export function monthlyVisits(
  counts: { households: number; difficult: number; special: number },
  settings: GridSettings = DEFAULT_SETTINGS,
): number {
  const rule = settings.visitRule;
  return (
    counts.households / rule.regularEveryMonths +
    counts.difficult / rule.difficultEveryMonths +
    counts.special * rule.specialPerMonth
  );
}

/**
 * A facility's service radius in metres: its own when it has one, else the norm for its type.
 * @example
 * serviceRadiusM({ id: 'F1', type: '垃圾收集点' }); // 70
 */
export function serviceRadiusM(
  facility: Pick<FacilityProperties, 'type' | 'serviceRadiusM'>,
  settings: GridSettings = DEFAULT_SETTINGS,
): number {
  return facility.serviceRadiusM ?? settings.serviceRadiiM[facility.type];
}
