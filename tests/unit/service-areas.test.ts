// serviceAreas: one geodesic circle per facility, of its own radius or its type's norm, closed,
// with every vertex at the radius (geodesic distance) from the facility.
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { makeSettings } from '../../src/domain/settings.ts';
import type { FacilityFeature } from '../../src/domain/types.ts';
import { serviceAreas } from '../../src/workers/service-areas.ts';

const facility = (
  id: string,
  type: FacilityFeature['properties']['type'],
  serviceRadiusM?: number,
): FacilityFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [116.32, 39.84] },
  properties: { id, type, name: id, ...(serviceRadiusM === undefined ? {} : { serviceRadiusM }) },
});

describe('serviceAreas', () => {
  const facilities = deepFreeze([facility('F1', '垃圾收集点'), facility('F2', '卫生服务站', 800)]);
  const areas = serviceAreas(facilities);

  it('draws one circle per facility with its id, type and radius', () => {
    expect(areas.features.map((f) => f.properties)).toEqual([
      { id: 'F1', type: '垃圾收集点', radiusM: 70 },
      { id: 'F2', type: '卫生服务站', radiusM: 800 },
    ]);
  });

  it('puts every vertex at the radius from the facility, geodesically, in a closed ring', () => {
    for (const area of areas.features) {
      const [ring] = area.geometry.coordinates;
      expect(ring![0]).toEqual(ring!.at(-1));
      for (const vertex of ring!) {
        const metres = distance([116.32, 39.84], vertex, { units: 'meters' });
        expect(Math.abs(metres - area.properties.radiusM)).toBeLessThan(
          area.properties.radiusM * 0.003,
        );
      }
    }
  });

  it('uses the street’s norms and skips facilities without a radius', () => {
    const settings = makeSettings({ serviceRadiiM: { 垃圾收集点: 0, 幼儿园: 250 } });
    const custom = serviceAreas([facility('F1', '垃圾收集点'), facility('F3', '幼儿园')], settings);
    expect(custom.features.map((f) => [f.properties.id, f.properties.radiusM])).toEqual([
      ['F3', 250],
    ]);
  });
});
