// Grid change sets applied to the grids and labels the UI holds: changed grids replace theirs in
// place, removed ones go, a new order is followed, untouched grids keep their objects, inputs are
// never changed, and changes that do not fit the plan throw instead of drawing a wrong map.
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LabelProperties } from '../../src/analysis/label-points.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import { applyGridChangeSet, applyLabelChangeSet } from '../../src/ui/plan-changes.ts';

const grid = (id: string, x = 0): GridFeature => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116 + x, 39],
        [116.01 + x, 39],
        [116.01 + x, 39.01],
        [116 + x, 39],
      ],
    ],
  },
  properties: {
    id,
    name: id,
    communityId: id.slice(0, 12),
    type: 'comprehensive',
    workers: 1,
    leader: '',
  },
});
const label = (id: string, x = 0): Feature<Point, LabelProperties> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [116 + x, 39] },
  properties: { layer: 'grids', id, name: id },
});

const ids = (features: readonly { properties: { id: string } }[]) =>
  features.map((f) => f.properties.id);

describe('applyGridChangeSet', () => {
  const grids = deepFreeze(['A', 'B', 'C'].map((id) => grid(`110106090001${id}`)));
  const [a, b, c] = grids;

  it('replaces a changed grid in place and keeps the other objects', () => {
    const reshaped = grid(b!.properties.id, 1);
    const out = applyGridChangeSet(grids, { changed: [reshaped], removedIds: [], order: null });
    expect(out).toEqual([a, reshaped, c]);
    expect(out[0]).toBe(a);
    expect(out[1]).toBe(reshaped);
    expect(out[2]).toBe(c);
  });

  it('drops removed grids and follows a new order with added ones', () => {
    const added = grid('110106090001D');
    const out = applyGridChangeSet(grids, {
      changed: [added],
      removedIds: [a!.properties.id],
      order: [b!.properties.id, added.properties.id, c!.properties.id],
    });
    expect(ids(out)).toEqual(['110106090001B', '110106090001D', '110106090001C']);
    expect(out[0]).toBe(b);
  });

  it('removes without an order, keeping the others in their order', () => {
    const out = applyGridChangeSet(grids, {
      changed: [],
      removedIds: [b!.properties.id],
      order: null,
    });
    expect(out).toEqual([a, c]);
  });

  it('throws when a new grid comes without an order or the order names a missing grid', () => {
    expect(() =>
      applyGridChangeSet(grids, { changed: [grid('110106090001E')], removedIds: [], order: null }),
    ).toThrow(/new grid/);
    expect(() =>
      applyGridChangeSet(grids, {
        changed: [],
        removedIds: [a!.properties.id],
        order: ids(grids),
      }),
    ).toThrow(/110106090001A/);
  });
});

describe('applyLabelChangeSet', () => {
  const labels = deepFreeze(['A', 'B', 'C'].map((id) => label(`110106090001${id}`)));

  it('puts new label points in, drops removed grids’ and follows the grid order', () => {
    const moved = label('110106090001C', 1);
    const out = applyLabelChangeSet(
      labels,
      { changed: [], labels: [moved], removedIds: ['110106090001A'], order: null },
      ['110106090001C', '110106090001B'],
    );
    expect(out).toEqual([moved, labels[1]]);
  });

  it('keeps the old label point of a changed grid that came without one', () => {
    const out = applyLabelChangeSet(
      labels,
      { changed: [grid('110106090001B', 1)], removedIds: [], order: null },
      ids(labels),
    );
    expect(out).toEqual([...labels]);
  });
});
