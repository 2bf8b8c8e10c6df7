/**
 * `npm run bench -- --orders`: 1,000,000 generated work orders on the generated district, written
 * as a CSV export (Chinese headers, slash dates) and then imported and aggregated as the app and
 * `npm run orders` do: the bytes decoded and parsed, each row read, the coordinate system judged,
 * every order placed at its building and grid, the columns built, and one assessment month
 * analysed (with the month before, the year before, categories and repeat complaints). The
 * baseline, measured in the same run, is cutting the same text into rows alone (d3-dsv, as the
 * import does), which every import must do. Prints a Markdown table and one JSON line.
 */
import { csvParseRows } from 'd3-dsv';
import { orderMonths } from '../../src/analysis/complaints/monthly-orders.ts';
import { OrderTableBuilder } from '../../src/analysis/complaints/order-table.ts';
import {
  analyseMonth,
  complaintGrids,
  orderPlacerFor,
} from '../../src/analysis/complaints/street-orders.ts';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import type { BuildingFeature } from '../../src/domain/types.ts';
import { importOrderRows } from '../../src/io/orders/import-orders.ts';
import { decodeText, readCsvRows } from '../../src/io/orders/read-table.ts';
import { createRandom, type Random } from '../sample/random.ts';
import { generateBench } from './generate.ts';
import { peakRssMb, timed } from './measure.ts';
import { SCALES } from './scales.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const log = (text: string): void => void process.stderr.write(`[orders] ${text}\n`);

const CATEGORIES = [
  ['城乡建设', '供暖', '暖气不热'],
  ['城乡建设', '供水', '停水'],
  ['交通管理', '停车管理', '占道停车'],
  ['住房', '物业服务', '物业不作为'],
  ['环境保护', '噪声扰民', '施工噪声'],
  ['环境保护', '垃圾清运', '垃圾满溢'],
  ['社区管理', '楼道堆物', '楼道堆放杂物'],
  ['城市管理', '市政设施', '路灯不亮'],
] as const;

const START = Date.parse('2024-11-01T00:00:00+08:00');
const SPAN = Date.parse('2026-11-01T00:00:00+08:00') - START;

function slashTime(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${p(d.getUTCMinutes())}`;
}

/** A point inside a building's footprint: the middle of its first two vertices' diagonal. */
function inside(b: BuildingFeature, rng: Random): [number, number] {
  const ring = b.geometry.coordinates[0]!;
  const [a, c] = [ring[0]!, ring[2]!];
  const t = rng.float(0.3, 0.7);
  return [a[0]! + (c[0]! - a[0]!) * t, a[1]! + (c[1]! - a[1]!) * t];
}

function ordersCsv(buildings: readonly BuildingFeature[], rng: Random): string {
  const lines = [
    '工单编号,来电时间,诉求来源,一级分类,二级分类,三级分类,经度,纬度,办结时间,状态,是否回访,是否联系,是否解决,满意度',
  ];
  for (let i = 0; i < ORDERS; i++) {
    const created = START + Math.floor(rng.next() * SPAN);
    const [c1, c2, c3] = rng.pick(CATEGORIES);
    const [lng, lat] = inside(rng.pick(buildings), rng);
    const open = rng.chance(0.03);
    const closed = open ? '' : slashTime(created + rng.int(1, 400) * 3_600_000);
    const visited = !open && rng.chance(0.7);
    const satisfaction = visited
      ? rng.weighted(['满意', '基本满意', '不满意'], [0.75, 0.15, 0.1])
      : '';
    lines.push(
      `${9_000_000_000 + i},${slashTime(created)},12345市民热线,${c1},${c2},${c3},${lng.toFixed(6)},${lat.toFixed(6)},${closed},${open ? '处理中' : '已办结'},${visited ? '是' : '否'},${rng.chance(0.97) ? '是' : '否'},${rng.chance(0.85) ? '是' : '否'},${satisfaction}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const settings = DEFAULT_SETTINGS;
const { input } = generateBench(SCALES.district);
const buildings = input.buildings;
const bytes = new TextEncoder().encode(ordersCsv(buildings, createRandom(7)));
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
};
const n = (v: number, digits = 0) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  [
    '| orders | CSV | decode | rows cut, read, placed | columns | month analysed | **import and aggregate** | rows cut alone (total ÷ it) | peak RSS |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${n(ORDERS)} | ${n(figures.csvMb)} MB | ${n(read.ms)} ms | ${n(imported.ms)} ms | ${n(columns.ms)} ms | ${n(analysed.ms)} ms | **${n(totalMs / 1000, 2)} s** | ${n(baseline.ms)} ms (${n(totalMs / baseline.ms, 1)}×) | ${n(figures.peakRssMb)} MB |`,
  ].join('\n'),
);
console.log(JSON.stringify(figures));
