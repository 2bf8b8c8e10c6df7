/** Geometry of the street: the road mesh, its blocks, and the compounds and lanes inside them. */
import type { RoadClass } from '../../src/domain/types.ts';
import type { Vec } from './frame.ts';
import { bilinear, distance, lerp, quadRing, subQuad, type Quad } from './geometry.ts';
import {
  BLOCKS,
  COMMUNITIES,
  COMPOUND_KINDS,
  EW_ROADS,
  HUTONG_NAMES,
  NS_ROADS,
  type BlockPlan,
  type CompoundKind,
} from './plan.ts';
import type { Random } from './random.ts';

/** A road or lane beside a compound edge. */
export interface EdgeRoad {
  name: string;
  roadClass: RoadClass;
}

/** A compound (小区/院): one cell of a block, between roads and lanes. */
export interface Compound {
  /** Stable key, e.g. "c1r2#3" (block column, row, cell index). */
  key: string;
  community: string;
  kind: CompoundKind;
  /** Grid label: community key + label from the plan, e.g. "D4". */
  grid: string;
  flags: string;
  block: Block;
  /** Parameter range inside the block. */
  u0: number;
  u1: number;
  v0: number;
  v1: number;
  quad: Quad;
  /** Roads along the edges of quadRing order: west, south, east, north. */
  edges: [EdgeRoad, EdgeRoad, EdgeRoad, EdgeRoad];
}

/** A block between four mesh roads. */
export interface Block {
  plan: BlockPlan;
  quad: Quad;
}

/** A straight lane between compounds of a block. */
export interface Lane {
  name: string;
  from: Vec;
  to: Vec;
  community: string;
}

/** The road mesh: nodes[i][j] is where north–south road i meets east–west road j. */
export interface Mesh {
  nodes: Vec[][];
  blocks: Block[];
  compounds: Compound[];
  lanes: Lane[];
}

/** Setback of buildings from the centre line of a road of each class, in metres. */
export const SETBACK_M: Record<RoadClass, number> = { primary: 24, secondary: 14, minor: 7 };

/**
 * Where north–south road i crosses east–west road j, moved a few metres at random so that roads
 * bend slightly at crossings as real ones do.
 * @example
 * meshNode(3, 2, rng); // near [260, 0]: 丰泽大街 × 榆汀路
 */
export function meshNode(i: number, j: number, rng: Random): Vec {
  const ns = NS_ROADS[i];
  const ew = EW_ROADS[j];
  if (!ns || !ew) throw new RangeError(`no mesh node ${i},${j}`);
  const x = (ns.at + ns.slope * ew.at) / (1 - ns.slope * ew.slope);
  const y = ew.at + ew.slope * x;
  return [x + rng.float(-8, 8), y + rng.float(-8, 8)];
}

/** Short form of a community name for lane names: 安澜里社区 → 安澜. */
export function shortName(communityName: string): string {
  return communityName.replace(/社区$/, '').replace(/[里园]$/, '');
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Builds the mesh, blocks, compounds and lanes of the plan.
 * @example
 * const mesh = buildMesh(createRandom(1)); mesh.compounds.length; // 62
 */
export function buildMesh(rng: Random): Mesh {
  const nodes = NS_ROADS.map((_, i) => EW_ROADS.map((__, j) => meshNode(i, j, rng)));
  const node = (i: number, j: number): Vec => nodes[i]?.[j] as Vec;
  const blocks: Block[] = [];
  const compounds: Compound[] = [];
  const lanes: Lane[] = [];
  const laneCount = new Map<string, number>();
  let hutong = 0;
  const laneName = (community: string): string => {
    if (community === 'E') return HUTONG_NAMES[hutong++ % HUTONG_NAMES.length] as string;
    const n = (laneCount.get(community) ?? 0) + 1;
    laneCount.set(community, n);
    const name = COMMUNITIES[community]?.name ?? community;
    return `${shortName(name)}${ORDINALS[n - 1] ?? n}巷`;
  };

  for (const plan of BLOCKS) {
    const { col, row } = plan;
    const quad: Quad = {
      nw: node(col, row),
      ne: node(col + 1, row),
      se: node(col + 1, row + 1),
      sw: node(col, row + 1),
    };
    const block: Block = { plan, quad };
    blocks.push(block);
    const uCuts = [0, ...plan.u, 1];
    const vCuts = [0, ...plan.v, 1];
    const uLanes = plan.u.map((u) => {
      const lane = {
        name: laneName(plan.community),
        from: bilinear(quad, u, 0),
        to: bilinear(quad, u, 1),
      };
      lanes.push({ ...lane, community: plan.community });
      return lane.name;
    });
    const vLanes = plan.v.map((v) => {
      const lane = {
        name: laneName(plan.community),
        from: bilinear(quad, 0, v),
        to: bilinear(quad, 1, v),
      };
      lanes.push({ ...lane, community: plan.community });
      return lane.name;
    });
    const side = (line: { name: string; roadClass: RoadClass } | undefined): EdgeRoad => ({
      name: line?.name ?? '',
      roadClass: line?.roadClass ?? 'minor',
    });
    const lane = (name: string | undefined): EdgeRoad => ({ name: name ?? '', roadClass: 'minor' });
    for (let r = 0; r < vCuts.length - 1; r++) {
      for (let c = 0; c < uCuts.length - 1; c++) {
        const index = r * (uCuts.length - 1) + c;
        const cell = plan.cells[index];
        const match = cell ? /^([A-Z])(\d+)([a-z]*)$/.exec(cell) : null;
        if (!match) throw new Error(`bad cell ${String(cell)} in block ${col},${row}`);
        const [, letter, label, flags] = match as unknown as [string, string, string, string];
        const kind = COMPOUND_KINDS[letter as keyof typeof COMPOUND_KINDS];
        if (!kind) throw new Error(`unknown compound kind ${letter}`);
        const u0 = uCuts[c] as number;
        const u1 = uCuts[c + 1] as number;
        const v0 = vCuts[r] as number;
        const v1 = vCuts[r + 1] as number;
        compounds.push({
          key: `c${col}r${row}#${index}`,
          community: plan.community,
          kind,
          grid: `${plan.community}${label}`,
          flags,
          block,
          u0,
          u1,
          v0,
          v1,
          quad: subQuad(quad, u0, u1, v0, v1),
          edges: [
            c === 0 ? side(NS_ROADS[col]) : lane(uLanes[c - 1]),
            r === vCuts.length - 2 ? side(EW_ROADS[row + 1]) : lane(vLanes[r]),
            c === uCuts.length - 2 ? side(NS_ROADS[col + 1]) : lane(uLanes[c]),
            r === 0 ? side(EW_ROADS[row]) : lane(vLanes[r - 1]),
          ],
        });
      }
    }
  }
  return { nodes, blocks, compounds, lanes };
}

/** Width (west → east) and height (north → south) of a compound through its middle, in metres. */
export function compoundSize(c: Compound): { width: number; height: number } {
  const q = c.quad;
  return {
    width: distance(lerp(q.nw, q.sw, 0.5), lerp(q.ne, q.se, 0.5)),
    height: distance(lerp(q.nw, q.ne, 0.5), lerp(q.sw, q.se, 0.5)),
  };
}

/** The compound's outline as a counter-clockwise ring. */
export function compoundRing(c: Compound): Vec[] {
  return quadRing(c.quad);
}
