/** Outlines of the street, its communities and grids, as exact unions of compound pieces. */
import type { Position } from 'geojson';
import { toLonLat } from './frame.ts';
import type { Compound } from './layout.ts';
import {
  atomRing,
  buildAtoms,
  unionRing,
  VertexRegistry,
  type Atom,
  type Carve,
} from './topology.ts';

/** Outlines as rings of registry indices (counter-clockwise, not closed). */
export interface Territory {
  registry: VertexRegistry;
  atoms: Atom[];
  street: number[];
  communities: Map<string, number[]>;
  grids: Map<string, number[]>;
}

/**
 * Cuts the compounds into atoms (applying the fault carves) and unites them into the street, each
 * community and each grid.
 * @example
 * const t = assembleTerritory(mesh.compounds, faults.carves); t.grids.size; // 46
 */
export function assembleTerritory(
  compounds: readonly Compound[],
  carves: readonly Carve[],
): Territory {
  const atoms = buildAtoms(compounds, carves);
  const registry = new VertexRegistry();
  for (const atom of atoms) for (const p of atomRing(atom)) registry.add(p);
  const noded = atoms.map((atom) => registry.nodeRing(atomRing(atom)));

  const unite = (select: (atom: Atom) => boolean): number[] =>
    unionRing(noded.filter((_, i) => select(atoms[i] as Atom)));
  const communityKeys = [...new Set(compounds.map((c) => c.community))];
  const gridLabels = [...new Set(compounds.map((c) => c.grid))];
  return {
    registry,
    atoms,
    street: unite(() => true),
    communities: new Map(communityKeys.map((k) => [k, unite((a) => a.compound.community === k)])),
    grids: new Map(gridLabels.map((g) => [g, unite((a) => a.grids.includes(g))])),
  };
}

/**
 * A ring of registry indices as a closed GeoJSON ring of rounded [lon, lat] positions.
 * @example
 * lonLatRing(t.registry, t.street)[0]; // [116.30…, 39.84…]
 */
export function lonLatRing(registry: VertexRegistry, ring: readonly number[]): Position[] {
  const out: Position[] = [];
  for (const index of ring) {
    const p = toLonLat(registry.points[index] as [number, number]);
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) throw new Error('vertices closer than 0.1 m');
    out.push(p);
  }
  out.push(out[0] as Position);
  return out;
}
