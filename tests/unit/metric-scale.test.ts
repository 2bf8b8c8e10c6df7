import { describe, expect, it } from 'vitest';
import type { GridWorkload } from '../../src/analysis/coverage/report.ts';
import { DEFAULT_SETTINGS, makeSettings } from '../../src/domain/settings.ts';
import {
  EXEMPT_COLOR,
  fillColorExpression,
  metricClasses,
  NO_DATA_COLOR,
  WORKLOAD_METRICS,
} from '../../src/map/metric-scale.ts';
import { createGridFigures } from '../../src/map/map-data.ts';

const stats = (residents: number[], compactness = 0.6): GridWorkload[] =>
  residents.map((r, i) => ({
    gridId: String(i),
    communityId: '110106090001',
    type: 'comprehensive',
    households: r / 2.5,
    residents: r,
    buildings: 10,
    difficultHouseholds: 0,
    specialHouseholds: 0,
    workers: 1,
    householdsPerWorker: r / 2.5,
    monthlyVisits: 0,
    areaM2: 1000,
    perimeterM: 130,
    compactness: compactness + i / 100,
    parts: 1,
    workOrders: 0,
    band: 'within',
    householdsDeviation: 0,
    residentsOver: 0,
  }));

describe('metricClasses', () => {
  it('classes households around the configured band', () => {
    const classes = metricClasses('households', [], DEFAULT_SETTINGS);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [null, 300],
      [300, 400],
      [400, 500],
      [500, 750],
      [750, null],
    ]);
  });

  it('uses quantile breaks for other metrics, open at both ends', () => {
    const classes = metricClasses(
      'residents',
      stats([500, 800, 1000, 1200, 1500, 2000, 2600, 3000, 3100, 900]),
      DEFAULT_SETTINGS,
    );
    expect(classes.length).toBe(5);
    expect(classes[0]!.from).toBeNull();
    expect(classes.at(-1)!.to).toBeNull();
    const breaks = classes.slice(1).map((c) => c.from!);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
  });

  it('centres the household deviation on an exact "within" class, scaled by the band', () => {
    const classes = metricClasses('householdsDeviation', [], makeSettings());
    expect(classes.map((c) => [c.from, c.to, c.exactly])).toEqual([
      [null, -100, undefined],
      [-100, 0, undefined],
      [0, 1, 0],
      [1, 250, undefined],
      [250, null, undefined],
    ]);
    const wide = metricClasses(
      'householdsDeviation',
      [],
      makeSettings({ householdsBand: { min: 200, max: 800 } }),
    );
    expect(wide.map((c) => c.from)).toEqual([null, -300, 0, 1, 400]);
  });

  it('classes residents over the limit as none, some and far over', () => {
    const classes = metricClasses('residentsOver', [], DEFAULT_SETTINGS);
    expect(classes.map((c) => [c.from, c.to, c.exactly])).toEqual([
      [null, 1, 0],
      [1, 500, undefined],
      [500, null, undefined],
    ]);
  });

  it('keeps two decimals in the breaks of a metric below 1 (compactness)', () => {
    const classes = metricClasses(
      'compactness',
      stats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.41),
      DEFAULT_SETTINGS,
    );
    const breaks = classes.slice(1).map((c) => c.from!);
    expect(breaks.length).toBeGreaterThan(2);
    for (const b of breaks) {
      expect(b).toBeGreaterThan(0.41);
      expect(b).toBeLessThan(0.51);
      expect(Math.round(b * 100) / 100).toBe(b);
    }
  });

  it('gives every workload metric at least one class on real grids', () => {
    const grids = stats([500, 800, 1000, 1200, 1500, 2000, 2600, 3000, 3100, 900]);
    for (const metric of WORKLOAD_METRICS)
      expect(metricClasses(metric, grids, DEFAULT_SETTINGS).length, metric).toBeGreaterThan(0);
  });

  it('colours complaint figures red, orders darker the more and the score darker the lower', () => {
    const grids = stats([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]).map(
      (g, i) => ({
        ...g,
        ordersPerThousand: 20 + 10 * i,
        compositeScore: 70 + 3 * i,
      }),
    );
    const orders = metricClasses('ordersPerThousand', grids, DEFAULT_SETTINGS);
    const score = metricClasses('compositeScore', grids, DEFAULT_SETTINGS);
    expect(orders).toHaveLength(5);
    expect(score).toHaveLength(5);
    // The darkest red: the most orders, and the lowest score.
    expect(orders.at(-1)!.color).toBe('#a50f15');
    expect(score[0]!.color).toBe('#a50f15');
    expect(metricClasses('ordersPerThousand', stats([1000, 1200]), DEFAULT_SETTINGS)).toEqual([]);
  });

  it('gives no classes when no grid has the metric', () => {
    expect(metricClasses('residents', [], DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe('fillColorExpression', () => {
  it('steps through the classes and greys out grids without the metric', () => {
    const classes = metricClasses('households', [], DEFAULT_SETTINGS);
    const expression = fillColorExpression('households', classes) as unknown[];
    expect(expression[0]).toBe('case');
    expect(expression[2]).toBe(NO_DATA_COLOR);
    expect(expression[3]).toEqual(['==', ['get', 'band'], 'exempt']);
    expect(expression.at(-1)).toEqual([
      'step',
      ['get', 'households'],
      classes[0]!.color,
      300,
      classes[1]!.color,
      400,
      classes[2]!.color,
      500,
      classes[3]!.color,
      750,
      classes[4]!.color,
    ]);
  });

  it('gives dedicated grids the exempt colour only for the band metrics', () => {
    for (const metric of ['householdsDeviation', 'residentsOver'] as const) {
      const expression = fillColorExpression(metric, metricClasses(metric, [], DEFAULT_SETTINGS));
      expect((expression as unknown[]).slice(3, 5)).toEqual([
        ['==', ['get', 'band'], 'exempt'],
        EXEMPT_COLOR,
      ]);
    }
    const residents = fillColorExpression(
      'residents',
      metricClasses('residents', stats([500, 900, 1500, 2500]), DEFAULT_SETTINGS),
    ) as unknown[];
    expect(JSON.stringify(residents)).not.toContain(EXEMPT_COLOR);
  });

  it('is plain grey when there are no classes', () => {
    expect(fillColorExpression('residents', [])).toBe(NO_DATA_COLOR);
  });
});

describe('createGridFigures', () => {
  it('adds complaint figures to the workloads, the same object while nothing changed', () => {
    const workloads = stats([1000, 1200]);
    const figures = createGridFigures();
    expect(figures(workloads, null)[0]).toBe(workloads[0]);
    const month = new Map([['1', { ordersPerThousand: 47.5, compositeScore: 86.1 }]]);
    const first = figures(workloads, month);
    expect(first[0]).toBe(workloads[0]);
    expect(first[1]).toMatchObject({ gridId: '1', residents: 1200, ordersPerThousand: 47.5 });
    expect(figures(workloads, new Map(month))[1]).toBe(first[1]);
    const next = new Map([['1', { ordersPerThousand: 50, compositeScore: 86.1 }]]);
    expect(figures(workloads, next)[1]).not.toBe(first[1]);
  });
});
