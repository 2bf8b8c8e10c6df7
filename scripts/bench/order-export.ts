/**
 * A generated 12345 export of many work orders at a street's buildings, as the benchmark and the
 * browser probe import it: Chinese headers, slash dates, eight categories, two years from
 * 2024-11-01, a few open orders and follow-up visits with their answers, positions inside the
 * footprints (WGS-84). Deterministic for a seed.
 */
import type { BuildingFeature } from '../../src/domain/types.ts';
import { createRandom, type Random } from '../sample/random.ts';

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

/** A point inside a building's footprint: on the diagonal between its first and third vertex. */
function inside(b: BuildingFeature, rng: Random): [number, number] {
  const ring = b.geometry.coordinates[0]!;
  const [a, c] = [ring[0]!, ring[2]!];
  const t = rng.float(0.3, 0.7);
  return [a[0]! + (c[0]! - a[0]!) * t, a[1]! + (c[1]! - a[1]!) * t];
}

/**
 * @example
 * const csv = ordersCsv(buildings, 1_000_000); // about 146 MB of text
 */
export function ordersCsv(buildings: readonly BuildingFeature[], count: number, seed = 7): string {
  const rng = createRandom(seed);
  const lines = [
    '工单编号,来电时间,诉求来源,一级分类,二级分类,三级分类,经度,纬度,办结时间,状态,是否回访,是否联系,是否解决,满意度',
  ];
  for (let i = 0; i < count; i++) {
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
