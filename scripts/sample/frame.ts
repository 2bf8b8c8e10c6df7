/** The local metre frame of the sample street (metres east/north of an origin) ↔ WGS-84. */
import type { Position } from 'geojson';
import { metresPerDegree } from '../../src/analysis/coverage/geodesy.ts';

/** A point in the local frame: metres east (x) and north (y) of the origin. */
export type Vec = readonly [number, number];

/** The origin of the frame: the middle of the sample street. */
export const ORIGIN = { lon: 116.32, lat: 39.84 } as const;

const SCALE = metresPerDegree(ORIGIN.lat);

/** Rounds a coordinate to 6 decimals (≈0.1 m), the precision of every file. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Converts a local point to a rounded WGS-84 [lon, lat]. The map is affine (scales taken at the
 * origin's latitude; over the street's 2 km the error is below 1 cm), so straight edges stay
 * straight and a vertex shared by two polygons converts to the same numbers in both.
 * @example
 * toLonLat([0, 0]); // [116.32, 39.84]
 */
export function toLonLat(p: Vec): Position {
  return [round6(ORIGIN.lon + p[0] / SCALE.lng), round6(ORIGIN.lat + p[1] / SCALE.lat)];
}

/**
 * Converts a WGS-84 [lon, lat] back to the local frame (used by checks).
 * @example
 * fromLonLat([116.32, 39.84]); // [0, 0]
 */
export function fromLonLat(position: Position): Vec {
  const [lon = 0, lat = 0] = position;
  return [(lon - ORIGIN.lon) * SCALE.lng, (lat - ORIGIN.lat) * SCALE.lat];
}
