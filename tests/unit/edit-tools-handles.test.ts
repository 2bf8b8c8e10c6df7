// The reshape tool's handles, the paint tool's building picks and the edit-source features,
// with a linear fake projection in place of the map's (no WebGL).
import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { metresPerDegree } from '../../src/analysis/coverage/geodesy.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import type { BuildingFeature } from '../../src/domain/types.ts';
import { sketchFeatures, pickedFeatures } from '../../src/map/tools/edit-features.ts';
import { gridHandles, handleFeatures, nearestHandle } from '../../src/map/tools/handles.ts';
import { buildingsInArea } from '../../src/map/tools/paint-pick.ts';
import type { ScreenPoint } from '../../src/map/tools/screen-scale.ts';
import { boxRing } from '../../src/map/tools/sketch-shapes.ts';

const LAT = 39.85;
const scale = metresPerDegree(LAT);
const at = (x: number, y: number): Position => [116.3 + x / scale.lng, LAT + y / scale.lat];
/** Linear fake of map.project: 1 m = 1 px, y down, origin at `at(0, 0)`. */
const project = ([lng, lat]: Position): ScreenPoint => [
  (lng! - 116.3) * scale.lng,
  -(lat! - LAT) * scale.lat,
];

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[at(x, y), at(x + size, y), at(x + size, y + size), at(x, y + size), at(x, y)]],
});

function building(id: string, x: number, y: number): BuildingFeature {
  return {
    type: 'Feature',
    geometry: square(x - 5, y - 5, 10),
    properties: {
      id,
      communityId: '110106090001',
      floors: 6,
      units: 3,
      households: 36,
      residents: 90,
      difficultHouseholds: 0,
      specialHouseholds: 0,
    },
  };
}

describe('gridHandles', () => {
  it('gives every vertex once, then every edge midpoint with its edge', () => {
    const geometry = deepFreeze(square(0, 0, 100));
    const handles = gridHandles(geometry);
    const vertices = handles.filter((h) => h.kind === 'vertex');
    const midpoints = handles.filter((h) => h.kind === 'midpoint');
    expect(vertices.map((h) => h.at)).toEqual(geometry.coordinates[0]!.slice(0, 4));
    expect(midpoints).toHaveLength(4);
    const first = midpoints[0]!;
    expect(first.kind === 'midpoint' && first.edge).toEqual([at(0, 0), at(100, 0)]);
    expect(project(first.at)[0]).toBeCloseTo(50, 6);
    expect(project(first.at)[1]).toBeCloseTo(0, 6);
  });

  it('includes the vertices of holes and of every polygon of a MultiPolygon', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 100).coordinates[0]!, square(40, 40, 20).coordinates[0]!],
    };
    expect(gridHandles(withHole).filter((h) => h.kind === 'vertex')).toHaveLength(8);
    const multi = gridHandles({
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 10).coordinates, square(20, 0, 10).coordinates],
    });
    expect(multi).toHaveLength(16);
  });
});

describe('nearestHandle', () => {
  const handles = gridHandles(square(0, 0, 100));

  it('finds the vertex under the pointer within the tolerance', () => {
    const found = nearestHandle(handles, [103, -2], project, 8);
    expect(found?.kind).toBe('vertex');
    expect(found?.at).toEqual(at(100, 0));
    expect(nearestHandle(handles, [120, 0], project, 8)).toBeNull();
  });

  it('finds a midpoint, but a vertex in reach beats a nearer midpoint', () => {
    expect(nearestHandle(handles, [52, 1], project, 8)?.kind).toBe('midpoint');
    const short = gridHandles(square(0, 0, 10));
    // (4, 0) is 1 px from the midpoint (5, 0) and 4 px from the vertex (0, 0).
    const found = nearestHandle(short, [4, 0], project, 8);
    expect(found).toEqual({ kind: 'vertex', at: at(0, 0) });
  });
});

describe('handleFeatures', () => {
  it('draws each handle in its role and marks the active one', () => {
    const handles = gridHandles(square(0, 0, 100));
    const features = handleFeatures(handles, 'g1', handles[2]!);
    expect(features).toHaveLength(8);
    expect(features.filter((f) => f.properties.active).map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: at(100, 100) },
    ]);
    expect(features.map((f) => f.properties.role)).toEqual([
      ...Array<string>(4).fill('vertex'),
      ...Array<string>(4).fill('midpoint'),
    ]);
    expect(features.every((f) => f.properties.gridId === 'g1')).toBe(true);
  });
});

describe('buildingsInArea', () => {
  const buildings = deepFreeze([
    building('a', 10, 10),
    building('b', 60, 10),
    building('c', 10, 60),
  ]);

  it('picks the buildings whose footprint centre lies in the area', () => {
    expect(buildingsInArea(buildings, [boxRing(at(0, 0), at(70, 30))!])).toEqual(['a', 'b']);
    // The box reaches over c's footprint but not its centre.
    expect(buildingsInArea(buildings, [boxRing(at(0, 0), at(20, 57))!])).toEqual(['a']);
    expect(buildingsInArea(buildings, [])).toEqual([]);
  });

  it('leaves out buildings whose centre is in a hole of the area', () => {
    const area = [boxRing(at(0, 0), at(80, 80))!, [...boxRing(at(50, 0), at(70, 20))!].reverse()];
    expect(buildingsInArea(buildings, area)).toEqual(['a', 'c']);
  });
});

describe('sketchFeatures and pickedFeatures', () => {
  const corners = deepFreeze([at(0, 0), at(50, 0)]);

  it('draws a line sketch with the rubber band to the cursor', () => {
    const [line, ...handles] = sketchFeatures(corners, at(50, 50), 'line');
    expect(line!.geometry).toEqual({ type: 'LineString', coordinates: [...corners, at(50, 50)] });
    expect(handles.map((f) => f.properties.role)).toEqual(['vertex', 'vertex']);
  });

  it('closes an area sketch once three corners are known', () => {
    const [area] = sketchFeatures(corners, at(50, 50), 'area');
    expect(area!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [[...corners, at(50, 50), at(0, 0)]],
    });
    expect(sketchFeatures([at(0, 0)], null, 'area')).toHaveLength(1);
  });

  it('draws picked footprints filled', () => {
    const [picked] = pickedFeatures([square(0, 0, 10)]);
    expect(picked!.properties.role).toBe('picked');
  });
});
