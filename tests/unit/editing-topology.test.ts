/**
 * normalizeCommunityTopology: snapping near-coincident vertices (onto the border's first),
 * T-junction vertices, repeated positions, right-hand-rule winding, and untouched grids coming
 * back as the same objects.
 */
import type { Position } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { CommunityFeature, GridFeature } from '../../src/domain/types.ts';
import { normalizeCommunityTopology } from '../../src/editing/topology.ts';
import { LATTICE_SPEC } from './support/edit-plan.ts';
import { latticeInput } from './support/lattice.ts';

function lattice(): { grids: GridFeature[]; community: CommunityFeature } {
  const input = latticeInput(LATTICE_SPEC);
  return { grids: [...input.grids], community: input.communities[0]! };
}

function ringOf(grid: GridFeature): Position[] {
  if (grid.geometry.type !== 'Polygon') throw new Error('expected a Polygon');
  return grid.geometry.coordinates[0]!;
}

function withRing(grid: GridFeature, ring: Position[]): GridFeature {
  return { ...grid, geometry: { type: 'Polygon', coordinates: [ring] } };
}

describe('normalizeCommunityTopology', () => {
  it('returns the same objects for a clean lattice', () => {
    const { grids, community } = deepFreeze(lattice());
    const out = normalizeCommunityTopology(grids, community);
    expect(out).toHaveLength(grids.length);
    out.forEach((grid, i) => expect(grid).toBe(grids[i]));
  });

  it('snaps a near-coincident vertex onto its neighbour and onto the border', () => {
    const { grids, community } = lattice();
    const ring = ringOf(grids[0]!).map((p) => [...p]);
    const shared = [...ring[2]!]; // interior vertex (1,1), shared with three other grids
    ring[2] = [shared[0]! + 4e-10, shared[1]! - 3e-10];
    const border = [...ring[1]!]; // (1,0) lies on the south border
    ring[1] = [border[0]! - 5e-10, border[1]! + 2e-10];
    const edited = grids.map((g, i) => (i === 0 ? withRing(g, ring) : g));
    const out = normalizeCommunityTopology(deepFreeze(edited), deepFreeze(community));
    expect(ringOf(out[0]!)[2]).toEqual(shared);
    expect(ringOf(out[0]!)[1]).toEqual(border);
    expect(out[0]).not.toBe(edited[0]);
    out.slice(1).forEach((grid, i) => expect(grid).toBe(edited[i + 1]));
  });

  it('leaves vertices further apart than the tolerance alone', () => {
    const { grids, community } = lattice();
    const ring = ringOf(grids[0]!).map((p) => [...p]);
    ring[2] = [ring[2]![0]! + 1e-7, ring[2]![1]!];
    const edited = grids.map((g, i) => (i === 0 ? withRing(g, ring) : g));
    const out = normalizeCommunityTopology(edited, community);
    expect(ringOf(out[0]!)[2]).toEqual(ring[2]);
  });

  it("inserts a vertex into every edge that another ring's vertex lies on (T-junction)", () => {
    const plain = latticeInput({ ...LATTICE_SPEC, jitter: [0] });
    const [a, b] = [plain.grids[0]!, plain.grids[1]!];
    const ra = ringOf(a);
    const rb = ringOf(b);
    // Cells 0 and 1 as one rectangle: SW of a, SE of b, NE of b, NW of a.
    const merged = withRing(a, [ra[0]!, rb[1]!, rb[2]!, ra[3]!, ra[0]!]);
    const out = normalizeCommunityTopology(
      deepFreeze([merged, ...plain.grids.slice(2)]),
      deepFreeze(plain.communities[0]!),
    );
    // The south edge gets the border's vertex (1,0), the north edge the north row's vertex (1,1).
    expect(ringOf(out[0]!)).toEqual([ra[0], ra[1], rb[1], rb[2], ra[2], ra[3], ra[0]]);
    out.slice(1).forEach((grid, i) => expect(grid).toBe(plain.grids[i + 2]));
  });

  it('winds outer rings counter-clockwise and holes clockwise, dropping repeated positions', () => {
    const { grids, community } = lattice();
    const ring = ringOf(grids[0]!);
    const clockwiseWithRepeat = [ring[0]!, ring[3]!, ring[3]!, ring[2]!, ring[1]!, ring[0]!];
    const [x0, y0] = [LATTICE_SPEC.west + 0.0005, LATTICE_SPEC.south + 0.0005];
    const counterClockwiseHole: Position[] = [
      [x0, y0],
      [x0 + 0.0002, y0],
      [x0 + 0.0002, y0 + 0.0002],
      [x0, y0 + 0.0002],
      [x0, y0],
    ];
    const edited: GridFeature = {
      ...grids[0]!,
      geometry: { type: 'Polygon', coordinates: [clockwiseWithRepeat, counterClockwiseHole] },
    };
    const [out] = normalizeCommunityTopology(deepFreeze([edited]), deepFreeze(community));
    if (out?.geometry.type !== 'Polygon') throw new Error('expected a Polygon');
    expect(out.geometry.coordinates[0]).toEqual([ring[0], ring[1], ring[2], ring[3], ring[0]]);
    expect(out.geometry.coordinates[1]).toEqual([...counterClockwiseHole].reverse());
  });

  it('keeps unknown properties and the MultiPolygon type', () => {
    const { grids, community } = lattice();
    const ring = ringOf(grids[0]!);
    const multi: GridFeature = {
      ...grids[0]!,
      properties: { ...grids[0]!.properties, extra: { keep: true } },
      geometry: { type: 'MultiPolygon', coordinates: [[[...ring].reverse()]] },
    };
    const [out] = normalizeCommunityTopology([multi], community);
    expect(out?.geometry.type).toBe('MultiPolygon');
    expect(out?.properties.extra).toEqual({ keep: true });
    if (out?.geometry.type !== 'MultiPolygon') throw new Error('expected a MultiPolygon');
    expect(out.geometry.coordinates[0]![0]).toEqual(ring);
  });

  it('handles a large lattice (every grid unchanged)', () => {
    const big = latticeInput({ ...LATTICE_SPEC, cols: 40, rows: 40, cell: 0.0005 });
    const out = normalizeCommunityTopology(big.grids, big.communities[0]!);
    expect(out.every((grid, i) => grid === big.grids[i])).toBe(true);
  });

  it('makes a lattice whose shared vertices drifted apart share them exactly again (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.double({ min: -3e-10, max: 3e-10, noNaN: true }), { minLength: 2 }),
        (cols, rows, drift) => {
          const input = latticeInput({ ...LATTICE_SPEC, cols, rows });
          const community = input.communities[0]!;
          const borderKeys = new Set(
            (community.geometry.coordinates[0] as Position[]).map((p) => `${p[0]},${p[1]}`),
          );
          let k = 0;
          const drifted = input.grids.map((grid) =>
            withRing(
              grid,
              ringOf(grid).map((p): Position => {
                if (borderKeys.has(`${p[0]},${p[1]}`)) return p;
                k += 2;
                return [p[0]! + drift[k % drift.length]!, p[1]! + drift[(k + 1) % drift.length]!];
              }),
            ),
          );
          const out = normalizeCommunityTopology(deepFreeze(drifted), community);
          const report = new CoverageEngine({ ...input, grids: out }).report();
          expect(report.communities[0]!.gaps).toEqual([]);
          expect(report.communities[0]!.overlaps).toEqual([]);
          out.forEach((grid, g) =>
            ringOf(grid).forEach((p, i) => {
              const original = ringOf(input.grids[g]!)[i]!;
              expect(Math.abs(p[0]! - original[0]!)).toBeLessThan(1e-9);
              expect(Math.abs(p[1]! - original[1]!)).toBeLessThan(1e-9);
            }),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
