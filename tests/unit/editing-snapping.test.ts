/**
 * Snapping: vertices beat edges, grids beat the border and roads on ties, distances in geodesic
 * metres, the dragged vertex ignored, and positions out of reach left alone.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceM, metresPerDegree } from '../../src/analysis/coverage/geodesy.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { BasemapFeature } from '../../src/domain/types.ts';
import { snapPosition, snapTargets } from '../../src/editing/snapping.ts';
import { twoSquaresFixture, unit } from './support/edit-plan.ts';
import { gridId } from './support/lattice.ts';

/** `p` moved `east` and `north` metres. */
function offset(p: Position, east: number, north: number): Position {
  const scale = metresPerDegree(p[1]!);
  return [p[0]! + east / scale.lng, p[1]! + north / scale.lat];
}

const fx = twoSquaresFixture();

const roads: BasemapFeature[] = deepFreeze([
  {
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [unit(-0.5, 0.5), unit(0.5, 0.5), unit(2.5, 0.6)],
    },
    properties: { id: 'R1', kind: 'road', roadClass: 'minor' },
  },
  {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: [unit(0, 0.25), unit(2, 0.25)] },
    properties: { id: 'W1', kind: 'water' },
  },
]);

const targets = snapTargets(fx.grids, fx.community, roads);

describe('snapPosition', () => {
  it('snaps to a grid vertex within the tolerance, with the distance in metres', () => {
    const near = offset(unit(1, 1), 2, -1);
    const { position, snap } = snapPosition(near, targets, 5);
    expect(position).toEqual(unit(1, 1));
    expect(snap?.kind).toBe('grid-vertex');
    expect(snap?.featureId).toBe(gridId(0));
    expect(snap?.distanceM).toBeCloseTo(Math.hypot(2, 1), 6);
  });

  it('snaps to the nearest point of a grid edge when no vertex is in reach', () => {
    const near = offset(unit(1, 0.8), 3, 0);
    const { position, snap } = snapPosition(near, targets, 5);
    expect(snap?.kind).toBe('grid-edge');
    expect(position[0]).toBeCloseTo(unit(1, 0)[0]!, 12);
    expect(position[1]).toBeCloseTo(near[1]!, 12);
    expect(snap?.distanceM).toBeCloseTo(3, 6);
  });

  it('lets a road vertex beat a nearer grid edge, and ignores features that are not roads', () => {
    const near = offset(unit(0.5, 0.5), 0, 3);
    expect(snapPosition(near, targets, 5).snap?.kind).toBe('road-vertex');
    const nearRoad = offset(unit(1.5, 0.55), 0, 2);
    const { position, snap } = snapPosition(nearRoad, targets, 5);
    expect(snap).toMatchObject({ kind: 'road-edge', featureId: 'R1' });
    expect(distanceM(position, nearRoad)).toBeLessThan(2);
    const nearWater = offset(unit(0.3, 0.25), 0, 1);
    expect(snapPosition(nearWater, targets, 5).snap).toBeNull();
  });

  it('prefers the grid to the border where both have the vertex, and snaps to the border alone', () => {
    expect(snapPosition(offset(unit(0, 0), 1, 1), targets, 5).snap?.kind).toBe('grid-vertex');
    const borderOnly = snapTargets([], fx.community, []);
    expect(snapPosition(offset(unit(2, 1), -1, -1), borderOnly, 5).snap).toMatchObject({
      kind: 'border-vertex',
      featureId: fx.community.properties.id,
    });
    expect(snapPosition(offset(unit(1, 1), 0, 2), borderOnly, 5).snap?.kind).toBe('border-edge');
  });

  it('ignores the dragged vertex and its edges', () => {
    const near = offset(unit(1, 1), 1, -1);
    const { snap } = snapPosition(near, targets, 5, { ignore: unit(1, 1) });
    expect(snap?.kind).toBe('border-edge');
  });

  it('leaves a position out of reach alone', () => {
    const far = unit(0.3, 0.7);
    expect(snapPosition(far, targets, 5)).toEqual({ position: far, snap: null });
  });
});
