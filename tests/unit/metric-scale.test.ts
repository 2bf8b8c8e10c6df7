import { describe, expect, it } from 'vitest';
import type { GridStats } from '../../src/analysis/grid-stats.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { fillColorExpression, metricClasses, NO_DATA_COLOR } from '../../src/map/metric-scale.ts';

const stats = (residents: number[]): GridStats[] =>
  residents.map((r, i) => ({
    gridId: String(i),
    households: r / 2.5,
    residents: r,
    buildings: 10,
    difficultHouseholds: 0,
    specialHouseholds: 0,
    workers: 1,
    householdsPerWorker: r / 2.5,
    monthlyVisits: 0,
    areaM2: 1000,
    workOrders: 0,
    band: 'within',
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

  it('is plain grey when there are no classes', () => {
    expect(fillColorExpression('residents', [])).toBe(NO_DATA_COLOR);
  });
});
