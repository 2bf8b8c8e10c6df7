// The editing tools' pure helpers for shapes: pixels to metres, boxes, clicked rings, lasso and
// brush areas, and pointer pacing. Projections are faked with a linear one (no WebGL).
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { distanceM, metresPerDegree, polygonAreaM2 } from '../../src/analysis/coverage/geodesy.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { ringOrientation } from '../../src/editing/ring-geometry.ts';
import { brushStrokePolygon, extendStroke } from '../../src/map/tools/brush-stroke.ts';
import { pixelsToMetres, screenDistance } from '../../src/map/tools/screen-scale.ts';
import {
  boxRing,
  closedRing,
  lassoArea,
  takesPoint,
  withoutRepeats,
} from '../../src/map/tools/sketch-shapes.ts';
import { frameThrottle } from '../../src/map/tools/throttle.ts';

const LAT = 39.85;
const scale = metresPerDegree(LAT);
/** A position `x` metres east and `y` metres north of the origin. */
const at = (x: number, y: number): Position => [116.3 + x / scale.lng, LAT + y / scale.lat];
/** Linear fake of map.unproject: 1 px = 1e-5° in both axes, y down. */
const unproject = ([x, y]: [number, number]): Position => [116.3 + x * 1e-5, LAT - y * 1e-5];

describe('pixelsToMetres', () => {
  it('measures the ground span of pixels through the projection', () => {
    expect(pixelsToMetres(unproject, [200, 100], 8)).toBeCloseTo(
      8e-5 * metresPerDegree(LAT - 0.001).lng,
      6,
    );
    expect(pixelsToMetres(unproject, [0, 0], 0)).toBe(0);
  });

  it('measures screen distances in pixels', () => {
    expect(screenDistance([1, 1], [4, 5])).toBe(5);
  });
});

describe('boxRing', () => {
  it('closes a counter-clockwise box from any two opposite corners', () => {
    const a = deepFreeze(at(100, 0));
    const b = deepFreeze(at(0, 50));
    const ring = boxRing(a, b)!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(ringOrientation(ring)).toBeGreaterThan(0);
    expect(polygonAreaM2([ring])).toBeCloseTo(5000, 0);
  });

  it('has no box for a click without a drag', () => {
    expect(boxRing(at(5, 5), at(5, 5))).toBeNull();
    expect(boxRing(at(0, 5), at(10, 5))).toBeNull();
  });
});

describe('closedRing and withoutRepeats', () => {
  const [a, b, c] = [at(0, 0), at(10, 0), at(10, 10)];

  it('closes clicked corners and drops a double-click repeat', () => {
    expect(closedRing(deepFreeze([a, b, c, c]))).toEqual([a, b, c, a]);
    expect(closedRing([a, b, c, a])).toEqual([a, b, c, a]);
  });

  it('refuses fewer than three distinct corners', () => {
    expect(closedRing([a, b, b])).toBeNull();
    expect(closedRing([a, b, a])).toBeNull();
  });

  it('drops repeats in a row only', () => {
    expect(withoutRepeats(deepFreeze([a, a, b, a, b, b]))).toEqual([a, b, a, b]);
  });
});

describe('takesPoint', () => {
  it('takes the first point and then only points far enough from the last', () => {
    expect(takesPoint([], [0, 0], 4)).toBe(true);
    expect(takesPoint([[0, 0]], [3, 0], 4)).toBe(false);
    expect(takesPoint([[0, 0]], [3, 4], 4)).toBe(true);
  });
});

describe('lassoArea', () => {
  it('closes a free path into the area it encloses', () => {
    const path = deepFreeze([at(0, 0), at(40, 0), at(40, 40), at(0, 40)]);
    const area = lassoArea(path)!;
    expect(area).toHaveLength(1);
    expect(polygonAreaM2(area)).toBeCloseTo(1600, 0);
  });

  it('keeps the larger loop of a path that crosses itself', () => {
    // A bow tie: a small triangle on the left, a larger one on the right, crossing at (40, 40).
    const eight = [at(0, 0), at(40, 40), at(80, 40), at(80, -40), at(40, 40), at(0, 40)];
    const area = lassoArea(eight)!;
    // The right loop is a triangle with corners (40,40), (80,40), (80,-40): 1600 m².
    expect(polygonAreaM2(area)).toBeCloseTo(1600, -1);
  });

  it('has no area for a path of fewer than three points', () => {
    expect(lassoArea([at(0, 0), at(5, 5)])).toBeNull();
  });
});

describe('brushStrokePolygon', () => {
  // A 16-gon of radius r has area 8·sin(π/8)·r² = 3.0615 r²; a stroke is a rectangle plus that.
  const disc = (r: number) => 8 * Math.sin(Math.PI / 8) * r * r;

  it('sweeps a straight path into a stadium of the brush width', () => {
    const path = deepFreeze([at(0, 0), at(50, 0), at(100, 0)]);
    const area = brushStrokePolygon(path, 10)!;
    expect(area).toHaveLength(1);
    expect(polygonAreaM2(area)).toBeCloseTo(100 * 20 + disc(10), -1);
  });

  it('paints a disc for a single dab', () => {
    expect(polygonAreaM2(brushStrokePolygon([at(0, 0)], 10)!)).toBeCloseTo(disc(10), 0);
  });

  it('covers both legs of a bent stroke, as one polygon', () => {
    const area = brushStrokePolygon([at(0, 0), at(60, 0), at(60, 60)], 10)!;
    expect(area).toHaveLength(1);
    const outer = area[0]!;
    const reach = (p: Position) => Math.min(...outer.map((q) => distanceM(p, q)));
    // The far ends of both legs lie on the outline, 10 m from the path's ends.
    expect(reach(at(-10, 0))).toBeLessThan(0.5);
    expect(reach(at(60, 70))).toBeLessThan(0.5);
    // The area is the two 60 × 20 legs, their overlap, and the end caps (within a few m²).
    expect(polygonAreaM2(area)).toBeGreaterThan(2 * 60 * 20);
    expect(polygonAreaM2(area)).toBeLessThan(2 * 60 * 20 + disc(10) + 100);
  });

  it('skips points closer than a fifth of the radius and refuses an empty path', () => {
    const dense = Array.from({ length: 101 }, (_, i) => at(i, 0));
    expect(polygonAreaM2(brushStrokePolygon(dense, 10)!)).toBeCloseTo(2000 + disc(10), -1);
    expect(brushStrokePolygon([], 10)).toBeNull();
    expect(brushStrokePolygon([at(0, 0)], 0)).toBeNull();
  });

  it('grows a shown stroke one segment at a time to the same area', () => {
    const path = [at(0, 0), at(30, 0), at(30, 30), at(0, 30)];
    let shown: Position[][] | null = null;
    for (let i = 1; i < path.length; i++) shown = extendStroke(shown, path[i - 1]!, path[i]!, 8);
    expect(polygonAreaM2(shown!)).toBeCloseTo(polygonAreaM2(brushStrokePolygon(path, 8)!), 0);
  });
});

describe('frameThrottle', () => {
  it('runs once per frame with the newest value', () => {
    const frames: (() => void)[] = [];
    const seen: number[] = [];
    const paced = frameThrottle<number>(
      (v) => seen.push(v),
      (cb) => frames.push(cb),
    );
    paced.push(1);
    paced.push(2);
    paced.push(3);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(seen).toEqual([3]);
    paced.push(4);
    paced.cancel();
    frames.shift()!();
    expect(seen).toEqual([3]);
    paced.push(5);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(seen).toEqual([3, 5]);
  });
});
