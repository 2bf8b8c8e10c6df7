/** Building types: footprint sizes, storeys, units, households, year built, management. */
import type { PropertyManagement } from '../../src/domain/types.ts';
import type { CompoundKind } from './plan.ts';
import type { Random } from './random.ts';

/** What a building is. */
export type BuildingType =
  | 'walkup'
  | 'tower'
  | 'bungalow'
  | 'lowrise'
  | 'office'
  | 'warehouse'
  | 'market'
  | 'school'
  | 'hospital'
  | 'park'
  | 'annex'
  | 'service';

/** A building before it is placed: size and the figures of its properties. */
export interface BuildingSpec {
  type: BuildingType;
  length: number;
  depth: number;
  floors: number;
  units: number;
  households: number;
  yearBuilt: number;
  property: PropertyManagement;
  /** Name for non-residential buildings (e.g. 锦程小学教学楼); residential ones are numbered. */
  label?: string;
}

/** Per-compound constants shared by its buildings. */
export interface CompoundStyle {
  yearBase: number;
  property: PropertyManagement;
}

/** Row spacing used for each compound kind, in metres. */
export const ROW_STYLE: Record<
  CompoundKind,
  { minPitch: number; minGap: number; maxGap: number; spread: number; jitterDeg: number }
> = {
  walkup: { minPitch: 34, minGap: 8, maxGap: 28, spread: 0.85, jitterDeg: 2 },
  tower: { minPitch: 55, minGap: 18, maxGap: 60, spread: 0.8, jitterDeg: 4 },
  bungalow: { minPitch: 19, minGap: 1.5, maxGap: 4, spread: 1, jitterDeg: 1.5 },
  lowrise: { minPitch: 26, minGap: 8, maxGap: 25, spread: 0.9, jitterDeg: 3 },
  office: { minPitch: 45, minGap: 15, maxGap: 50, spread: 0.6, jitterDeg: 2 },
  warehouse: { minPitch: 45, minGap: 10, maxGap: 30, spread: 0.7, jitterDeg: 1 },
  market: { minPitch: 50, minGap: 12, maxGap: 40, spread: 0.6, jitterDeg: 2 },
  school: { minPitch: 35, minGap: 12, maxGap: 40, spread: 0.6, jitterDeg: 1 },
  hospital: { minPitch: 40, minGap: 12, maxGap: 40, spread: 0.6, jitterDeg: 1 },
  park: { minPitch: 60, minGap: 40, maxGap: 120, spread: 0.5, jitterDeg: 8 },
  green: { minPitch: 60, minGap: 40, maxGap: 120, spread: 0.5, jitterDeg: 8 },
};

/**
 * Compound-wide year and management for a compound kind.
 * @example
 * compoundStyle('tower', rng); // { yearBase: 2009, property: '物业' }
 */
export function compoundStyle(kind: CompoundKind, rng: Random): CompoundStyle {
  switch (kind) {
    case 'walkup':
      return {
        yearBase: rng.int(1981, 1996),
        property: rng.weighted(['无物业', '产权单位自管', '准物业'] as const, [0.45, 0.3, 0.25]),
      };
    case 'tower':
      return { yearBase: rng.int(2002, 2015), property: '物业' };
    case 'bungalow':
      return { yearBase: rng.int(1952, 1972), property: '无物业' };
    case 'lowrise':
      return {
        yearBase: rng.int(1966, 1988),
        property: rng.weighted(['产权单位自管', '准物业', '无物业'] as const, [0.5, 0.3, 0.2]),
      };
    case 'office':
      return { yearBase: rng.int(1999, 2016), property: '物业' };
    case 'market':
      return { yearBase: rng.int(1995, 2012), property: '物业' };
    case 'warehouse':
      return { yearBase: rng.int(1962, 1990), property: '产权单位自管' };
    case 'school':
      return { yearBase: rng.int(1975, 2000), property: '产权单位自管' };
    case 'hospital':
      return { yearBase: rng.int(1985, 2005), property: '产权单位自管' };
    case 'park':
    case 'green':
      return { yearBase: rng.int(1995, 2010), property: '产权单位自管' };
  }
}

/**
 * One residential building of a compound kind; `maxHouseholds` caps it (smaller variants are
 * tried), returning null when even the smallest would not fit.
 * @example
 * residentialSpec('walkup', style, rng, 500); // e.g. 6 storeys × 4 units × 2 = 48 households
 */
export function residentialSpec(
  kind: CompoundKind,
  style: CompoundStyle,
  rng: Random,
  maxHouseholds: number,
): BuildingSpec | null {
  for (let attempt = 0; attempt < 6; attempt++) {
    const spec = drawResidential(kind, style, rng, attempt);
    if (spec && spec.households <= maxHouseholds) return spec;
  }
  return null;
}

function drawResidential(
  kind: CompoundKind,
  style: CompoundStyle,
  rng: Random,
  attempt: number,
): BuildingSpec | null {
  const year = (spread: number): number => style.yearBase + rng.int(-spread, spread);
  switch (kind) {
    case 'walkup': {
      const units = Math.max(2, rng.weighted([2, 3, 4, 5], [0.06, 0.34, 0.4, 0.2]) - attempt);
      const floors = rng.weighted([6, 5, 7], [0.8, 0.14, 0.06]);
      return {
        type: 'walkup',
        length: round1(units * rng.float(12.5, 14.5)),
        depth: round1(rng.float(10, 12)),
        floors,
        units,
        households: units * floors * 2,
        yearBuilt: Math.min(1998, year(2)),
        property: style.property,
      };
    }
    case 'tower': {
      const units = Math.max(1, rng.weighted([1, 2, 3], [0.3, 0.5, 0.2]) - Math.floor(attempt / 2));
      const perFloor = units === 1 ? rng.int(6, 8) : units === 2 ? rng.int(4, 6) : 4;
      const floors = Math.max(18, rng.int(18, 28) - attempt * 2);
      const length =
        units === 1 ? rng.float(25, 30) : units === 2 ? rng.float(30, 36) : rng.float(36, 40);
      return {
        type: 'tower',
        length: round1(length),
        depth: round1(rng.float(15, 20)),
        floors,
        units,
        households: floors * units * perFloor,
        yearBuilt: year(1),
        property: '物业',
      };
    }
    case 'bungalow': {
      const households = rng.weighted(
        [1, 2, 3, 4, 5, 6, 7],
        [0.04, 0.1, 0.2, 0.24, 0.2, 0.12, 0.1],
      );
      return {
        type: 'bungalow',
        length: round1(rng.float(13, 20)),
        depth: round1(rng.float(10, 14)),
        floors: 1,
        units: 1,
        households: Math.max(1, households - attempt),
        yearBuilt: year(8),
        property: rng.chance(0.1) ? '产权单位自管' : style.property,
      };
    }
    case 'lowrise': {
      const units = rng.weighted([2, 3], [0.4, 0.6]);
      const floors = Math.max(2, rng.weighted([2, 3, 4], [0.15, 0.35, 0.5]) - attempt);
      return {
        type: 'lowrise',
        length: round1(units * rng.float(13, 16)),
        depth: round1(rng.float(10, 12)),
        floors,
        units,
        households: units * floors * 2,
        yearBuilt: year(3),
        property: style.property,
      };
    }
    default:
      return null;
  }
}

const ROLES: Partial<Record<CompoundKind, readonly string[]>> = {
  office: ['A座', 'B座', 'C座', 'D座', 'E座', 'F座', 'G座', 'H座'],
  warehouse: [
    '办公楼',
    '1号库房',
    '2号库房',
    '3号库房',
    '4号库房',
    '5号库房',
    '6号库房',
    '7号库房',
    '8号库房',
  ],
  market: ['主楼', '东厅', '西厅', '北厅', '南厅'],
  school: ['教学楼', '综合楼', '体育馆', '食堂', '实验楼', '图书馆'],
  hospital: [
    '门诊楼',
    '住院楼',
    '医技楼',
    '急诊楼',
    '行政楼',
    '康复楼',
    '后勤楼',
    '科研楼',
    '体检中心',
    '感染楼',
  ],
  park: ['管理处', '茶社', '公厕', '花房'],
  green: ['公厕'],
};

/** How many buildings an institution compound gets. */
function institutionCount(kind: CompoundKind, rng: Random): number {
  switch (kind) {
    case 'office':
      return rng.int(2, 4);
    case 'warehouse':
      return rng.int(3, 5);
    case 'market':
      return rng.int(1, 3);
    case 'school':
      return 4;
    case 'hospital':
      return 5;
    case 'park':
      return 3;
    case 'green':
      return rng.int(0, 1);
    default:
      return 0;
  }
}

/**
 * The non-residential buildings of an institution compound (school, hospital, office park …),
 * named after `institution`; `offset` skips the roles an earlier compound of the same
 * institution already took, so no two of its buildings share a name.
 * @example
 * institutionSpecs('school', '锦程小学', style, rng).map((s) => s.label); // ['锦程小学教学楼', …]
 */
export function institutionSpecs(
  kind: CompoundKind,
  institution: string,
  style: CompoundStyle,
  rng: Random,
  offset = 0,
): BuildingSpec[] {
  const roles = ROLES[kind] ?? [];
  const count = institutionCount(kind, rng);
  if (offset + count > roles.length)
    throw new RangeError(`too many ${kind} buildings for ${institution}`);
  return roles.slice(offset, offset + count).map((role): BuildingSpec => {
    const base = {
      units: 1,
      households: 0,
      yearBuilt: style.yearBase + rng.int(0, 6),
      property: style.property,
    };
    const label = `${institution}${role}`;
    const size = (min: number, max: number): number => round1(rng.float(min, max));
    switch (kind) {
      case 'office':
        return {
          type: 'office',
          length: size(40, 65),
          depth: size(18, 24),
          floors: rng.int(6, 16),
          ...base,
          label,
        };
      case 'warehouse':
        return role === '办公楼'
          ? { type: 'warehouse', length: size(30, 40), depth: 12, floors: 3, ...base, label }
          : {
              type: 'warehouse',
              length: size(50, 85),
              depth: size(20, 30),
              floors: rng.int(1, 2),
              ...base,
              label,
            };
      case 'market':
        return {
          type: 'market',
          length: size(55, 85),
          depth: size(25, 38),
          floors: rng.int(1, 3),
          ...base,
          label,
        };
      case 'school':
        return {
          type: 'school',
          length: size(40, 70),
          depth: size(14, 18),
          floors: role === '教学楼' ? 5 : rng.int(2, 4),
          ...base,
          label,
        };
      case 'hospital':
        return {
          type: 'hospital',
          length: size(45, 70),
          depth: size(16, 22),
          floors: role === '住院楼' ? rng.int(10, 14) : rng.int(3, 7),
          ...base,
          label,
        };
      default:
        return {
          type: 'park',
          length: size(10, 22),
          depth: size(6, 12),
          floors: 1,
          ...base,
          label,
        };
    }
  });
}

/**
 * A small building serving residents — 社区服务站, 幼儿园, 养老驿站, 卫生服务站, or an annex such
 * as a boiler house — with no households.
 * @example
 * serviceSpec('安澜里幼儿园', style, rng).floors; // 2 or 3
 */
export function serviceSpec(
  label: string,
  style: CompoundStyle,
  rng: Random,
  annex = false,
): BuildingSpec {
  return {
    type: annex ? 'annex' : 'service',
    length: round1(annex ? rng.float(12, 20) : rng.float(24, 40)),
    depth: round1(annex ? rng.float(8, 10) : rng.float(12, 16)),
    floors: annex ? 1 : rng.int(2, 3),
    units: 1,
    households: 0,
    yearBuilt: annex ? style.yearBase : Math.max(style.yearBase, rng.int(1995, 2018)),
    property: style.property,
    label,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
