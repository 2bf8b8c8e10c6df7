/**
 * Measurements on the WGS-84 ellipsoid. Areas come from the Lambert cylindrical equal-area
 * projection of the ellipsoid (exact for polygons whose edges are straight in that projection,
 * which at street scale differs from geodesic edges by far less than a square millimetre);
 * lengths and distances use the ellipsoid's radii of curvature at the mid-latitude of each
 * segment, accurate to well under 0.01 % for the few kilometres a service radius spans.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** Authalic q(φ) of the ellipsoid (Snyder, Map Projections, eq. 3-12). */
function authalicQ(sinPhi: number): number {
  const es = E * sinPhi;
  return (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) - Math.log((1 - es) / (1 + es)) / (2 * E));
}

/** Equal-area x (metres) of a longitude. */
function equalAreaX(lng: number): number {
  return A * lng * RAD;
}

/** Equal-area y (metres) of a latitude. */
function equalAreaY(lat: number): number {
  return (A * authalicQ(Math.sin(lat * RAD))) / 2;
}

/** A ring projected to equal-area metres as [x0, y0, x1, y1, …] (closing position included). */
export function projectRing(ring: readonly Position[]): Float64Array {
  const out = new Float64Array(ring.length * 2);
  for (let i = 0; i < ring.length; i++) {
    const position = ring[i]!;
    out[i * 2] = equalAreaX(position[0]!);
    out[i * 2 + 1] = equalAreaY(position[1]!);
  }
  return out;
}

/**
 * Signed area of a projected ring (positive when counter-clockwise), shoelace relative to its
 * first vertex so that large absolute coordinates lose no precision.
 */
export function projectedRingArea(xy: Float64Array): number {
  const n = xy.length / 2;
  if (n < 3) return 0;
  const x0 = xy[0]!;
  const y0 = xy[1]!;
  let twice = 0;
  for (let i = 1; i < n - 1; i++) {
    const ax = xy[i * 2]! - x0;
    const ay = xy[i * 2 + 1]! - y0;
    const bx = xy[i * 2 + 2]! - x0;
    const by = xy[i * 2 + 3]! - y0;
    twice += ax * by - bx * ay;
  }
  return twice / 2;
}

/** Area in m² of one polygon (outer ring minus holes), whatever the rings' orientation. */
export function polygonAreaM2(rings: readonly Position[][]): number {
  let total = 0;
  rings.forEach((ring, r) => {
    const ringArea = Math.abs(projectedRingArea(projectRing(ring)));
    total += r === 0 ? ringArea : -ringArea;
  });
  return Math.max(total, 0);
}

/**
 * Area in m² of a Polygon or MultiPolygon on the WGS-84 ellipsoid.
 * @example
 * geometryAreaM2(square100m); // ≈ 10,000
 */
export function geometryAreaM2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((sum, rings) => sum + polygonAreaM2(rings), 0);
}

/** Metres per degree of latitude and of longitude at a latitude (meridian and parallel radii). */
export function metresPerDegree(lat: number): { lat: number; lng: number } {
  const s = Math.sin(lat * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const meridian = (A * (1 - E2)) / (w * w * w);
  const normal = A / w;
  return { lat: meridian * RAD, lng: normal * Math.cos(lat * RAD) * RAD };
}

/**
 * The closed ring of `steps` vertices at `radiusM` around `centre`, in its local frame (the
 * ellipsoid's radii of curvature at its latitude, as facility coverage measures): the disc the
 * figures count, as the map draws it.
 * @example
 * circleRing([116.32, 39.84], 70).length; // 65
 */
export function circleRing(centre: Position, radiusM: number, steps = 64): Position[] {
  const scale = metresPerDegree(centre[1]!);
  const ring = Array.from({ length: steps }, (_, k): Position => {
    const angle = (2 * Math.PI * k) / steps;
    return [
      centre[0]! + (radiusM * Math.cos(angle)) / scale.lng,
      centre[1]! + (radiusM * Math.sin(angle)) / scale.lat,
    ];
  });
  return [...ring, ring[0]!];
}

/**
 * Distance in metres between two positions a few kilometres apart at most.
 * @example
 * distanceM([116.3, 39.9], [116.3, 39.901]); // ≈ 111.0
 */
export function distanceM(a: Position, b: Position): number {
  const scale = metresPerDegree((a[1]! + b[1]!) / 2);
  const dx = (b[0]! - a[0]!) * scale.lng;
  const dy = (b[1]! - a[1]!) * scale.lat;
  return Math.hypot(dx, dy);
}

/** Length in metres of every ring of a Polygon or MultiPolygon (holes included). */
export function perimeterM(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) total += distanceM(ring[i - 1]!, ring[i]!);
  return total;
}
