/**
 * Ellipsoidal measurements against figures computed independently: the meridian and parallel
 * arc lengths of WGS-84 at Beijing's latitude, and polygon areas from numerical integration of
 * M·N·cos φ (see tests/fixtures/COVERAGE.md).
 */
import { describe, expect, it } from 'vitest';
import {
  distanceM,
  geometryAreaM2,
  metresPerDegree,
  perimeterM,
} from '../../src/analysis/coverage/geodesy.ts';
import { intersectionAreaM2 } from '../../src/analysis/coverage/clip-area.ts';
import { projectRing } from '../../src/analysis/coverage/geodesy.ts';

const square = (w: number, s: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [w + size, s],
      [w + size, s + size],
      [w, s + size],
      [w, s],
    ],
  ],
});

describe('geodesy', () => {
  it('knows the length of a degree at 39.9°N (111,033 m north–south, 85,518 m east–west)', () => {
    const m = metresPerDegree(39.9);
    expect(m.lat).toBeCloseTo(111033, -1);
    expect(m.lng).toBeCloseTo(85518, -1);
  });

  it('measures short distances in any direction', () => {
    expect(distanceM([116.3, 39.9], [116.3, 39.901])).toBeCloseTo(111.03, 1);
    expect(distanceM([116.3, 39.9], [116.301, 39.9])).toBeCloseTo(85.52, 1);
    expect(distanceM([116.3, 39.9], [116.303, 39.904])).toBeCloseTo(Math.hypot(256.55, 444.13), 0);
  });

  it('gives ellipsoidal areas, orientation-independent, holes subtracted', () => {
    const sq = square(116.3, 39.9, 0.01);
    expect(geometryAreaM2(sq)).toBeCloseTo(949464.6055, 3);
    const reversed = { ...sq, coordinates: [[...sq.coordinates[0]!].reverse()] };
    expect(geometryAreaM2(reversed)).toBeCloseTo(949464.6055, 3);
    const withHole = {
      ...sq,
      coordinates: [sq.coordinates[0]!, square(116.303, 39.903, 0.004).coordinates[0]!],
    };
    expect(geometryAreaM2(withHole) / geometryAreaM2(sq)).toBeCloseTo(0.84, 3);
    expect(geometryAreaM2(square(18.9, 69.65, 0.01))).toBeCloseTo(433034.1467, 3);
  });

  it('measures perimeters (a 0.01° square at 39.9°N: 2 × (854 + 1,110) m)', () => {
    expect(perimeterM(square(116.3, 39.9, 0.01))).toBeCloseTo(2 * (853.9 + 1110.3), -1);
  });

  it('clips a concave footprint exactly (an L-shape half inside a grid)', () => {
    // L-shape: 3 unit squares of 0.001°; the grid holds the left column (2 of the 3 squares).
    const u = 0.001;
    const l = [
      [116.3, 39.9],
      [116.3 + 2 * u, 39.9],
      [116.3 + 2 * u, 39.9 + u],
      [116.3 + u, 39.9 + u],
      [116.3 + u, 39.9 + 2 * u],
      [116.3, 39.9 + 2 * u],
      [116.3, 39.9],
    ];
    const grid = square(116.3 - u, 39.9 - u, 0);
    grid.coordinates[0] = [
      [116.3 - u, 39.9 - u],
      [116.3 + u, 39.9 - u],
      [116.3 + u, 39.9 + 3 * u],
      [116.3 - u, 39.9 + 3 * u],
      [116.3 - u, 39.9 - u],
    ];
    const footprint = projectRing(l);
    const inside = intersectionAreaM2(footprint, [[projectRing(grid.coordinates[0]!)]]);
    const whole = geometryAreaM2({ type: 'Polygon', coordinates: [l] });
    expect(inside / whole).toBeCloseTo(2 / 3, 4);
  });
});
