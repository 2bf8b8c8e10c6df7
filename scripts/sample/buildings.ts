/** Building footprints: compounds filled in rows, residential ones to a household target per grid. */
import type { Vec } from './frame.ts';
import {
  add,
  centroid,
  insetConvex,
  insideConvex,
  rectangle,
  rotate,
  signedArea,
  sub,
} from './geometry.ts';
import {
  compoundStyle,
  institutionSpecs,
  residentialSpec,
  ROW_STYLE,
  serviceSpec,
  type BuildingSpec,
  type CompoundStyle,
} from './building-types.ts';
import type { FaultPlan } from './faults.ts';
import {
  compoundRing,
  SETBACK_M,
  shortName,
  type Compound,
  type EdgeRoad,
  type Lane,
} from './layout.ts';
import { COMMUNITIES, HUTONG_NAMES, INSTITUTIONS, RESIDENTIAL_KINDS } from './plan.ts';
import type { Random } from './random.ts';
import { layoutRows, spanAt } from './rows.ts';

/** A placed building with everything its GeoJSON properties need. */
export interface Building {
  id: string;
  compound: Compound;
  /** Grid label whose compound holds it; null for the building left outside every grid. */
  grid: string | null;
  ring: Vec[];
  center: Vec;
  spec: BuildingSpec;
  name: string;
  address: string;
  residents: number;
  difficultHouseholds: number;
  specialHouseholds: number;
}

/** A compound's street address: the road it opens onto and its door number (门牌号). */
export interface DoorNumber {
  road: string;
  no: number;
}

/** Buildings, the hutongs between bungalow rows, and each compound's door number. */
export interface BuildingsResult {
  buildings: Building[];
  hutongs: Lane[];
  doors: Map<string, DoorNumber>;
}

/** Households per grid aimed at (inside the 300–500 band with room for the last building). */
const TARGET = { min: 340, max: 470, cap: 495 } as const;

/** The direction of a compound's rows: along its northern edge. */
export function compoundAngle(c: Compound): number {
  const d = sub(c.quad.ne, c.quad.nw);
  return Math.atan2(d[1], d[0]);
}

/** The compound shrunk by the setback of the road or lane along each edge. */
export function buildableArea(c: Compound): Vec[] {
  return insetConvex(
    compoundRing(c),
    c.edges.map((e) => SETBACK_M[e.roadClass]),
  );
}

/**
 * Fills every compound with buildings.
 * @example
 * const { buildings } = generateBuildings(mesh.compounds, faults, rng); buildings.length; // ≈1,000
 */
export function generateBuildings(
  compounds: readonly Compound[],
  faults: FaultPlan,
  rng: Random,
): BuildingsResult {
  const doors = assignDoorNumbers(compounds, rng.fork('doors'));
  const targets = compoundTargets(compounds, faults, rng.fork('targets'));
  const specRng = rng.fork('specs');
  const placeRng = rng.fork('place');
  const peopleRng = rng.fork('people');
  const nextHutong = hutongNamer(compounds);
  const gridSum = new Map<string, number>();
  const institutionBuildings = new Map<string, number>();
  const buildings: Building[] = [];
  const hutongs: Lane[] = [];

  for (const c of compounds) {
    const style = compoundStyle(c.kind, specRng);
    const door = doors.get(c.key) as DoorNumber;
    const specs = serviceSpecs(c, door, style, specRng);
    if (RESIDENTIAL_KINDS.includes(c.kind)) {
      const cap =
        c.grid === faults.oversizedGrid.grid ? faults.oversizedGrid.households + 40 : TARGET.cap;
      let sum = 0;
      while (sum < (targets.get(c.key) ?? 0)) {
        const spec = residentialSpec(c.kind, style, specRng, cap - (gridSum.get(c.grid) ?? 0));
        if (!spec) break;
        specs.push(spec);
        sum += spec.households;
        gridSum.set(c.grid, (gridSum.get(c.grid) ?? 0) + spec.households);
      }
    } else {
      const institution = INSTITUTIONS[`${c.community}/${c.kind}`] ?? '';
      const offset = institutionBuildings.get(institution) ?? 0;
      const made = institutionSpecs(c.kind, institution, style, specRng, offset);
      institutionBuildings.set(institution, offset + made.length);
      specs.push(...made);
    }

    const corner = faults.uncoveredCorner.compound === c.key ? faults.uncoveredCorner.ring : null;
    const { placed, rowCenters } = placeCompound(c, specs, corner, placeRng);
    if (corner) {
      const spec = residentialSpec(c.kind, style, specRng, 60);
      if (!spec) throw new Error('no building for the uncovered corner');
      placed.unshift({ ...placeInCorner(c, corner, spec), spec, outside: true });
    }
    const rowHutong = c.kind === 'bungalow' ? layHutongs(c, rowCenters, nextHutong, hutongs) : null;
    buildings.push(...describeBuildings(c, door, placed, rowHutong, peopleRng));
  }
  buildings.forEach((b, i) => {
    b.id = `B${String(i + 1).padStart(4, '0')}`;
  });
  return { buildings, hutongs, doors };
}

/** A footprint placed in a compound: its row (north first, -1 for the uncovered corner). */
interface Placed {
  ring: Vec[];
  center: Vec;
  row: number;
  spec: BuildingSpec;
  outside: boolean;
}

/** Lays a compound's buildings out in rows inside its buildable area, north to south. */
function placeCompound(
  c: Compound,
  specs: readonly BuildingSpec[],
  corner: readonly Vec[] | null,
  rng: Random,
): { placed: Placed[]; rowCenters: number[] } {
  const angle = compoundAngle(c);
  const exclusions = [...(corner ? [corner] : []), ...compoundExclusions(c)];
  const options = { ...ROW_STYLE[c.kind], exclusions, clearance: 6 };
  const layout = layoutRows(buildableArea(c), angle, specs, options, rng);
  if (!layout)
    throw new Error(`compound ${c.key} (${c.kind}) cannot hold ${specs.length} buildings`);
  const along = (p: Vec): number => rotate(p, -angle)[0];
  const placed = layout.placements
    .map((p) => ({ ...p, spec: specs[p.index] as BuildingSpec, outside: false }))
    .sort((a, b) => a.row - b.row || along(a.center) - along(b.center));
  return { placed, rowCenters: layout.rowCenters };
}

/** Hutong names in order, skipping those already given to lanes. */
function hutongNamer(compounds: readonly Compound[]): () => string {
  const taken = new Set(compounds.flatMap((c) => c.edges.map((e) => e.name)));
  const free = HUTONG_NAMES.filter((n) => !taken.has(n));
  let next = 0;
  return () => {
    const name = free[next++];
    if (!name) throw new Error('ran out of hutong names');
    return name;
  };
}

/**
 * Hutongs between the rows of a bungalow compound: one between each pair of rows (the odd row
 * out shares the gap above it), running from lane to lane. Returns each row's hutong.
 */
function layHutongs(
  c: Compound,
  rowCenters: readonly number[],
  nextName: () => string,
  out: Lane[],
): Map<number, string> {
  const angle = compoundAngle(c);
  const ring = compoundRing(c).map((p) => rotate(p, -angle));
  const rowHutong = new Map<number, string>();
  for (let r = 0; r < rowCenters.length; r += 2) {
    const gap = r + 1 < rowCenters.length ? r : r - 1;
    if (gap < 0) continue;
    const y = ((rowCenters[gap] as number) + (rowCenters[gap + 1] as number)) / 2;
    const [x0, x1] = spanAt(ring, y);
    const name = nextName();
    out.push({
      name,
      from: rotate([x0, y], angle),
      to: rotate([x1, y], angle),
      community: c.community,
    });
    rowHutong.set(r, name);
    rowHutong.set(r + 1, name);
  }
  return rowHutong;
}

/**
 * Names, addresses and people of a compound's placed buildings: courtyards are numbered along
 * their hutong (odd north of it, even south), other buildings 1号楼, 2号楼 … in reading order.
 */
function describeBuildings(
  c: Compound,
  door: DoorNumber,
  placed: readonly Placed[],
  rowHutong: ReadonlyMap<number, string> | null,
  rng: Random,
): Building[] {
  const counters = new Map<string, number>();
  return placed.map((p, k): Building => {
    const spec = p.spec;
    let name: string;
    let address: string;
    if (rowHutong) {
      const hutong = rowHutong.get(p.row) ?? door.road;
      const north = rowHutong.get(p.row - 1) !== hutong;
      const key = `${hutong}/${north}`;
      const count = (counters.get(key) ?? 0) + 1;
      counters.set(key, count);
      address = `${hutong}${north ? 2 * count - 1 : 2 * count}号`;
      name = spec.label ?? address;
    } else {
      name = spec.label ?? `${door.no}号院${k + 1}号楼`;
      address = `${door.road}${door.no}号院${k + 1}号楼`;
    }
    const hh = spec.households;
    const special = spec.type === 'tower' ? 0.006 : spec.type === 'bungalow' ? 0.02 : 0.013;
    return {
      id: '',
      compound: c,
      grid: p.outside ? null : c.grid,
      ring: p.ring,
      center: p.center,
      spec,
      name,
      address,
      residents: hh === 0 ? 0 : Math.round(hh * rng.float(2.3, 2.8)),
      difficultHouseholds: binomial(hh, spec.type === 'tower' ? 0.012 : 0.024, rng),
      specialHouseholds: binomial(hh, special, rng),
    };
  });
}

/** Household target of every residential compound: its grid's target shared by area. */
function compoundTargets(
  compounds: readonly Compound[],
  faults: FaultPlan,
  rng: Random,
): Map<string, number> {
  const byGrid = new Map<string, Compound[]>();
  for (const c of compounds) {
    if (!RESIDENTIAL_KINDS.includes(c.kind)) continue;
    byGrid.set(c.grid, [...(byGrid.get(c.grid) ?? []), c]);
  }
  const targets = new Map<string, number>();
  for (const [grid, list] of byGrid) {
    const total =
      grid === faults.oversizedGrid.grid
        ? faults.oversizedGrid.households
        : rng.int(TARGET.min, TARGET.max);
    const areas = list.map((c) => signedArea(compoundRing(c)));
    const sum = areas.reduce((a, b) => a + b, 0);
    list.forEach((c, i) => targets.set(c.key, (total * (areas[i] as number)) / sum));
  }
  return targets;
}

/** The small service buildings a compound's plan flags ask for, plus annexes. */
function serviceSpecs(
  c: Compound,
  door: DoorNumber,
  style: CompoundStyle,
  rng: Random,
): BuildingSpec[] {
  const community = COMMUNITIES[c.community]?.name ?? '';
  const short = shortName(community);
  const specs: BuildingSpec[] = [];
  if (c.flags.includes('c')) specs.push(serviceSpec(`${community}服务站`, style, rng));
  if (c.flags.includes('k')) specs.push(serviceSpec(`${short}幼儿园`, style, rng));
  if (c.flags.includes('e')) specs.push(serviceSpec(`${short}养老驿站`, style, rng));
  if (c.flags.includes('w')) specs.push(serviceSpec(`${short}社区卫生服务站`, style, rng));
  if (c.kind === 'walkup' && rng.chance(0.5))
    specs.push(
      serviceSpec(`${door.no}号院${rng.pick(['锅炉房', '自行车棚', '配电室'])}`, style, rng, true),
    );
  if (c.kind === 'tower')
    specs.push(serviceSpec(`${door.no}号院${rng.pick(['会所', '商业楼', '物业楼'])}`, style, rng));
  return specs;
}

/** Areas inside a compound kept free of buildings: a school's sports ground, the park lake. */
export function compoundExclusions(c: Compound): Vec[][] {
  if (c.kind === 'park') return [lakeRing(c)];
  if (c.kind !== 'school') return [];
  const area = buildableArea(c);
  const angle = compoundAngle(c);
  const local = area.map((p) => rotate(p, -angle));
  const south = Math.min(...local.map((p) => p[1]));
  const [middle] = rotate(centroid(area), -angle);
  // A 200 m track in a primary school's narrow compound, a 300 m one in a middle school's.
  const [length, depth] = c.block.plan.u.length > 1 ? [90, 50] : [130, 70];
  const center = rotate([middle, south + depth / 2 + 4], angle);
  return [rectangle(center, length, depth, angle)];
}

/** The lake of the park: an irregular 16-gon south-east of the park's middle. */
export function lakeRing(c: Compound): Vec[] {
  const center = add(centroid(compoundRing(c)), [20, -30]);
  const angle = compoundAngle(c);
  return Array.from({ length: 16 }, (_, k) => {
    const t = (2 * Math.PI * k) / 16;
    const r = 1 + 0.08 * Math.sin(3 * t);
    return add(center, rotate([85 * r * Math.cos(t), 50 * r * Math.sin(t)], angle));
  });
}

/** One building in the middle of the uncovered corner, clear of the roads along it. */
function placeInCorner(
  c: Compound,
  corner: readonly Vec[],
  spec: BuildingSpec,
): { ring: Vec[]; center: Vec; row: number } {
  const west = SETBACK_M[c.edges[0].roadClass];
  const north = SETBACK_M[c.edges[3].roadClass];
  const inner = insetConvex(corner, [west, 9, 9, north]);
  const center = centroid(inner);
  const ring = rectangle(center, spec.length, spec.depth, compoundAngle(c));
  if (!ring.every((p) => insideConvex(inner, p))) throw new Error('corner building does not fit');
  return { ring, center, row: -1 };
}

/**
 * Door numbers: compounds along each road numbered west → east or north → south, odd on the
 * north/west side and even on the south/east side, skipping a few numbers as real roads do.
 */
function assignDoorNumbers(compounds: readonly Compound[], rng: Random): Map<string, DoorNumber> {
  const rank = { primary: 0, secondary: 1, minor: 2 } as const;
  const sides = [3, 0, 1, 2];
  const chosen = compounds.map((c) => {
    const edge = (i: number): EdgeRoad => c.edges[i] as EdgeRoad;
    const side = [...sides].sort(
      (a, b) => rank[edge(a).roadClass] - rank[edge(b).roadClass],
    )[0] as number;
    return { c, side, road: edge(side).name };
  });
  const doors = new Map<string, DoorNumber>();
  const roads = [...new Set(chosen.map((x) => x.road))];
  for (const road of roads) {
    const on = chosen.filter((x) => x.road === road);
    const ew = on.every((x) => x.side === 1 || x.side === 3);
    const along = (x: (typeof on)[number]): number => {
      const [px, py] = centroid(compoundRing(x.c));
      return ew ? px : -py;
    };
    for (const parity of [1, 0]) {
      const side = on
        .filter((x) => (x.side === 1 || x.side === 2 ? 1 : 0) === parity)
        .sort((a, b) => along(a) - along(b));
      let no = parity === 1 ? -1 : 0;
      for (const x of side) {
        no += 2 * rng.int(1, 5);
        doors.set(x.c.key, { road, no });
      }
    }
  }
  return doors;
}

function binomial(n: number, p: number, rng: Random): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}
