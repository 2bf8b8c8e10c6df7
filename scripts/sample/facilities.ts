/** Facilities (设施) as points: stations, halls, elderly care, clinics, kindergartens, bins, cameras. */
import type { Vec } from './frame.ts';
import { add, bilinear, insideConvex, insideRing, scale, sub, norm } from './geometry.ts';
import type { FacilityType } from '../../src/domain/types.ts';
import type { Building, DoorNumber } from './buildings.ts';
import { compoundRing, type Compound } from './layout.ts';
import { EW_ROADS, NS_ROADS, RESIDENTIAL_KINDS } from './plan.ts';
import type { Random } from './random.ts';

/** A facility before it is written. */
export interface Facility {
  type: FacilityType;
  name: string;
  at: Vec;
}

/** Households served by one garbage collection point. */
const HOUSEHOLDS_PER_COLLECTION_POINT = 380;

/**
 * A point `inset` metres inside edge `side` (0 west, 1 south, 2 east, 3 north) of a compound, at
 * fraction t along it.
 * @example
 * edgePoint(compound, 3, 0.5, 5); // 5 m south of the middle of the north edge
 */
export function edgePoint(c: Compound, side: number, t: number, inset: number): Vec {
  const ring = compoundRing(c);
  const a = ring[side] as Vec;
  const b = ring[(side + 1) % 4] as Vec;
  const along = add(a, scale(sub(b, a), t));
  const d = sub(b, a);
  const inward: Vec = [-d[1] / norm(d), d[0] / norm(d)];
  return add(along, scale(inward, inset));
}

/** What facility placement needs to know about the street. */
export interface FacilityContext {
  compounds: readonly Compound[];
  buildings: readonly Building[];
  doors: ReadonlyMap<string, DoorNumber>;
  nodes: readonly (readonly Vec[])[];
  /** The street outline in the local frame. */
  street: readonly Vec[];
  /** Areas where no point may fall (the fault pieces). */
  avoid: readonly (readonly Vec[])[];
}

/**
 * All facilities of the street: 社区服务站 and 议事厅 in every community and 养老驿站, 卫生服务站
 * and 幼儿园 at their buildings; 垃圾收集点 by households (198 bins merged into ≈50 points);
 * 监控探头 at compound gates, inside compounds and at crossings.
 * @example
 * generateFacilities(ctx, rng).filter((f) => f.type === '垃圾收集点').length; // ≈50
 */
export function generateFacilities(ctx: FacilityContext, rng: Random): Facility[] {
  const clear = (p: Vec): boolean =>
    insideRing(ctx.street, p) && ctx.avoid.every((ring) => !insideConvex(ring, p));
  const householdsOf = new Map<string, number>();
  for (const b of ctx.buildings) {
    householdsOf.set(b.compound.key, (householdsOf.get(b.compound.key) ?? 0) + b.spec.households);
  }
  const out = serviceFacilities(ctx.buildings);
  for (const c of ctx.compounds) {
    const door = ctx.doors.get(c.key) as DoorNumber;
    const households = householdsOf.get(c.key) ?? 0;
    out.push(...collectionPoints(c, door, households, rng).filter((f) => clear(f.at)));
    out.push(...compoundCameras(c, door, ctx.buildings, rng).filter((f) => clear(f.at)));
  }
  ctx.nodes.forEach((column, i) =>
    column.forEach((node, j) => {
      const offsets: Vec[] = [
        [9, -9],
        [-9, 9],
        [9, 9],
        [-9, -9],
      ];
      const at = offsets.map((d) => add(node, d)).find(clear);
      const name = `${NS_ROADS[i]?.name}与${EW_ROADS[j]?.name}路口探头`;
      if (at) out.push({ type: '监控探头', name, at });
    }),
  );
  return out;
}

/** Facilities housed in the service buildings; the 议事厅 shares the 社区服务站's building. */
function serviceFacilities(buildings: readonly Building[]): Facility[] {
  const out: Facility[] = [];
  for (const b of buildings) {
    if (b.spec.type !== 'service') continue;
    const at = b.center;
    if (b.name.endsWith('卫生服务站')) out.push({ type: '卫生服务站', name: b.name, at });
    else if (b.name.endsWith('社区服务站')) {
      out.push({ type: '社区服务站', name: b.name, at });
      const hall = b.name.replace(/服务站$/, '议事厅');
      out.push({ type: '议事厅', name: hall, at: add(at, [6, 0]) });
    } else if (b.name.endsWith('养老驿站')) out.push({ type: '养老驿站', name: b.name, at });
    else if (b.name.endsWith('幼儿园')) out.push({ type: '幼儿园', name: b.name, at });
  }
  return out;
}

/** Garbage collection points of a residential compound, one per ≈380 households, by its lanes. */
function collectionPoints(
  c: Compound,
  door: DoorNumber,
  households: number,
  rng: Random,
): Facility[] {
  if (!RESIDENTIAL_KINDS.includes(c.kind)) return [];
  const lanes = [0, 1, 2, 3].filter((s) => c.edges[s]?.roadClass === 'minor');
  const n = Math.max(1, Math.round(households / HOUSEHOLDS_PER_COLLECTION_POINT));
  return Array.from({ length: n }, (_, k): Facility => {
    const side = lanes.length > 0 ? (lanes[k % lanes.length] as number) : gateSide(c, door);
    const suffix = n > 1 ? `${k + 1}号` : '';
    return {
      type: '垃圾收集点',
      name: `${door.road}${door.no}号院${suffix}垃圾收集点`,
      at: edgePoint(c, side, rng.float(0.2, 0.8), 5.5),
    };
  });
}

/** Cameras at a compound's gate (one or two) and inside it, clear of its buildings. */
function compoundCameras(
  c: Compound,
  door: DoorNumber,
  buildings: readonly Building[],
  rng: Random,
): Facility[] {
  const out: Facility[] = [];
  const gates = rng.chance(0.35) ? 2 : 1;
  for (let k = 0; k < gates; k++) {
    const at = edgePoint(c, gateSide(c, door), gates === 1 ? 0.5 : 0.3 + 0.4 * k, 5.5);
    out.push({ type: '监控探头', name: `${door.road}${door.no}号院门口探头${k + 1}`, at });
  }
  const inner = RESIDENTIAL_KINDS.includes(c.kind) ? rng.int(1, 2) : rng.int(0, 1);
  for (let k = 0; k < inner; k++) {
    const at = bilinear(c.quad, rng.float(0.25, 0.75), rng.float(0.25, 0.75));
    const free = buildings.every((b) => b.compound !== c || !insideConvex(b.ring, at, -3));
    if (free)
      out.push({ type: '监控探头', name: `${door.road}${door.no}号院院内探头${k + 1}`, at });
  }
  return out;
}

/** The compound edge along the road of its door number. */
function gateSide(c: Compound, door: DoorNumber): number {
  return [3, 0, 1, 2].find((s) => c.edges[s]?.name === door.road) ?? 3;
}
