/**
 * The data worker's complaint calls, made directly on the sample street (plans in
 * fake-indexeddb): a month's figures from the street's own work-order layer agree with the same
 * analysis run outside the worker; an imported GBK export adds its orders once, however often it
 * is imported; and the same orders are counted again in the grids of another plan.
 */
import 'fake-indexeddb/auto';
import { NO_FILTER } from '../../src/analysis/complaints/order-filter.ts';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OrderTableBuilder } from '../../src/analysis/complaints/order-table.ts';
import {
  analyseMonth,
  complaintGrids,
  orderPlacerFor,
} from '../../src/analysis/complaints/street-orders.ts';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { loadFiles } from '../../src/io/load-files.ts';
import { importOrderFeatures } from '../../src/io/orders/import-orders.ts';
import { openPlanStore } from '../../src/io/plan-store.ts';
import { createDataApi } from '../../src/workers/data-api.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const GBK = fileURLToPath(new URL('../fixtures/orders/orders-gbk-gcj02.csv', import.meta.url));
const names = readdirSync(DATA).filter((name) => name.endsWith('.geojson'));
const sample = names.map((name) => ({ name, blob: new Blob([readFileSync(DATA + name)]) }));

/** The month as `npm run orders` computes it, outside the worker. */
function outsideTheWorker(month: string) {
  const loaded = loadFiles(
    names.map((name) => ({ name, text: readFileSync(DATA + name, 'utf8') })),
    DEFAULT_SETTINGS,
  );
  const report = new CoverageEngine(inputFromLoad(loaded), DEFAULT_SETTINGS).report();
  const grids = loaded.dataset.grids!.features;
  const placer = orderPlacerFor(loaded.dataset.buildings!.features, grids, report);
  const builder = new OrderTableBuilder();
  const imported = importOrderFeatures(
    'work-orders.geojson',
    loaded.dataset.workOrders!.features,
    placer,
    builder,
    {
      settings: DEFAULT_SETTINGS,
      system: 'WGS84',
    },
  );
  return analyseMonth(
    builder.build(),
    Int32Array.from(imported.grids),
    complaintGrids(grids, report),
    month,
    DEFAULT_SETTINGS,
  );
}

async function sampleApi() {
  const factory = new IDBFactory();
  const api = createDataApi({ openStore: () => openPlanStore({ factory }) });
  await api.load(sample, () => {}, DEFAULT_SETTINGS);
  return api;
}

describe('the data API’s complaint analysis', () => {
  it('gives the last complete month of the street’s own orders, as the CLI does', async () => {
    const api = await sampleApi();
    const view = api.complaintMonth(null)!;
    expect(view.month).toBe('2026-10');
    const expected = outsideTheWorker('2026-10');
    expect(view.current).toEqual(expected.current);
    expect(view.previous.street).toEqual(expected.previous.street);
    expect(view.breakdown).toEqual(expected.breakdown);
    expect(view.repeats).toHaveLength(expected.repeats.length);
    expect(view.trend[0]!.month).toBe('2024-11');
    expect(view.trend.at(-1)!.month).toBe('2026-11');
    expect(view.trend.find((t) => t.month === '2026-10')!.orders).toBe(view.current.street.orders);
    expect(view.trend.reduce((sum, t) => sum + t.orders, 0)).toBe(25005);
    expect(api.complaintMonth('2026-13')).toBeNull();
    // Narrowed to one category: its orders of the month, their positions for the heatmap.
    const parking = api.complaintMonth('2026-10', { ...NO_FILTER, category2: '停车管理' })!;
    const count = view.breakdown.category2.find((c) => c.category2 === '停车管理')!.orders;
    expect(parking.filter.category2).toBe('停车管理');
    expect(parking.current.street.orders).toBe(count);
    expect(parking.points.length).toBe(2 * count);
    expect(parking.pointRows.length).toBe(count);
    expect(parking.trend.find((t) => t.month === '2026-10')!.orders).toBe(count);
    expect(parking.categoryTree.flatMap((c) => c.children.map((d) => d.name))).toContain('供暖');
    expect(view.points.length).toBe(2 * view.current.street.orders);
    // The hexagons hold every positioned order of the month once.
    expect(view.hexagons.counts.reduce((a, b) => a + b, 0)).toBe(view.pointRows.length);
    expect(view.hexagons.max).toBe(Math.max(...view.hexagons.counts));
  });

  it('narrows the map, breakdown and lists to a grid while the ranking keeps every grid', async () => {
    const api = await sampleApi();
    const all = api.complaintMonth('2026-10')!;
    const busiest = [...all.current.grids].sort((a, b) => b.orders - a.orders)[0]!;
    const grid = api.complaintMonth('2026-10', {
      ...NO_FILTER,
      area: { kind: 'grid', id: busiest.id },
    })!;
    expect(grid.current.grids).toEqual(all.current.grids);
    expect(grid.breakdown.orders).toBe(busiest.orders);
    expect(grid.breakdown.source.reduce((sum, c) => sum + c.orders, 0)).toBe(busiest.orders);
    expect(grid.pointRows.length).toBeLessThanOrEqual(busiest.orders);
    expect(grid.overdue.count).toBe(busiest.overdue);
    // Overdue only: every order listed is overdue, as many as the month's figures count.
    const overdue = api.complaintMonth('2026-10', { ...NO_FILTER, overdueOnly: true })!;
    expect(overdue.current.street.orders).toBe(all.current.street.overdue);
    expect(overdue.overdue.orders.every((o) => o.lateHours! > 0)).toBe(true);
    // A clicked point's details: the order of that row, in the grid the plan puts it in.
    const row = grid.pointRows[0]!;
    const details = api.orderDetails(row, grid.period.end)!;
    expect(details.row).toBe(row);
    expect(details.gridId).toBe(busiest.id);
    expect(api.orderDetails(-1, 0)).toBeNull();
  });

  it('plays back months with a colour scale fixed over the frames', async () => {
    const api = await sampleApi();
    const request = {
      first: '2026-08',
      last: '2026-10',
      step: 'month' as const,
      mode: 'moving' as const,
      filter: NO_FILTER,
      radiusM: 100,
    };
    const plan = api.startPlayback(request);
    expect(plan.frames.map((f) => f.label)).toEqual(['2026-08', '2026-09', '2026-10']);
    const frames = [0, 1, 2].map((i) => api.playbackFrame(i)!);
    const months = ['2026-08', '2026-09', '2026-10'].map((m) => api.complaintMonth(m)!);
    frames.forEach((frame, i) => {
      expect(frame.orders).toBe(months[i]!.pointRows.length);
      expect(frame.hexagons.counts).toEqual(months[i]!.hexagons.counts);
    });
    expect(plan.domain).toBe(Math.max(...frames.map((f) => f.hexagons.max)));
    expect(api.playbackFrame(3)).toBeNull();
    // Cumulative: the last frame holds every frame's orders.
    api.startPlayback({ ...request, mode: 'cumulative' });
    expect(api.playbackFrame(2)!.orders).toBe(frames.reduce((sum, f) => sum + f.orders, 0));
  });

  it('adds an imported export’s orders once, however often it is imported', async () => {
    const api = await sampleApi();
    const before = api.complaintMonth('2026-10')!.current.street.orders;
    const file = new Blob([readFileSync(GBK)]);
    const first = await api.importOrders('orders-gbk-gcj02.csv', file, 'auto');
    expect(first).toMatchObject({ encoding: 'gbk', system: 'GCJ02', counts: { imported: 15 } });
    expect(first.rowProblems.map((p) => p.row)).toEqual([15, 16, 18, 19, 20]);
    expect(api.complaintMonth('2026-10')!.current.street.orders).toBe(before + 15);
    const again = await api.importOrders('orders-gbk-gcj02.csv', file, 'auto');
    expect(again.counts).toMatchObject({ imported: 0, duplicates: 16 });
    expect(again.totalOrders).toBe(first.totalOrders);
    expect(api.complaintMonth('2026-10')!.current.street.orders).toBe(before + 15);
  });

  it('tells the rows read as a large import goes', async () => {
    const api = await sampleApi();
    const lines = ['工单号,受理时间,二级分类,经度,纬度'];
    for (let i = 0; i < 45_000; i++)
      lines.push(`P${i},2026/10/${1 + (i % 17)} 9:00,供暖,116.306,39.8485`);
    const reports: [number, number][] = [];
    const imported = await api.importOrders(
      'large.csv',
      new Blob([lines.join('\n')]),
      'WGS84',
      (rows, estimated) => void reports.push([rows, estimated]),
    );
    expect(imported.counts.imported).toBe(45_000);
    expect(reports).toEqual([
      [20_000, 45_001],
      [40_000, 45_001],
      [45_001, 45_001],
    ]);
  });

  it('counts the same orders in the grids of another plan', async () => {
    const api = await sampleApi();
    const today = api.complaintMonth('2026-10')!;
    api.suggestPlan();
    const switched = await api.acceptSuggestion('建议方案');
    expect(switched?.ok).toBe(true);
    const redrawn = api.complaintMonth('2026-10')!;
    expect(redrawn.current.grids).toHaveLength(47);
    expect(redrawn.current.street.orders).toBe(today.current.street.orders);
    const inGrids = redrawn.current.grids.reduce((sum, g) => sum + g.orders, 0);
    expect(inGrids + redrawn.current.outsideGrids).toBe(redrawn.current.street.orders);
    // The overfull grid was split: its orders are now shared with the grid split off it.
    const big = (view: typeof today) => view.current.grids.find((g) => g.id === '110106090005003')!;
    const todayIds = new Set(today.current.grids.map((g) => g.id));
    const added = redrawn.current.grids.filter((g) => !todayIds.has(g.id));
    expect(added).toHaveLength(1);
    expect(added[0]!.orders).toBeGreaterThan(0);
    expect(big(redrawn).orders).toBeLessThan(big(today).orders);
  });
});
