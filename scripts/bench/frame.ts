/**
 * The benchmark's local metre frame, centred on Beijing (116.40°E, 39.95°N) ↔ WGS-84. Affine,
 * like the sample street's frame, so a vertex shared by two polygons converts to the same numbers
 * in both and a straight edge stays straight.
 */
import type { Position } from 'geojson';
import { metresPerDegree } from '../../src/analysis/coverage/geodesy.ts';
import { round6, type Vec } from '../sample/frame.ts';

const BENCH_ORIGIN = { lon: 116.4, lat: 39.95 } as const;

const SCALE = metresPerDegree(BENCH_ORIGIN.lat);

/**
 * A local point (metres east, north of the origin) as a WGS-84 [lon, lat] rounded to 6 decimals.
 * @example
 * benchLonLat([0, 0]); // [116.4, 39.95]
 */
export function benchLonLat(p: Vec): Position {
  return [round6(BENCH_ORIGIN.lon + p[0] / SCALE.lng), round6(BENCH_ORIGIN.lat + p[1] / SCALE.lat)];
}

/**
 * A displacement in metres as degrees of [lon, lat] (for moving a vertex of a loaded polygon).
 * @example
 * metresToDegrees([0, 111]); // [0, ≈0.001]
 */
export function metresToDegrees(d: Vec): Vec {
  return [d[0] / SCALE.lng, d[1] / SCALE.lat];
}

/**
 * A [lon, lat] difference in metres.
 * @example
 * degreesToMetres([0, 0.001]); // [0, ≈111]
 */
export function degreesToMetres(d: Vec): Vec {
  return [d[0] * SCALE.lng, d[1] * SCALE.lat];
}
