/**
 * The coordinate systems Chinese exports use and how to tell them apart. Positions from Amap or
 * Tencent are GCJ-02 and from Baidu BD-09: in Beijing they sit some 500 m and 1.3 km off the true
 * (WGS-84) place, enough to put a complaint in the wrong grid. gcoord (a small, well-kept
 * converter) does the conversion. Which system a file is in is decided by where its points fall:
 * the system under which most of them lie at a building of the street wins.
 */
import gcoord from 'gcoord';
import type { BBox } from 'geojson';
import { BoxIndex } from '../coverage/spatial-index.ts';

export const COORDINATE_SYSTEMS = ['WGS84', 'GCJ02', 'BD09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/**
 * A position converted to WGS-84.
 * @example
 * toWgs84(116.404, 39.915, 'GCJ02'); // [116.3977…, 39.9136…]
 */
export function toWgs84(x: number, y: number, from: CoordinateSystem): [number, number] {
  if (from === 'WGS84') return [x, y];
  const [lng, lat] = gcoord.transform([x, y], gcoord[from], gcoord.WGS84) as [number, number];
  return [lng, lat];
}

/** How far from a footprint's box (metres) a point still counts as at the building. */
const NEAR_M = 15;
const M_PER_DEG_LAT = 111_320;

export interface SystemFit {
  /** The system under which the most points lie at a building. */
  likely: CoordinateSystem;
  /** Share of the sampled points at a building (0–1) under each system. */
  shares: Record<CoordinateSystem, number>;
  sampled: number;
}

/**
 * Tries each system on up to `limit` positions (spread over the file) and counts how many land
 * within 15 m of a building's footprint box. Ties go to the earlier system (WGS-84 first).
 * @example
 * fitSystems(positions, footprintBoxes).likely; // 'GCJ02'
 */
export function fitSystems(
  positions: readonly (readonly [number, number])[],
  buildingBoxes: readonly BBox[],
  limit = 2000,
): SystemFit {
  const step = Math.max(1, Math.floor(positions.length / limit));
  const sample = positions.filter((_, i) => i % step === 0).slice(0, limit);
  const lat = sample.length ? sample[0]![1] : 40;
  const dLat = NEAR_M / M_PER_DEG_LAT;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  const index = new BoxIndex(
    buildingBoxes.map(([w, s, e, n]): BBox => [w - dLng, s - dLat, e + dLng, n + dLat]),
    (box) => box,
  );
  const shares = {} as Record<CoordinateSystem, number>;
  let likely: CoordinateSystem = 'WGS84';
  for (const system of COORDINATE_SYSTEMS) {
    let near = 0;
    for (const [x, y] of sample) {
      const [lng, lat] = toWgs84(x, y, system);
      if (index.searchIndices([lng, lat, lng, lat]).length > 0) near++;
    }
    shares[system] = sample.length ? near / sample.length : 0;
    if (shares[system] > shares[likely]) likely = system;
  }
  return { likely, shares, sampled: sample.length };
}
