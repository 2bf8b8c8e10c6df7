/**
 * Property tests of the coverage engine on random lattice plans (fast-check): the areas add up
 * (Σ grid area inside + gaps − overlaps = community area within 0.1 %), a clean lattice passes the
 * edge-matching fast path with no problem at all, every building's shares add up to at most 1,
 * and after any sequence of grid edits (reshaping, removing, restoring with or without a rank) the
 * engine's report equals a full recomputation over the grids in rank order, and the previous
 * report with the edit's delta applied equals it too, byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../src/analysis/coverage/engine.ts';
import type { GridChange } from '../../src/analysis/coverage/input.ts';
import { applyReportDelta, toUiReport } from '../../src/analysis/coverage/report-delta.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { distanceM } from '../../src/analysis/coverage/geodesy.ts';
import {
  buildingProperties,
  gridId,
  latticeGrid,
  latticeInput,
  type LatticeSpec,
} from './support/lattice.ts';

const spec = (options: { bends: boolean }): fc.Arbitrary<LatticeSpec> =>
  fc.record({
    west: fc.double({ min: 115.5, max: 117.4, noNaN: true }),
    south: fc.double({ min: 39.5, max: 40.9, noNaN: true }),
    cell: fc.double({ min: 0.0005, max: 0.005, noNaN: true }),
    cols: fc.integer({ min: 1, max: 4 }),
    rows: fc.integer({ min: 1, max: 4 }),
    jitter: fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), {
      minLength: 2,
      maxLength: 50,
    }),
    bends: options.bends
      ? fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 15 }),
            fc.integer({ min: 0, max: 3 }),
            fc.double({ min: -0.15, max: 0.15, noNaN: true }).filter((b) => Math.abs(b) > 0.01),
          ),
          { maxLength: 4 },
        )
      : fc.constant([]),
    buildings: fc.array(
      fc.tuple(
        fc.double({ min: -0.05, max: 1, noNaN: true }),
        fc.double({ min: -0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.02, max: 0.4, noNaN: true }),
        fc.double({ min: 0.02, max: 0.4, noNaN: true }),
      ),
      { maxLength: 25 },
    ),
  });

/** Keeps only bends on cells that exist and at most one bend per side. */
function tidy(s: LatticeSpec): LatticeSpec {
  const seen = new Set<string>();
  const bends = s.bends.filter(([cell, side]) => {
    const key = `${cell}:${side}`;
    if (cell >= s.cols * s.rows || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...s, bends };
}

describe('coverage engine properties', () => {
  it('Σ grid area inside + gap − overlap = community area (within 0.1 %)', () => {
    fc.assert(
      fc.property(spec({ bends: true }).map(tidy), (s) => {
        const community = new CoverageEngine(latticeInput(s)).report().communities[0]!;
        const balance = community.gridAreaInsideM2 + community.gapAreaM2 - community.overlapAreaM2;
        expect(Math.abs(balance - community.areaM2) / community.areaM2).toBeLessThan(0.001);
      }),
      { numRuns: 60 },
    );
  });

  it('a lattice without bends has no gap, overlap or outside part', () => {
    fc.assert(
      fc.property(spec({ bends: false }), (s) => {
        const report = new CoverageEngine(latticeInput(s)).report();
        const community = report.communities[0]!;
        expect(community.gaps).toEqual([]);
        expect(community.overlaps).toEqual([]);
        expect(community.outside).toEqual([]);
        expect(
          Math.abs(community.gridAreaInsideM2 - community.areaM2) / community.areaM2,
        ).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('shares of a building add up to at most 1 and the largest share wins', () => {
    fc.assert(
      fc.property(spec({ bends: true }).map(tidy), (s) => {
        for (const a of new CoverageEngine(latticeInput(s)).report().assignments) {
          const total = a.shares.reduce((sum, x) => sum + x.share, 0);
          expect(total).toBeLessThanOrEqual(1 + 1e-9);
          expect(a.gridId).toBe(a.shares[0]?.gridId ?? null);
          expect(a.status).toBe(['unassigned', 'inside'][a.shares.length] ?? 'split');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('after any grid edits the report equals a full recomputation, and so does the delta', () => {
    const edit = fc.record({
      kind: fc.constantFrom(
        'move-shared',
        'move-one',
        'move-one',
        'move-one',
        'remove',
        'remove',
        'bend',
        'restore',
        'restore',
      ),
      i: fc.nat(),
      j: fc.nat(),
      dx: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
      dy: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
      /** The rank a restored grid is given; undefined: it gets back the rank it had. */
      rank: fc.option(fc.integer({ min: -1, max: 20 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        spec({ bends: true }).map(tidy),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (start, edits) => {
          let s = start;
          const input = deepFreeze(latticeInput(s));
          const original = new Map(input.grids.map((g) => [g.properties.id, g]));
          // The model: every grid id's rank (kept when removed) and the grids present.
          const ranks = new Map(input.grids.map((g, rank) => [g.properties.id, rank]));
          const grids = new Map(original);
          const engine = new CoverageEngine(input);
          let ui = toUiReport(engine.report());
          for (const e of edits) {
            const i = e.i % s.cols;
            const j = e.j % s.rows;
            const id = gridId(j * s.cols + i);
            let changes: GridChange[];
            if (e.kind === 'remove') {
              changes = [{ gridId: id, grid: null }];
            } else if (e.kind === 'restore') {
              if (grids.has(id)) continue;
              changes = [{ gridId: id, grid: original.get(id)!, rank: e.rank }];
            } else if (e.kind === 'move-shared' || e.kind === 'bend') {
              // Jitter the shared vertex (i, j) in every grid, or bend one side of one cell.
              const jitter = [...s.jitter];
              const k = (j * (s.cols + 1) + i) * 2;
              jitter[k % jitter.length] = e.dx;
              jitter[(k + 1) % jitter.length] = e.dy;
              s =
                e.kind === 'bend'
                  ? tidy({ ...s, bends: [...s.bends, [j * s.cols + i, e.i % 4, e.dx]] })
                  : { ...s, jitter };
              changes = [...grids.keys()].map((gridId) => {
                const n = Number(gridId.slice(-3)) - 1;
                return { gridId, grid: latticeGrid(s, n % s.cols, Math.floor(n / s.cols)) };
              });
            } else {
              const grid = grids.get(id);
              if (!grid) continue;
              const ring = (grid.geometry.coordinates as number[][][])[0]!.map((p) => [...p]);
              ring[0] = [ring[0]![0]! + e.dx * s.cell, ring[0]![1]! + e.dy * s.cell];
              ring[ring.length - 1] = ring[0]!;
              changes = [
                {
                  gridId: id,
                  grid: { ...grid, geometry: { type: 'Polygon', coordinates: [ring] } },
                },
              ];
            }
            const delta = engine.updateGrids(changes);
            for (const { gridId, grid, rank } of changes) {
              if (grid) grids.set(gridId, grid);
              else grids.delete(gridId);
              if (rank !== undefined) ranks.set(gridId, rank);
            }
            const ordered = [...grids.values()].sort(
              (a, b) =>
                ranks.get(a.properties.id)! - ranks.get(b.properties.id)! ||
                a.properties.id.localeCompare(b.properties.id),
            );
            const full = new CoverageEngine({ ...input, grids: ordered }).report();
            expect(engine.report()).toEqual(full);
            const next = applyReportDelta(deepFreeze(ui), deepFreeze(delta));
            expect(next).toEqual(toUiReport(full));
            expect(JSON.stringify(next)).toBe(JSON.stringify(toUiReport(full)));
            ui = next;
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('facility coverage', () => {
  it('covers exactly the buildings within the radius of some facility (brute force)', () => {
    const point = fc.tuple(
      fc.double({ min: 116.3, max: 116.33, noNaN: true }),
      fc.double({ min: 39.9, max: 39.93, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.constantFrom(50, 70, 300, 500)), { maxLength: 12 }),
        fc.array(point, { minLength: 1, maxLength: 60 }),
        (facilities, centres) => {
          const input = latticeInput({
            west: 116.3,
            south: 39.9,
            cell: 0.01,
            cols: 3,
            rows: 3,
            jitter: [0],
            bends: [],
            buildings: [],
          });
          const size = 0.00002;
          const buildings = centres.map(([x, y], n) => ({
            type: 'Feature' as const,
            geometry: {
              type: 'Polygon' as const,
              coordinates: [
                [
                  [x - size, y - size],
                  [x + size, y - size],
                  [x + size, y + size],
                  [x - size, y + size],
                  [x - size, y - size],
                ],
              ],
            },
            properties: buildingProperties(`B${n}`, n),
          }));
          const report = new CoverageEngine({
            ...input,
            buildings,
            facilities: facilities.map(([coordinates, radius], n) => ({
              type: 'Feature',
              geometry: { type: 'Point', coordinates },
              properties: { id: `F${n}`, type: '垃圾收集点', serviceRadiusM: radius },
            })),
          }).report();
          const bins = report.facilities.find((f) => f.type === '垃圾收集点')!;
          centres.forEach((centre, n) => {
            const distances = facilities.map(([f, r]) => distanceM(centre, f) - r);
            // Skip the rare building within a millimetre of a circle: either answer is right.
            if (distances.some((d) => Math.abs(d) < 1e-3)) return;
            const inside = distances.some((d) => d < 0);
            expect(bins.uncoveredBuildingIds.includes(`B${n}`)).toBe(!inside);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
