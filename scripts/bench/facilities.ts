/**
 * Facility points scattered over the territory, cameras and refuse points most common, a few
 * carrying their own service radius instead of their type's norm.
 */
import { FACILITY_TYPES, type FacilityFeature, type FacilityType } from '../../src/domain/types.ts';
import type { Random } from '../sample/random.ts';
import { benchLonLat } from './frame.ts';
import { cellPoint, type Lattice } from './lattice.ts';

/** Relative frequency of each type, in FACILITY_TYPES order. */
const TYPE_WEIGHTS: Readonly<Record<FacilityType, number>> = {
  垃圾收集点: 0.3,
  社区服务站: 0.05,
  养老驿站: 0.07,
  卫生服务站: 0.05,
  幼儿园: 0.07,
  监控探头: 0.41,
  议事厅: 0.05,
};
const OWN_RADIUS_SHARE = 0.05;
const OWN_RADII_M = [50, 100, 200, 300, 500] as const;

/**
 * `count` facilities at uniformly random places of the lattice.
 * @example
 * placeFacilities(lattice, 300, rng).length; // 300
 */
export function placeFacilities(lattice: Lattice, count: number, rng: Random): FacilityFeature[] {
  const weights = FACILITY_TYPES.map((t) => TYPE_WEIGHTS[t]);
  return Array.from({ length: count }, (_, k): FacilityFeature => {
    const id = 'F' + String(k + 1).padStart(6, '0');
    const at = cellPoint(
      lattice,
      rng.int(0, lattice.width - 1),
      rng.int(0, lattice.height - 1),
      rng.next(),
      rng.next(),
    );
    const type = rng.weighted(FACILITY_TYPES, weights);
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: benchLonLat(at) },
      properties: rng.chance(OWN_RADIUS_SHARE)
        ? { id, type, serviceRadiusM: rng.pick(OWN_RADII_M) }
        : { id, type },
    };
  });
}
