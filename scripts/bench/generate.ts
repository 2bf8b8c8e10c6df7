/**
 * The benchmark data of one scale, generated in memory from a seed (nothing is written): a
 * planar subdivision of streets → communities → grids on a shared lattice, buildings, facilities,
 * and a few deliberate faults. Pure: the same scale and seed give the same features.
 */
import type { CommunityFeature, GridFeature } from '../../src/domain/types.ts';
import type { AnalysisInput } from '../../src/analysis/coverage/input.ts';
import { createRandom } from '../sample/random.ts';
import { placeBuildings } from './buildings.ts';
import { placeFacilities } from './facilities.ts';
import { injectFaults, type Fault } from './faults.ts';
import { buildLattice, rectRing } from './lattice.ts';
import { planLayout } from './layout.ts';
import type { BenchScale } from './scales.ts';

export const BENCH_SEED = 20250601;

export interface BenchData {
  scale: BenchScale;
  seed: number;
  input: Required<Pick<AnalysisInput, 'communities' | 'grids' | 'buildings' | 'facilities'>>;
  streetIds: string[];
  faults: Fault[];
  straddlingBuildingIds: string[];
  unassignedBuildingIds: string[];
}

/**
 * Generates the features of a scale.
 * @example
 * const data = generateBench(SCALES.street);
 * data.input.grids.length; // 40
 */
export function generateBench(scale: BenchScale, seed = BENCH_SEED): BenchData {
  const rng = createRandom(seed);
  const layout = planLayout(scale, rng.fork('layout'));
  const lattice = buildLattice(layout.width, layout.height, rng.fork('lattice'));

  const communities = layout.communities.map((c): CommunityFeature => ({
    type: 'Feature',
    id: c.id,
    geometry: { type: 'Polygon', coordinates: [rectRing(lattice, c.rect)] },
    properties: { id: c.id, streetId: c.streetId },
  }));
  const tiled = layout.communities.flatMap((c) =>
    c.grids.map((g): GridFeature => ({
      type: 'Feature',
      id: g.id,
      geometry: { type: 'Polygon', coordinates: [rectRing(lattice, g.rect)] },
      properties: { id: g.id, communityId: g.communityId, type: g.type, workers: g.workers },
    })),
  );
  const { grids, faults } = injectFaults(communities, tiled, rng.fork('faults'));
  const buildings = placeBuildings(layout, lattice, scale.buildings, rng.fork('buildings'));
  const facilities = placeFacilities(lattice, scale.facilities, rng.fork('facilities'));

  return {
    scale,
    seed,
    input: { communities, grids, buildings: buildings.buildings, facilities },
    streetIds: layout.streetIds,
    faults,
    straddlingBuildingIds: buildings.straddlingIds,
    unassignedBuildingIds: buildings.unassignedIds,
  };
}
