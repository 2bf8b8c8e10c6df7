/** The deliberate planning faults: a gap, an overlap, an oversized grid, an uncovered building. */
import type { Vec } from './frame.ts';
import { bilinear } from './geometry.ts';
import { compoundSize, type Compound } from './layout.ts';
import type { Carve } from './topology.ts';

/** The fault kinds, numbered as in data/README.md. */
export type FaultKind = 'gap' | 'overlap' | 'oversized-grid' | 'uncovered-building';

/** Where the faults go and what they need from the other modules. */
export interface FaultPlan {
  carves: Carve[];
  /** Grid label planned far above the household band, and its household target. */
  oversizedGrid: { grid: string; households: number };
  /** Compound corner left to no grid; the building generator puts exactly one building in it. */
  uncoveredCorner: { compound: string; ring: Vec[] };
  /** Which carve belongs to which fault. */
  pieces: { kind: FaultKind; compound: string; grids: string[]; ring: Vec[] }[];
}

/** The compounds the faults are planted in (keys from layout: block column, row, cell). */
export const FAULT_SITES = {
  /** 嘉禾里社区, north-west compound of block c0r2: a strip along its east lane left uncovered. */
  gap: { compound: 'c0r2#0', widthM: 3.5, v0: 0.35, v1: 0.7 },
  /** 桃源里社区, north-west compound of block c3r1: its neighbour's grid reaches 4 m over the lane. */
  overlap: { compound: 'c3r1#0', widthM: 4, v0: 0.3, v1: 0.62, intruder: 'D5' },
  /** 槐花社区: the two northern bungalow compounds of block c1r1 form one grid. */
  oversized: { grid: 'E5', households: 960 },
  /** 安澜里社区, the street's north-west corner: the grid boundary is pulled in by 95 × 52 m. */
  corner: { compound: 'c0r0#0', widthM: 95, heightM: 52 },
} as const;

/**
 * Works out the carves of the faults from the compounds they are planted in.
 * @example
 * const faults = planFaults(mesh.compounds); faults.carves.length; // 3
 */
export function planFaults(compounds: readonly Compound[]): FaultPlan {
  const find = (key: string): Compound => {
    const c = compounds.find((x) => x.key === key);
    if (!c) throw new Error(`fault site ${key} is not in the plan`);
    return c;
  };
  const ringOf = (c: Compound, carve: Carve): Vec[] => [
    bilinear(c.quad, carve.u0, carve.v0),
    bilinear(c.quad, carve.u0, carve.v1),
    bilinear(c.quad, carve.u1, carve.v1),
    bilinear(c.quad, carve.u1, carve.v0),
  ];
  /** The compound east of a compound in the same block. */
  const eastOf = (c: Compound): Compound =>
    find(c.key.replace(/#(\d+)$/, (_, i) => `#${Number(i) + 1}`));

  /** A strip along the east side of a fault site's compound, held by `grids`. */
  const eastStrip = (
    site: { compound: string; widthM: number; v0: number; v1: number },
    grids: (c: Compound) => string[],
  ): [Compound, Carve] => {
    const compound = find(site.compound);
    const u0 = 1 - site.widthM / compoundSize(compound).width;
    return [
      compound,
      { compound: compound.key, u0, u1: 1, v0: site.v0, v1: site.v1, grids: grids(compound) },
    ];
  };

  const [gapSite, gap] = eastStrip(FAULT_SITES.gap, () => []);
  const [overlapSite, overlap] = eastStrip(FAULT_SITES.overlap, (c) => [
    c.grid,
    FAULT_SITES.overlap.intruder,
  ]);

  const cornerSite = find(FAULT_SITES.corner.compound);
  const size = compoundSize(cornerSite);
  const corner: Carve = {
    compound: cornerSite.key,
    u0: 0,
    u1: FAULT_SITES.corner.widthM / size.width,
    v0: 0,
    v1: FAULT_SITES.corner.heightM / size.height,
    grids: [],
  };

  return {
    carves: [gap, overlap, corner],
    oversizedGrid: { ...FAULT_SITES.oversized },
    uncoveredCorner: { compound: cornerSite.key, ring: ringOf(cornerSite, corner) },
    pieces: [
      {
        kind: 'gap',
        compound: gapSite.key,
        grids: [gapSite.grid, eastOf(gapSite).grid],
        ring: ringOf(gapSite, gap),
      },
      {
        kind: 'overlap',
        compound: overlapSite.key,
        grids: [overlapSite.grid, FAULT_SITES.overlap.intruder],
        ring: ringOf(overlapSite, overlap),
      },
      {
        kind: 'uncovered-building',
        compound: cornerSite.key,
        grids: [cornerSite.grid],
        ring: ringOf(cornerSite, corner),
      },
    ],
  };
}
