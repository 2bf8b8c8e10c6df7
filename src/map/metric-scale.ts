/**
 * Colour classes for the grid fill: households are judged against the configured band (below,
 * within, above, far above); other metrics get quantile classes of the loaded grids. Pure: the
 * legend and the map layer are both drawn from the same classes.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { GridStats } from '../analysis/grid-stats.ts';
import type { GridSettings } from '../domain/settings.ts';

export const GRID_METRICS = [
  'households',
  'residents',
  'buildings',
  'workers',
  'householdsPerWorker',
  'monthlyVisits',
  'areaM2',
  'workOrders',
] as const;
export type GridMetric = (typeof GRID_METRICS)[number];

export interface ColorClass {
  /** Inclusive lower bound; null for the open first class. */
  from: number | null;
  /** Exclusive upper bound; null for the open last class. */
  to: number | null;
  color: string;
}

const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const BAND = {
  below: '#9ecae1',
  withinLow: '#c7e9c0',
  withinHigh: '#74c476',
  above: '#fd8d3c',
  farAbove: '#d7301f',
};
export const NO_DATA_COLOR = '#d9d9d9';
/** Dedicated grids, to which the household band does not apply. */
export const EXEMPT_COLOR = '#d8cce6';

/** Distinct rounded quantile breaks of `values` into at most `count` classes. */
function quantileBreaks(values: number[], count: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let i = 1; i < count; i++) {
    const value = sorted[Math.floor((i / count) * sorted.length)];
    if (value === undefined) continue;
    const rounded = value >= 100 ? Math.round(value / 10) * 10 : Math.round(value * 10) / 10;
    if (!breaks.includes(rounded) && rounded > (sorted[0] ?? 0)) breaks.push(rounded);
  }
  return breaks;
}

function classesFromBreaks(breaks: number[], colors: string[]): ColorClass[] {
  const palette = colors.slice(colors.length - breaks.length - 1);
  return palette.map((color, i) => ({
    from: i === 0 ? null : (breaks[i - 1] ?? null),
    to: i === breaks.length ? null : (breaks[i] ?? null),
    color,
  }));
}

/**
 * The colour classes of a metric over the given grids.
 * @example
 * metricClasses('households', stats, settings); // below 300, 300–400, 400–500, 500–750, ≥ 750
 */
export function metricClasses(
  metric: GridMetric,
  stats: readonly GridStats[],
  settings: GridSettings,
): ColorClass[] {
  if (metric === 'households') {
    const { min, max } = settings.householdsBand;
    const middle = Math.round((min + max) / 2);
    return classesFromBreaks(
      [min, middle, max, Math.round(max * 1.5)],
      [BAND.below, BAND.withinLow, BAND.withinHigh, BAND.above, BAND.farAbove],
    );
  }
  const values = stats
    .map((s) => s[metric])
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (values.length === 0) return [];
  return classesFromBreaks(quantileBreaks(values, SEQUENTIAL.length), SEQUENTIAL);
}

/**
 * The MapLibre fill-color expression for the classes, grey where the metric is missing; for
 * households, dedicated grids (exempt from the band) get their own colour.
 */
export function fillColorExpression(
  metric: GridMetric,
  classes: readonly ColorClass[],
): ExpressionSpecification | string {
  const [first, ...rest] = classes;
  if (!first) return NO_DATA_COLOR;
  const steps = rest.flatMap((c) => [c.from ?? 0, c.color]);
  const exempt = metric === 'households' ? [['==', ['get', 'band'], 'exempt'], EXEMPT_COLOR] : [];
  return [
    'case',
    ['!=', ['typeof', ['get', metric]], 'number'],
    NO_DATA_COLOR,
    ...exempt,
    ['step', ['get', metric], first.color, ...steps],
  ] as ExpressionSpecification;
}
