/**
 * A part of the benchmark data that the naive baseline can finish in seconds: the communities of
 * the first few streets with their grids, buildings and the facilities within their extent.
 */
import { bboxOfRings, polygonsOf } from '../../src/analysis/coverage/prepared.ts';
import type { BenchData } from './generate.ts';

/**
 * The data of the first `streets` streets (the whole data when null).
 * @example
 * subsetByStreets(data, 2).input.grids.length; // the grids of two streets
 */
export function subsetByStreets(data: BenchData, streets: number | null): BenchData {
  if (streets === null) return data;
  const keep = new Set(data.streetIds.slice(0, streets));
  const communities = data.input.communities.filter((c) => keep.has(c.properties.streetId));
  const ids = new Set(communities.map((c) => c.properties.id));
  const [west, south, east, north] = bboxOfRings(
    communities.flatMap((c) => polygonsOf(c.geometry).flat()),
  );
  const facilities = data.input.facilities.filter(
    ({
      geometry: {
        coordinates: [x = 0, y = 0],
      },
    }) => x >= west && x <= east && y >= south && y <= north,
  );
  const buildings = data.input.buildings.filter((b) => ids.has(b.properties.communityId));
  const buildingIds = new Set(buildings.map((b) => b.properties.id));
  return {
    ...data,
    input: {
      communities,
      grids: data.input.grids.filter((g) => ids.has(g.properties.communityId)),
      buildings,
      facilities,
    },
    streetIds: data.streetIds.slice(0, streets),
    faults: data.faults.filter((f) => ids.has(f.communityId)),
    straddlingBuildingIds: data.straddlingBuildingIds.filter((id) => buildingIds.has(id)),
    unassignedBuildingIds: data.unassignedBuildingIds.filter((id) => buildingIds.has(id)),
  };
}
