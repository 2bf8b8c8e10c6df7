// Plan comparison: grid statuses, figures before and after with differences (null-safe per
// worker), community and street sums, and the buildings that change grid, on hand-made figures
// and on the sample street with two grids merged by the coverage engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import polygonClipping, { type Geom } from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import type { GridWorkload } from '../../src/analysis/coverage/report.ts';
import {
  comparePlans,
  type CompareContext,
  type ComparedBuilding,
  type PlanFigures,
} from '../../src/analysis/plan-compare.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { loadFiles } from '../../src/io/load-files.ts';
import { assignedTo } from './support/plan-figures.ts';

const C1 = '110106090001';
const C2 = '110106090002';
const A = `${C1}001`;
const B = `${C1}002`;
const E = `${C1}003`;
const D = `${C2}001`;

const grid = (gridId: string, over: Partial<GridWorkload> = {}): GridWorkload => {
  const workers = over.workers ?? 1;
  const households = over.households ?? 400;
  return {
    gridId,
    communityId: gridId.slice(0, 12),
    type: 'comprehensive',
    households,
    residents: households * 2.5,
    buildings: 10,
    difficultHouseholds: 4,
    specialHouseholds: 1,
    workers,
    householdsPerWorker: workers > 0 ? households / workers : null,
    monthlyVisits: 70,
    areaM2: 100_000,
    perimeterM: 1300,
    compactness: 0.75,
    parts: 1,
    workOrders: 200,
    band: 'within',
    householdsDeviation: 0,
    residentsOver: 0,
    ...over,
  };
};

const building = (households: number, name: string, communityId = C1): ComparedBuilding => ({
  households,
  residents: households * 2,
  name,
  address: `丰台区${name}`,
  communityId,
});

// Before: A and B in C1, D in C2; b4 in no grid. After: B removed, E added (no worker), A grows.
const BEFORE: PlanFigures = deepFreeze({
  grids: [
    grid(A, { households: 400, buildings: 2, workers: 2 }),
    grid(B, { households: 300, buildings: 2, band: 'below', householdsDeviation: 0 }),
    grid(D, { households: 450 }),
  ],
  assignments: [
    assignedTo('b1', A),
    assignedTo('b2', B),
    assignedTo('b3', B),
    assignedTo('b4', null),
    assignedTo('b5', D),
  ],
});
const AFTER: PlanFigures = deepFreeze({
  grids: [
    grid(A, { households: 460, buildings: 3, workers: 2, areaM2: 130_000 }),
    grid(E, { households: 276, buildings: 2, workers: 0, band: 'below' }),
    grid(D, { households: 450 }),
  ],
  assignments: [
    assignedTo('b1', A),
    assignedTo('b2', A),
    assignedTo('b3', E),
    assignedTo('b4', E),
    assignedTo('b5', D),
  ],
});
const CONTEXT: CompareContext = deepFreeze({
  buildings: new Map([
    ['b1', building(200, '1号楼')],
    ['b2', building(60, '2号楼')],
    ['b3', building(240, '3号楼')],
    ['b4', building(36, '4号楼')],
    ['b5', building(450, '5号楼', C2)],
  ]),
  communities: new Map([
    [C1, '安澜里社区'],
    [C2, undefined],
  ]),
});

describe('comparePlans on hand-made figures', () => {
  const comparison = comparePlans(BEFORE, AFTER, CONTEXT);

  it('gives each grid its status, sorted by community then grid', () => {
    expect(comparison.grids.map((g) => [g.gridId, g.status])).toEqual([
      [A, 'changed'],
      [B, 'removed'],
      [E, 'added'],
      [D, 'unchanged'],
    ]);
    expect(comparison.gridChanges).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
  });

  it('gives before, after and difference, with absent grids at 0 and ratios null-safe', () => {
    const [a, b, e] = comparison.grids;
    expect(a!.households).toEqual({ before: 400, after: 460, difference: 60 });
    expect(a!.householdsPerWorker).toEqual({ before: 200, after: 230, difference: 30 });
    expect(a!.areaM2.difference).toBe(30_000);
    expect(b!.households).toEqual({ before: 300, after: 0, difference: -300 });
    expect(b!.householdsPerWorker).toEqual({ before: 300, after: null, difference: null });
    expect([b!.bandBefore, b!.bandAfter]).toEqual(['below', null]);
    expect(e!.workers).toEqual({ before: 0, after: 0, difference: 0 });
    expect(e!.householdsPerWorker).toEqual({ before: null, after: null, difference: null });
    expect([e!.bandBefore, e!.bandAfter]).toEqual([null, 'below']);
  });

  it('sums each community and the street', () => {
    const [c1, c2] = comparison.communities;
    expect(c1).toMatchObject({
      communityId: C1,
      communityName: '安澜里社区',
      grids: { before: 2, after: 2, difference: 0 },
      households: { before: 700, after: 736, difference: 36 },
      workers: { before: 3, after: 2, difference: -1 },
      buildings: { before: 4, after: 5, difference: 1 },
    });
    expect(c1!.householdsPerWorker.before).toBeCloseTo(700 / 3, 10);
    expect(c1!.householdsPerWorker.after).toBe(368);
    expect(c2).toMatchObject({ communityId: C2, communityName: null });
    expect(c2!.households.difference).toBe(0);
    expect(comparison.street).toMatchObject({
      grids: { before: 3, after: 3, difference: 0 },
      households: { before: 1150, after: 1186, difference: 36 },
      outOfBandGrids: { before: 1, after: 1, difference: 0 },
      unassignedBuildings: { before: 1, after: 0, difference: -1 },
    });
  });

  it('lists every building that changes grid, by community, old grid, then id', () => {
    expect(comparison.movedBuildings).toEqual([
      {
        buildingId: 'b4',
        name: '4号楼',
        address: '丰台区4号楼',
        communityId: C1,
        households: 36,
        residents: 72,
        fromGridId: null,
        toGridId: E,
      },
      expect.objectContaining({ buildingId: 'b2', fromGridId: B, toGridId: A, households: 60 }),
      expect.objectContaining({ buildingId: 'b3', fromGridId: B, toGridId: E, households: 240 }),
    ]);
    expect(comparison.householdsMoved).toBe(336);
    expect(comparison.residentsMoved).toBe(672);
  });

  it('does not depend on the order of its inputs', () => {
    const shuffled = (figures: PlanFigures): PlanFigures => ({
      grids: [...figures.grids].reverse(),
      assignments: [...figures.assignments].reverse(),
    });
    expect(comparePlans(shuffled(BEFORE), shuffled(AFTER), CONTEXT)).toEqual(comparison);
  });

  it('marks a grid that swapped buildings of equal size as changed', () => {
    const before: PlanFigures = {
      grids: [grid(A), grid(D)],
      assignments: [assignedTo('b1', A), assignedTo('b5', D)],
    };
    const after: PlanFigures = {
      grids: [grid(A), grid(D)],
      assignments: [assignedTo('b1', D), assignedTo('b5', A)],
    };
    const result = comparePlans(before, after, CONTEXT);
    expect(result.grids.map((g) => g.status)).toEqual(['changed', 'changed']);
    expect(comparePlans(before, before, CONTEXT).grids.map((g) => g.status)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(comparePlans(before, before, CONTEXT).movedBuildings).toEqual([]);
  });
});

describe('comparePlans on the sample street: two grids merged', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  const files = ['communities', 'grids', 'buildings'].map((layer) => ({
    name: `${layer}.geojson`,
    text: readFileSync(join(ROOT, 'data', `${layer}.geojson`), 'utf8'),
  }));
  const loaded = loadFiles(files);
  const input = inputFromLoad(loaded);
  const engine = new CoverageEngine(input);
  const baseline = engine.report();

  const [first, second] = input.grids.filter((g) => g.properties.communityId === C1);
  const merged = polygonClipping.union(
    (first!.geometry as Polygon).coordinates as Geom,
    (second!.geometry as Polygon).coordinates as Geom,
  );
  const mergedGrid: GridFeature = {
    ...first!,
    geometry: { type: 'Polygon', coordinates: merged[0]! },
    properties: { ...first!.properties, workers: 2 },
  };
  engine.updateGrids([
    { gridId: first!.properties.id, grid: mergedGrid },
    { gridId: second!.properties.id, grid: null },
  ]);
  const edited = engine.report();
  const buildings = new Map(
    input.buildings.map((b) => [b.properties.id, b.properties] as [string, ComparedBuilding]),
  );
  const communities = new Map(input.communities.map((c) => [c.properties.id, c.properties.name]));
  const comparison = comparePlans(baseline, edited, { buildings, communities });

  it('moves every building of the removed grid into the merged one', () => {
    const secondId = second!.properties.id;
    const fromSecond = baseline.assignments.filter((a) => a.gridId === secondId);
    const secondFigures = baseline.grids.find((g) => g.gridId === secondId)!;
    expect(fromSecond.length).toBeGreaterThan(0);
    expect(comparison.movedBuildings.map((m) => m.buildingId)).toEqual(
      fromSecond.map((a) => a.buildingId).sort(),
    );
    expect(comparison.movedBuildings.every((m) => m.toGridId === first!.properties.id)).toBe(true);
    expect(comparison.householdsMoved).toBe(secondFigures.households);
    expect(comparison.gridChanges).toEqual({ added: 0, removed: 1, changed: 1, unchanged: 44 });
  });

  it('keeps the community totals but one grid fewer', () => {
    const community = comparison.communities.find((c) => c.communityId === C1)!;
    expect(community.communityName).toBe('安澜里社区');
    expect(community.grids).toEqual({ before: 4, after: 3, difference: -1 });
    expect(community.households.difference).toBe(0);
    expect(community.buildings.difference).toBe(0);
    const firstRow = comparison.grids.find((g) => g.gridId === first!.properties.id)!;
    expect(firstRow.households.difference).toBe(comparison.householdsMoved);
    expect(firstRow.workers).toEqual({ before: 1, after: 2, difference: 1 });
    expect(comparison.street.grids).toEqual({ before: 46, after: 45, difference: -1 });
  });
});
