/**
 * Colour classes for the grid fill, for any workload metric or complaint figure of the month on
 * the complaint tab: households are judged against the configured band (below, within, above, far
 * above), the two deviations from the norm get a diverging scale centred on "within", orders per
 * 1,000 households and the composite score get red quantile classes (the score darker the lower),
 * and other metrics blue quantile classes of the loaded grids. Pure: the legend and the map layer
 * are both drawn from the same classes.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { ComplaintFigures } from '../analysis/complaints/aggregate.ts';
import type { GridWorkload } from '../analysis/coverage/report.ts';
import type { GridSettings } from '../domain/settings.ts';

export const WORKLOAD_METRICS = [
  'households',
  'residents',
  'buildings',
  'difficultHouseholds',
  'specialHouseholds',
  'workers',
  'householdsPerWorker',
  'monthlyVisits',
  'areaM2',
  'perimeterM',
  'compactness',
  'parts',
  'householdsDeviation',
  'residentsOver',
  'workOrders',
] as const satisfies readonly (keyof GridWorkload)[];

/** The complaint figures of a grid for the month shown, added to its workload for the map. */
export const COMPLAINT_METRICS = [
  'ordersPerThousand',
  'compositeScore',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
] as const;
export type ComplaintMetric = (typeof COMPLAINT_METRICS)[number];
export type GridComplaintFigures = Partial<Record<ComplaintMetric, number>>;

/**
 * A grid's complaint figures of the month as the map colours them (a figure without a value,
 * e.g. a rate without follow-up visits, is left out and drawn grey).
 * @example
 * gridComplaintFigures(analysis.current.grids[0]); // { ordersPerThousand: 47.2, compositeScore: 85.1, … }
 */
export function gridComplaintFigures(grid: ComplaintFigures): GridComplaintFigures {
  const values: Record<ComplaintMetric, number | null> = {
    ordersPerThousand: grid.perThousandHouseholds,
    compositeScore: grid.compositeScore,
    responseRate: grid.responseRate,
    resolutionRate: grid.resolutionRate,
    satisfactionRate: grid.satisfactionRate,
  };
  const figures: GridComplaintFigures = {};
  for (const metric of COMPLAINT_METRICS) {
    const value = values[metric];
    if (value !== null) figures[metric] = value;
  }
  return figures;
}

export const GRID_METRICS = [...WORKLOAD_METRICS, ...COMPLAINT_METRICS] as const;
export type GridMetric = (typeof GRID_METRICS)[number];

/** A grid's figures as the map colours them. */
export type GridFigures = GridWorkload & GridComplaintFigures;

/** Complaint figures where a lower value is worse (drawn darker). */
const LOWER_IS_WORSE: ReadonlySet<GridMetric> = new Set([
  'compositeScore',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
]);

/** Metrics measured against the band, for which dedicated grids (exempt) get their own colour. */
const BAND_METRICS: ReadonlySet<GridMetric> = new Set([
  'households',
  'householdsDeviation',
  'residentsOver',
]);

export interface ColorClass {
  /** Inclusive lower bound; null for the open first class. */
  from: number | null;
  /** Exclusive upper bound; null for the open last class. */
  to: number | null;
  color: string;
  /** Set when the class holds this one value only (a whole-number metric "within the norm"). */
  exactly?: number;
}

const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const COMPLAINTS = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
const BAND = {
  farBelow: '#6baed6',
  below: '#9ecae1',
  withinLow: '#c7e9c0',
  within: '#74c476',
  above: '#fd8d3c',
  farAbove: '#d7301f',
};
export const NO_DATA_COLOR = '#d9d9d9';
/** Dedicated grids, to which the household band does not apply. */
export const EXEMPT_COLOR = '#d8cce6';

/** A break rounded to a legible figure: tens above 100, tenths above 1, hundredths below. */
function roundBreak(value: number): number {
  if (Math.abs(value) >= 100) return Math.round(value / 10) * 10;
  if (Math.abs(value) >= 1) return Math.round(value * 10) / 10;
  return Math.round(value * 100) / 100;
}

/** Distinct rounded quantile breaks of `values` into at most `count` classes. */
function quantileBreaks(values: number[], count: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let i = 1; i < count; i++) {
    const value = sorted[Math.floor((i / count) * sorted.length)];
    if (value === undefined) continue;
    const rounded = roundBreak(value);
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

/** Households beyond the band: far below, below, exactly within (0), above, far above. */
function deviationClasses({ min, max }: GridSettings['householdsBand']): ColorClass[] {
  const far = Math.round(max / 2);
  const half = Math.round((max - min) / 2);
  return [
    { from: null, to: -half, color: BAND.farBelow },
    { from: -half, to: 0, color: BAND.below },
    { from: 0, to: 1, color: BAND.within, exactly: 0 },
    { from: 1, to: far, color: BAND.above },
    { from: far, to: null, color: BAND.farAbove },
  ];
}

/** Residents beyond the limit: none (0), some, more than a fifth of the limit. */
function residentsOverClasses(maxResidents: number): ColorClass[] {
  const far = Math.round(maxResidents / 5);
  return [
    { from: null, to: 1, color: BAND.within, exactly: 0 },
    { from: 1, to: far, color: BAND.above },
    { from: far, to: null, color: BAND.farAbove },
  ];
}

/**
 * The colour classes of a metric over the given grids.
 * @example
 * metricClasses('households', report.grids, settings); // below 300, 300–400, 400–500, 500–750, ≥ 750
 */
export function metricClasses(
  metric: GridMetric,
  grids: readonly GridFigures[],
  settings: GridSettings,
): ColorClass[] {
  const { min, max } = settings.householdsBand;
  if (metric === 'households')
    return classesFromBreaks(
      [min, Math.round((min + max) / 2), max, Math.round(max * 1.5)],
      [BAND.below, BAND.withinLow, BAND.within, BAND.above, BAND.farAbove],
    );
  if (metric === 'householdsDeviation') return deviationClasses(settings.householdsBand);
  if (metric === 'residentsOver') return residentsOverClasses(settings.maxResidents);
  const values = grids
    .map((g) => g[metric])
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (values.length === 0) return [];
  const palette =
    metric === 'ordersPerThousand'
      ? COMPLAINTS
      : LOWER_IS_WORSE.has(metric)
        ? [...COMPLAINTS].reverse()
        : SEQUENTIAL;
  return classesFromBreaks(quantileBreaks(values, palette.length), palette);
}

/** True when dedicated grids get the exempt colour for this metric. */
export function hasExemptClass(metric: GridMetric): boolean {
  return BAND_METRICS.has(metric);
}

/**
 * The MapLibre fill-color expression for the classes, grey where the metric is missing; for the
 * band metrics, dedicated grids (exempt from the band) get their own colour.
 * @example
 * map.setPaintProperty('grids-fill', 'fill-color', fillColorExpression('residents', classes));
 */
export function fillColorExpression(
  metric: GridMetric,
  classes: readonly ColorClass[],
): ExpressionSpecification | string {
  const [first, ...rest] = classes;
  if (!first) return NO_DATA_COLOR;
  const steps = rest.flatMap((c) => [c.from ?? 0, c.color]);
  const exempt = hasExemptClass(metric) ? [['==', ['get', 'band'], 'exempt'], EXEMPT_COLOR] : [];
  return [
    'case',
    ['!=', ['typeof', ['get', metric]], 'number'],
    NO_DATA_COLOR,
    ...exempt,
    ['step', ['get', metric], first.color, ...steps],
  ] as ExpressionSpecification;
}
