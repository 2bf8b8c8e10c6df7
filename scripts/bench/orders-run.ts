/**
 * `npm run bench -- --orders`: 1,000,000 generated work orders on the generated district, written
 * as a CSV export (Chinese headers, slash dates) and then imported and aggregated as the app and
 * `npm run orders` do: the bytes decoded and parsed, each row read, the coordinate system judged,
 * every order placed at its building and grid, the columns built, and one assessment month
 * analysed (with the month before, the year before, categories and repeat complaints). The
 * baseline, measured in the same run, is cutting the same text into rows alone (d3-dsv, as the
 * import does), which every import must do. Then a playback of twelve months over the same
 * orders, as the worker runs it: its time index and hexagon bins, its fixed colour scale, and one
 * step, against one pass over every order. Prints Markdown tables and one JSON line.
 */
import { csvParseRows } from 'd3-dsv';
import { shiftMonth } from '../../src/analysis/complaints/assessment-period.ts';
import { orderMonths } from '../../src/analysis/complaints/monthly-orders.ts';
import { NO_FILTER, orderMask } from '../../src/analysis/complaints/order-filter.ts';
import { OrderTableBuilder } from '../../src/analysis/complaints/order-table.ts';
import {
  analyseMonth,
  complaintGrids,
  orderPlacerFor,
} from '../../src/analysis/complaints/street-orders.ts';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { importOrderRows } from '../../src/io/orders/import-orders.ts';
import { decodeText, readCsvRows } from '../../src/io/orders/read-table.ts';
import { OrderIndexes, Playback } from '../../src/workers/complaint-views.ts';
import { generateBench } from './generate.ts';
import { median, peakRssMb, timed } from './measure.ts';
import { ordersCsv } from './order-export.ts';
import { SCALES } from './scales.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const log = (text: string): void => void process.stderr.write(`[orders] ${text}\n`);

const settings = DEFAULT_SETTINGS;
const { input } = generateBench(SCALES.district);
const buildings = input.buildings;
const bytes = new TextEncoder().encode(ordersCsv(buildings, ORDERS));
log(`${ORDERS.toLocaleString('en-US')} orders, ${(bytes.length / 1e6).toFixed(0)} MB of CSV`);

const report = new CoverageEngine(input, settings).report();
const street = timed(() => orderPlacerFor(buildings, input.grids, report));
const baseline = timed(() => csvParseRows(decodeText(bytes)).length);
log(`baseline (rows cut alone): ${baseline.ms.toFixed(0)} ms`);

const builder = new OrderTableBuilder();
const read = timed(() => readCsvRows(bytes));
const imported = timed(() =>
  importOrderRows('orders.csv', read.value, street.value, builder, { settings, system: 'auto' }),
);
const columns = timed(() => builder.build());
const table = columns.value;
const month = orderMonths(table, settings)!.lastComplete;
const analysed = timed(() =>
  analyseMonth(
    table,
    Int32Array.from(imported.value.grids),
    complaintGrids(input.grids, report),
    month,
    settings,
  ),
);
const totalMs = read.ms + imported.ms + columns.ms + analysed.ms;

// The playback over the same orders: the time index and hexagon bins built once, the fixed scale
// of twelve monthly frames, then one step (a moving month, the cumulative last month, a day). The
// baseline of a step is one pass over every order (a category filter's mask), which a step avoids.
const orderGrid = Int32Array.from(imported.value.grids);
const grids = complaintGrids(input.grids, report);
const [west, south] = input.buildings[0]!.geometry.coordinates[0]![0]!;
const indexes = new OrderIndexes(table, [west!, south!]);
const context = {
  table,
  orderGrid,
  grids,
  buildingIdOf: (b: number) => buildings[b]?.properties.id,
  settings,
  indexes,
};
const indexed = timed(() => [indexes.time, indexes.bins(100)]);
const request = (mode: 'moving' | 'cumulative', step: 'month' | 'day') => ({
  first: shiftMonth(month, -11),
  last: month,
  step,
  mode,
  filter: NO_FILTER,
  radiusM: 100,
});
const moving = timed(() => new Playback(context, request('moving', 'month')));
const cumulative = new Playback(context, request('cumulative', 'month'));
const daily = new Playback(context, request('moving', 'day'));
/** A step from the frame before to `frame`, as a viewer stepping forward makes it. */
const step = (playback: Playback, frame: number) =>
  median(
    [0, 1, 2, 3, 4].map(() => {
      playback.frame(frame - 1);
      return timed(() => playback.frame(frame)).ms;
    }),
  );
const fullPass = median(
  [0, 1, 2].map(
    () =>
      timed(() =>
        orderMask(table, { ...NO_FILTER, category2: '供暖' }, { orderGrid, grids, asOf: 0 }),
      ).ms,
  ),
);
const playback = {
  indexMs: indexed.ms,
  prepareMs: moving.ms,
  monthStepMs: step(moving.value, 11),
  cumulativeStepMs: step(cumulative, 11),
  dayStepMs: step(daily, daily.plan.frames.length - 1),
  fullPassMs: fullPass,
  domain: moving.value.plan.domain,
};
log(`playback: ${JSON.stringify(playback)}`);
const figures = {
  orders: ORDERS,
  csvMb: bytes.length / 1e6,
  readMs: read.ms,
  importMs: imported.ms,
  columnsMs: columns.ms,
  analyseMs: analysed.ms,
  totalMs,
  baselineMs: baseline.ms,
  placerMs: street.ms,
  peakRssMb: peakRssMb(),
  imported: imported.value.counts.imported,
  unplaced: imported.value.counts.unplaced,
  month,
  monthOrders: analysed.value.current.street.orders,
  compositeScore: analysed.value.current.street.compositeScore,
  playback,
};
const n = (v: number, digits = 0) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  [
    '| orders | CSV | decode | rows cut, read, placed | columns | month analysed | **import and aggregate** | rows cut alone (total ÷ it) | peak RSS |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${n(ORDERS)} | ${n(figures.csvMb)} MB | ${n(read.ms)} ms | ${n(imported.ms)} ms | ${n(columns.ms)} ms | ${n(analysed.ms)} ms | **${n(totalMs / 1000, 2)} s** | ${n(baseline.ms)} ms (${n(totalMs / baseline.ms, 1)}×) | ${n(figures.peakRssMb)} MB |`,
    '',
    '| playback over the same orders | index and bins (once) | fixed scale of 12 monthly frames | step: a month | step: cumulative 12 months | step: a day | one pass over every order (step ÷ it) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| ${n(ORDERS)} orders, hexagons of 100 m | ${n(playback.indexMs)} ms | ${n(playback.prepareMs)} ms | ${n(playback.monthStepMs, 1)} ms | ${n(playback.cumulativeStepMs, 1)} ms | ${n(playback.dayStepMs, 2)} ms | ${n(playback.fullPassMs, 1)} ms (${n(playback.cumulativeStepMs / playback.fullPassMs, 2)}×) |`,
  ].join('\n'),
);
console.log(JSON.stringify(figures));
