/** Exact tiling: compounds cut into atoms whose shared edges carry identical vertices. */
import type { Vec } from './frame.ts';
import { projectOnSegment, quadRing, subQuad, type Quad } from './geometry.ts';
import type { Compound } from './layout.ts';

/** A rectangle of a compound's parameter space handed to other grids than the compound's own. */
export interface Carve {
  compound: string;
  /** Compound-local parameters, 0 = west/north edge, 1 = east/south edge. */
  u0: number;
  u1: number;
  v0: number;
  v1: number;
  /** Grid labels covering this piece: [] leaves it uncovered, two labels make them overlap. */
  grids: string[];
}

/** The smallest piece of the tiling: part of one compound, covered by zero, one or two grids. */
export interface Atom {
  compound: Compound;
  quad: Quad;
  grids: string[];
}

/**
 * Cuts every compound at the edges of the carves inside it; each piece keeps the compound's grid
 * unless a carve says otherwise.
 * @example
 * buildAtoms(mesh.compounds, []).length === mesh.compounds.length; // true
 */
export function buildAtoms(compounds: readonly Compound[], carves: readonly Carve[]): Atom[] {
  const atoms: Atom[] = [];
  for (const compound of compounds) {
    const own = carves.filter((c) => c.compound === compound.key);
    const us = [...new Set([0, 1, ...own.flatMap((c) => [c.u0, c.u1])])].sort((a, b) => a - b);
    const vs = [...new Set([0, 1, ...own.flatMap((c) => [c.v0, c.v1])])].sort((a, b) => a - b);
    for (let j = 0; j < vs.length - 1; j++) {
      for (let i = 0; i < us.length - 1; i++) {
        const u0 = us[i] as number;
        const u1 = us[i + 1] as number;
        const v0 = vs[j] as number;
        const v1 = vs[j + 1] as number;
        const mu = (u0 + u1) / 2;
        const mv = (v0 + v1) / 2;
        const carve = own.find((c) => c.u0 <= mu && mu <= c.u1 && c.v0 <= mv && mv <= c.v1);
        atoms.push({
          compound,
          quad: subQuad(compound.quad, u0, u1, v0, v1),
          grids: carve ? [...carve.grids] : [compound.grid],
        });
      }
    }
  }
  return atoms;
}

const SAME_POINT_M = 1e-4;
const ON_EDGE_M = 1e-4;

/**
 * Every distinct corner point of the tiling, each stored once. Rings are noded against it, so an
 * edge shared by two polygons carries the same vertices on both sides and converts to the same
 * rounded coordinates: the polygons tile with no slivers after rounding.
 */
export class VertexRegistry {
  readonly points: Vec[] = [];
  private readonly cells = new Map<string, number[]>();

  /** The index of p, adding it if no stored point lies within 0.1 mm. */
  add(p: Vec): number {
    const cx = Math.floor(p[0] / 0.01);
    const cy = Math.floor(p[1] / 0.01);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const index of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const q = this.points[index] as Vec;
          if (Math.hypot(q[0] - p[0], q[1] - p[1]) < SAME_POINT_M) return index;
        }
      }
    }
    const index = this.points.length;
    this.points.push(p);
    const key = `${cx},${cy}`;
    const list = this.cells.get(key);
    if (list) list.push(index);
    else this.cells.set(key, [index]);
    return index;
  }

  /**
   * A counter-clockwise ring of corners as registry indices, with every registered point that
   * lies on one of its edges inserted in order (no T-junctions).
   */
  nodeRing(ring: readonly Vec[]): number[] {
    const corners = ring.map((p) => this.add(p));
    const out: number[] = [];
    for (let k = 0; k < corners.length; k++) {
      const a = corners[k] as number;
      const b = corners[(k + 1) % corners.length] as number;
      const pa = this.points[a] as Vec;
      const pb = this.points[b] as Vec;
      const between: { t: number; index: number }[] = [];
      this.points.forEach((p, index) => {
        if (index === a || index === b) return;
        const { t, dist } = projectOnSegment(pa, pb, p);
        if (dist < ON_EDGE_M && t > 1e-9 && t < 1 - 1e-9) between.push({ t, index });
      });
      between.sort((x, y) => x.t - y.t);
      out.push(a, ...between.map((x) => x.index));
    }
    return out;
  }
}

/**
 * The outer boundary of a union of noded rings (registry indices, counter-clockwise): edges that
 * two rings share in opposite directions cancel, the rest chain into one ring. Throws if the union
 * is not a single ring without holes or pinches.
 * @example
 * unionRing([[0, 1, 2, 3], [3, 2, 4, 5]]); // [0, 1, 2, 4, 5, 3] for two squares side by side
 */
export function unionRing(rings: readonly (readonly number[])[]): number[] {
  const edges = new Map<string, [number, number]>();
  for (const ring of rings) {
    for (let k = 0; k < ring.length; k++) {
      const a = ring[k] as number;
      const b = ring[(k + 1) % ring.length] as number;
      const reverse = `${b}>${a}`;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(`${a}>${b}`, [a, b]);
    }
  }
  const next = new Map<number, number>();
  for (const [a, b] of edges.values()) {
    if (next.has(a)) throw new Error(`union pinches at vertex ${a}`);
    next.set(a, b);
  }
  const start = Math.min(...next.keys());
  const ring = [start];
  for (let v = next.get(start); v !== undefined && v !== start; v = next.get(v)) ring.push(v);
  if (ring.length !== next.size) throw new Error('union is not a single ring');
  return ring;
}

/** The counter-clockwise metre ring of an atom. */
export function atomRing(atom: Atom): Vec[] {
  return quadRing(atom.quad);
}
