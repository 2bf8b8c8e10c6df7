// The complaint views' pure pieces against hand-built orders: the filter (categories, sources,
// statuses, overdue, Beijing dates, area), the breakdown and category tree, the rankings, the
// hexagon bins, the time index, the playback frames and fixed scale, and the hexagon classes.
import { describe, expect, it } from 'vitest';
import { categoryTree, orderBreakdown } from '../../src/analysis/complaints/breakdown.ts';
import {
  binOrders,
  countBins,
  HexBinning,
  WindowTally,
} from '../../src/analysis/complaints/hex-bins.ts';
import { NO_FILTER, orderMask } from '../../src/analysis/complaints/order-filter.ts';
import { OrderTableBuilder, type OrderRecord } from '../../src/analysis/complaints/order-table.ts';
import { at, HOUR, order } from './support/orders.ts';
import {
  frameWindow,
  playbackDomain,
  playbackFrames,
} from '../../src/analysis/complaints/playback.ts';
import { rankAreas } from '../../src/analysis/complaints/rankings.ts';
import { TimeIndex } from '../../src/analysis/complaints/time-index.ts';
import type { ComplaintFigures } from '../../src/analysis/complaints/aggregate.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { hexagonClasses, hexagonColor } from '../../src/map/hexagon-scale.ts';
import { HEATMAP_COLORS } from '../../src/map/palette.ts';

function tableOf(records: Partial<OrderRecord>[]) {
  const builder = new OrderTableBuilder();
  records.forEach((r, i) =>
    builder.add(order({ id: `GD${i}`, lng: 116.35, lat: 39.93, address: null, ...r })),
  );
  return builder.build();
}

const kept = (mask: Uint8Array | null) => (mask ? [...mask.keys()].filter((i) => mask[i]) : null);

describe('the order filter', () => {
  const table = tableOf([
    {},
    { category1: '市场管理', category2: '停车管理', category3: null, source: '网格巡查' },
    { status: '办理', closedAt: null },
    { createdAt: at('2026-10-18T23:30:00+08:00') },
    { createdAt: at('2026-10-19T00:10:00+08:00') },
  ]);
  const context = {
    orderGrid: Int32Array.from([0, 1, 1, 0, 2]),
    grids: [
      { id: 'G1', communityId: 'C1', households: 100 },
      { id: 'G2', communityId: 'C1', households: 100 },
      { id: 'G3', communityId: 'C2', households: 100 },
    ],
    asOf: at('2026-10-19T00:00:00+08:00'),
  };

  it('keeps every order without a condition, and nothing for a value no order has', () => {
    expect(orderMask(table, NO_FILTER, context)).toBeNull();
    expect(kept(orderMask(table, { ...NO_FILTER, category2: '噪音' }, context))).toEqual([]);
  });

  it('narrows by category, source, status, overdue, Beijing dates and area', () => {
    const mask = (patch: Partial<typeof NO_FILTER>) =>
      kept(orderMask(table, { ...NO_FILTER, ...patch }, context));
    expect(mask({ category1: '市场管理' })).toEqual([1]);
    expect(mask({ category1: '城乡建设', category2: '供暖', category3: '暖气不热' })).toEqual([
      0, 2, 3, 4,
    ]);
    expect(mask({ sources: ['网格巡查'] })).toEqual([1]);
    expect(mask({ statuses: ['办理'] })).toEqual([2]);
    // Open past its due time at the end of the period: overdue.
    expect(mask({ overdueOnly: true })).toEqual([2]);
    // The 18th is the last day of October's assessment month, Beijing time.
    expect(mask({ from: '2026-10-18', to: '2026-10-18' })).toEqual([3]);
    expect(mask({ from: '2026-10-19' })).toEqual([4]);
    expect(mask({ area: { kind: 'grid', id: 'G2' } })).toEqual([1, 2]);
    expect(mask({ area: { kind: 'community', id: 'C1' } })).toEqual([0, 1, 2, 3]);
  });

  it('counts by category, source and status and lists the category tree', () => {
    const all = orderBreakdown(table, () => true);
    expect(all.orders).toBe(5);
    expect(all.category1).toEqual([
      { name: '城乡建设', orders: 4 },
      { name: '市场管理', orders: 1 },
    ]);
    expect(all.category2[1]).toEqual({ category1: '市场管理', category2: '停车管理', orders: 1 });
    expect(all.category3).toEqual([{ name: '暖气不热', orders: 4 }]);
    expect(all.source).toEqual([
      { name: '12345热线', orders: 4 },
      { name: '网格巡查', orders: 1 },
    ]);
    expect(all.status).toEqual([
      { name: '办结', orders: 4 },
      { name: '办理', orders: 1 },
    ]);
    expect(categoryTree(table)).toEqual([
      {
        name: '城乡建设',
        children: [{ name: '供暖', children: [{ name: '暖气不热', children: [] }] }],
      },
      { name: '市场管理', children: [{ name: '停车管理', children: [] }] },
    ]);
  });
});

describe('rankings', () => {
  const figures = (
    id: string,
    orders: number,
    score: number | null,
  ): { id: string } & ComplaintFigures =>
    ({
      id,
      orders,
      perThousandHouseholds: orders * 10,
      compositeScore: score,
      responseRate: score === null ? null : score / 100,
      resolutionRate: null,
      satisfactionRate: null,
    }) as { id: string } & ComplaintFigures;

  it('puts the areas needing attention first and those without a figure last', () => {
    const current = [figures('A', 5, 90), figures('B', 9, 70), figures('C', 2, null)];
    const previous = [figures('A', 1, 90), figures('B', 12, 80)];
    expect(rankAreas(current, previous, 'orders').map((a) => a.id)).toEqual(['B', 'A', 'C']);
    expect(rankAreas(current, previous, 'compositeScore').map((a) => a.id)).toEqual([
      'B',
      'A',
      'C',
    ]);
    const change = rankAreas(current, previous, 'change');
    expect(change.map((a) => [a.id, a.change])).toEqual([
      ['A', 4],
      ['C', 2],
      ['B', -3],
    ]);
  });
});

describe('hexagon bins, the time index and playback', () => {
  it('puts a position in the hexagon whose centre is nearest', () => {
    const bins = new HexBinning([116.35, 39.93], 100);
    for (const [lng, lat] of [
      [116.3512, 39.9307],
      [116.3488, 39.9291],
      [116.36, 39.94],
    ] as const) {
      const [cx, cy] = bins.center(bins.keyOf(lng, lat));
      const dx = (lng - cx) * 111_320 * Math.cos((39.93 * Math.PI) / 180);
      const dy = (lat - cy) * 111_320;
      expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(100);
    }
    // Two points 30 m apart near a centre share it; 400 m apart they do not.
    const key = bins.keyOf(116.35, 39.93);
    expect(bins.keyOf(116.35 + 0.0002, 39.93)).toBe(key);
    expect(bins.keyOf(116.35 + 0.0047, 39.93)).not.toBe(key);
  });

  const day = (d: number) => at(`2026-10-${String(d).padStart(2, '0')}T09:00:00+08:00`);
  const table = tableOf([
    { createdAt: day(3) },
    { createdAt: day(1) },
    { createdAt: day(2), lng: 116.36 },
    { createdAt: day(2) },
    { createdAt: day(9), lng: null, lat: null },
  ]);

  it('finds a window’s orders as one run of the time-sorted rows', () => {
    const index = new TimeIndex(table);
    expect([...index.rows]).toEqual([1, 2, 3, 0, 4]);
    expect(index.range(day(2) - HOUR, day(3))).toEqual([1, 3]);
    const bins = binOrders(table, new HexBinning([116.35, 39.93], 100));
    expect(bins.binOf[4]).toBe(-1);
    const counts = countBins(bins, index.rows, 0, 5, null, new Float32Array(2));
    expect([...counts.counts].sort()).toEqual([1, 3]);
    expect(counts.max).toBe(3);
  });

  it('moves a window by its edges and counts as a fresh count does', () => {
    const index = new TimeIndex(table);
    const bins = binOrders(table, new HexBinning([116.35, 39.93], 100));
    const tally = new WindowTally(bins, index.rows, null);
    const fresh = (lo: number, hi: number) =>
      countBins(bins, index.rows, lo, hi, null, new Float32Array(2));
    for (const [lo, hi] of [
      [0, 2],
      [0, 4],
      [1, 5],
      [3, 5],
      [0, 1],
      [2, 2],
    ] as const)
      expect(tally.moveTo(lo, hi)).toEqual(fresh(lo, hi));
  });

  it('cuts days, Monday weeks and assessment months, and fixes the scale over the frames', () => {
    const months = playbackFrames('2026-09', '2026-10', 'month', DEFAULT_SETTINGS);
    expect(months.map((f) => f.label)).toEqual(['2026-09', '2026-10']);
    const days = playbackFrames('2026-10', '2026-10', 'day', DEFAULT_SETTINGS);
    expect(days).toHaveLength(30);
    expect(days[0]!.label).toBe('2026-09-19');
    const weeks = playbackFrames('2026-10', '2026-10', 'week', DEFAULT_SETTINGS);
    // 2026-09-19 is a Saturday: the first week starts on Monday the 14th.
    expect(weeks[0]!.label).toBe('2026-09-14');
    expect(weeks.at(-1)!.label).toBe('2026-10-12');
    expect(frameWindow(days, 3, 'cumulative').start).toBe(days[0]!.start);
    const index = new TimeIndex(table);
    const bins = binOrders(table, new HexBinning([116.35, 39.93], 100));
    expect(playbackDomain(days, 'moving', bins, index, null)).toBe(1);
    expect(playbackDomain(days, 'cumulative', bins, index, null)).toBe(3);
  });

  it('gives each hexagon count one class, the busiest the darkest colour', () => {
    expect(hexagonClasses(12).map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    const three = hexagonClasses(3);
    expect(three.map((c) => c.from)).toEqual([1, 2, 3]);
    expect(hexagonColor(three, 3)).toEqual(HEATMAP_COLORS.at(-1));
    expect(hexagonColor(three, 1)).toEqual(HEATMAP_COLORS[0]);
    expect(hexagonColor(three, 9)).toEqual(HEATMAP_COLORS.at(-1));
  });
});
