/** About 25,000 seasonal work orders (诉求工单), 2024-11 to 2026-10, with closing and 三率 fields. */
import { limitClassOf, limitMs } from '../../src/analysis/complaints/time-limits.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import type {
  Satisfaction,
  WorkOrderProperties,
  WorkOrderSource,
  WorkOrderStatus,
} from '../../src/domain/types.ts';
import type { Building, DoorNumber } from './buildings.ts';
import { edgePoint } from './facilities.ts';
import type { Vec } from './frame.ts';
import { add, scale, signedArea, sub } from './geometry.ts';
import { compoundRing, type Compound } from './layout.ts';
import { RESIDENTIAL_KINDS } from './plan.ts';
import type { Random } from './random.ts';
import {
  CATEGORIES,
  PROPERTY_FACTOR,
  PROPERTY_RESOLUTION,
  SOURCES,
  type Category3,
  type CategorySpec,
} from './work-order-categories.ts';

/** A work order before it is written. */
export interface WorkOrder {
  at: Vec;
  properties: WorkOrderProperties;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;

/** First and last instants of the period (Beijing time), and the number of orders aimed at. */
export const PERIOD = {
  start: Date.UTC(2024, 10, 1) - BEIJING,
  end: Date.UTC(2026, 10, 1) - BEIJING,
  months: 24,
  orders: 25_000,
} as const;

/** Days of summer rainstorms (Beijing dates), when waterlogging calls bunch up. */
export const STORM_DAYS = [
  '2025-06-27',
  '2025-07-14',
  '2025-07-30',
  '2025-08-06',
  '2025-08-19',
  '2026-06-22',
  '2026-07-09',
  '2026-07-25',
  '2026-08-03',
  '2026-08-15',
] as const;

const HOUR_WEIGHTS = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.4, 2.2, 2.4, 2.2, 1.9, 1.4, 1.6, 1.9, 1.8, 1.7, 1.6, 1.5,
  1.6, 1.5, 1.2, 0.8, 0.5,
];

/**
 * An instant as ISO 8601 in Beijing time, e.g. 2025-01-07T09:14:03+08:00.
 * @example
 * beijingTime(Date.UTC(2024, 10, 1) - 8 * 3600000); // '2024-11-01T00:00:00+08:00'
 */
export function beijingTime(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + BEIJING);
  const p = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}` +
    `T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}+08:00`
  );
}

/** Cumulative weights for fast weighted draws. */
class Sampler<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];
  constructor(entries: Iterable<[T, number]>) {
    let total = 0;
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
  }
  get size(): number {
    return this.items.length;
  }
  draw(rng: Random): T {
    const r = rng.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/**
 * Generates the work orders, sorted by creation time, with 工单号 yymmdd + a daily serial.
 * @example
 * generateWorkOrders({ buildings, compounds, doors }, rng).length; // ≈25,000
 */
export function generateWorkOrders(
  ctx: {
    buildings: readonly Building[];
    compounds: readonly Compound[];
    doors: ReadonlyMap<string, DoorNumber>;
  },
  rng: Random,
): WorkOrder[] {
  const samplers = buildingSamplers(ctx.buildings, rng);
  const roadSampler = new Sampler(
    ctx.compounds.map((c): [Compound, number] => [
      c,
      signedArea(compoundRing(c)) * (RESIDENTIAL_KINDS.includes(c.kind) ? 1.5 : 1),
    ]),
  );
  const expected = expectedCounts();
  const storms = STORM_DAYS.map((d) => Date.parse(`${d}T00:00:00+08:00`));
  const hours = HOUR_WEIGHTS.map((_, h) => h);
  const drafts: Draft[] = [];
  for (let m = 0; m < PERIOD.months; m++) {
    const monthStart = monthStartMs(m);
    const days = Math.round((monthStartMs(m + 1) - monthStart) / DAY);
    CATEGORIES.forEach((cat, ci) => {
      const mean = expected[m]?.[ci] ?? 0;
      const count = Math.floor(mean) + (rng.chance(mean - Math.floor(mean)) ? 1 : 0);
      for (let k = 0; k < count; k++) {
        const item = rng.weighted(
          cat.items,
          cat.items.map((x) => x.weight),
        );
        const day = pickDay(cat, monthStart, days, storms, rng);
        const created = day + rng.weighted(hours, HOUR_WEIGHTS) * HOUR + rng.int(0, 3599) * 1000;
        const sampler = samplers.get(item);
        const place =
          item.road || !sampler
            ? onRoad(roadSampler.draw(rng), ctx.doors, rng)
            : atBuilding(sampler.draw(rng), rng);
        drafts.push({ created, cat, item, ...place });
      }
    });
  }
  drafts.sort((a, b) => a.created - b.created);

  const serials = new Map<string, number>();
  return drafts.map((d): WorkOrder => {
    const created = beijingTime(d.created);
    const dayKey = created.slice(2, 4) + created.slice(5, 7) + created.slice(8, 10);
    const serial = (serials.get(dayKey) ?? rng.int(1, 600)) + rng.int(1, 2400);
    serials.set(dayKey, serial);
    const id = dayKey + String(serial).padStart(6, '0');
    return { at: d.at, properties: describeOrder(id, d, rng) };
  });
}

/** An order before its id, times and answers are drawn. */
interface Draft {
  created: number;
  cat: CategorySpec;
  item: Category3;
  at: Vec;
  address: string;
  building?: Building;
}

/** For every building-located third-level category, a weighted draw of buildings. */
function buildingSamplers(
  buildings: readonly Building[],
  rng: Random,
): Map<Category3, Sampler<Building>> {
  const hot = new Map(buildings.map((b) => [b.id, Math.exp(0.5 * rng.normal())]));
  const samplers = new Map<Category3, Sampler<Building>>();
  for (const cat of CATEGORIES) {
    for (const item of cat.items) {
      if (item.road) continue;
      const sampler = new Sampler(
        buildings.map((b): [Building, number] => [b, buildingWeight(b, cat, item, hot, rng)]),
      );
      if (sampler.size > 0) samplers.set(item, sampler);
    }
  }
  return samplers;
}

/** A point on the road surface beside a compound (1.5–6 m in from the centre line). */
function onRoad(
  c: Compound,
  doors: ReadonlyMap<string, DoorNumber>,
  rng: Random,
): { at: Vec; address: string } {
  const weights = c.edges.map((e) =>
    e.roadClass === 'minor' ? 1 : e.roadClass === 'secondary' ? 2 : 3,
  );
  const side = rng.weighted([0, 1, 2, 3], weights);
  const door = doors.get(c.key) as DoorNumber;
  const road = c.edges[side]?.name ?? door.road;
  const address =
    road === door.road
      ? `${door.road}${door.no}号院门前`
      : `${road}（近${door.road}${door.no}号院）`;
  return { at: edgePoint(c, side, rng.float(0.05, 0.95), rng.float(1.5, 6)), address };
}

/** A point inside a building's footprint. */
function atBuilding(b: Building, rng: Random): { at: Vec; address: string; building: Building } {
  const [p0, p1, , p3] = b.ring as [Vec, Vec, Vec, Vec];
  const along = scale(sub(p1, p0), rng.float(-0.35, 0.35));
  const across = scale(sub(p3, p0), rng.float(-0.3, 0.3));
  return { at: add(b.center, add(along, across)), address: b.address, building: b };
}

/** Source, due and closing times, status and the follow-up answers of an order. */
function describeOrder(id: string, d: Draft, rng: Random): WorkOrderProperties {
  const source = rng.weighted(SOURCES, d.cat.sources) as WorkOrderSource;
  const limitClass = limitClassOf(d.cat.category2, d.item.name);
  const limit = limitMs(limitClass, DEFAULT_SETTINGS);
  const property = d.building?.spec.property;
  const onTime =
    0.93 +
    (property ? PROPERTY_RESOLUTION[property] : 0.02) -
    (limitClass === 'complex' ? 0.05 : 0);
  const delay = rng.chance(onTime)
    ? Math.max(10 * 60_000, limit * (0.04 + 0.9 * rng.next() ** 1.6))
    : limit * (1.02 + 1.3 * rng.next() ** 2);
  const closed = d.created + delay;
  const open = closed >= PERIOD.end;
  let status: WorkOrderStatus = '办结';
  if (open) {
    const progress = (PERIOD.end - d.created) / delay;
    status =
      progress < 0.1
        ? '受理'
        : progress < 0.25
          ? '派单'
          : progress < 0.8
            ? '办理'
            : progress < 0.95
              ? '反馈'
              : '回访';
  }
  const followRate =
    source === '12345热线' ? 0.92 : source === '居民群' ? 0.45 : source === '网格巡查' ? 0.05 : 0;
  const followedUp = !open && rng.chance(followRate);
  const contacted = open ? status !== '受理' && rng.chance(0.85) : rng.chance(0.975);
  const resolvedRate =
    d.cat.resolved + (property ? PROPERTY_RESOLUTION[property] : 0) + (contacted ? 0.02 : -0.3);
  const resolved = !open && rng.chance(resolvedRate);
  let satisfaction: Satisfaction | null = null;
  if (followedUp) {
    satisfaction = resolved
      ? rng.weighted(['满意', '基本满意', '不满意'] as const, [0.8, 0.15, 0.05])
      : rng.weighted(['满意', '基本满意', '不满意'] as const, [0.12, 0.33, 0.55]);
  }
  const props: WorkOrderProperties = {
    id,
    source,
    category1: d.cat.category1,
    category2: d.cat.category2,
    category3: d.item.name,
    createdAt: beijingTime(d.created),
    dueAt: beijingTime(d.created + limit),
    closedAt: open ? null : beijingTime(closed),
    status,
    followedUp,
    contacted,
    resolved,
    satisfaction,
    address: d.address,
  };
  if (d.building) props.buildingId = d.building.id;
  return props;
}

function buildingWeight(
  b: Building,
  cat: CategorySpec,
  item: Category3,
  hot: ReadonlyMap<string, number>,
  rng: Random,
): number {
  const type = b.spec.type;
  if (item.types && !item.types.includes(type)) return 0;
  if (item.properties && !item.properties.includes(b.spec.property)) return 0;
  const heat = (hot.get(b.id) ?? 1) * (rng.chance(0.05) ? 4 : 1);
  if (b.spec.households > 0) {
    return b.spec.households * PROPERTY_FACTOR[b.spec.property] * (cat.byType[type] ?? 1) * heat;
  }
  const busy = type === 'office' || type === 'market' || type === 'warehouse';
  return cat.nonResidential && busy ? cat.nonResidential * heat : 0;
}

function monthStartMs(m: number): number {
  return Date.UTC(2024, 10 + m, 1) - BEIJING;
}

/** Expected orders per month and category: share × seasonality × a slight upward trend. */
function expectedCounts(): number[][] {
  const raw = Array.from({ length: PERIOD.months }, (_, m) => {
    const month = (10 + m) % 12;
    const days = (monthStartMs(m + 1) - monthStartMs(m)) / DAY;
    return CATEGORIES.map((cat) => {
      const mean = cat.season.reduce((a, b) => a + b, 0) / 12;
      return (
        (cat.share * ((cat.season[month] as number) / mean) * (1 + 0.08 * (m / 23)) * days) / 30.44
      );
    });
  });
  const total = raw.flat().reduce((a, b) => a + b, 0);
  return raw.map((row) => row.map((x) => (x * PERIOD.orders) / total));
}

/**
 * A day of the month (its Beijing midnight): heating calls cluster after 15 November and before
 * 15 March, drainage calls on storm days, weekends are a little quieter.
 */
function pickDay(
  cat: CategorySpec,
  monthStart: number,
  days: number,
  storms: readonly number[],
  rng: Random,
): number {
  const month = new Date(monthStart + BEIJING).getUTCMonth();
  if (cat.category2 === '排水') {
    const inMonth = storms.filter((s) => s >= monthStart && s < monthStart + days * DAY);
    if (inMonth.length > 0 && rng.chance(0.65)) return rng.pick(inMonth);
  }
  const weights = Array.from({ length: days }, (_, i) => {
    const weekday = new Date(monthStart + i * DAY + BEIJING).getUTCDay();
    let w = weekday === 0 || weekday === 6 ? 0.85 : 1;
    if (cat.category2 === '供暖' && month === 10) w *= i >= 14 ? 2.2 : 0.4;
    if (cat.category2 === '供暖' && month === 2) w *= i < 15 ? 1.6 : 0.2;
    return w;
  });
  const day = rng.weighted(
    weights.map((_, i) => i),
    weights,
  );
  return monthStart + day * DAY;
}
