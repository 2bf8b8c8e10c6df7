/**
 * Service areas of facilities for the map: one circle per facility, of its own radius or the norm
 * for its type, drawn in the same local frame facility coverage tests buildings in, so a building
 * the map shows inside a circle is one the figures count as covered. Made in the data worker (a
 * few hundred circles of 64 points) so the UI only picks the circles of the chosen type.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { circleRing } from '../analysis/coverage/geodesy.ts';
import { DEFAULT_SETTINGS, serviceRadiusM, type GridSettings } from '../domain/settings.ts';
import type { FacilityFeature, FacilityType } from '../domain/types.ts';

export interface ServiceAreaProperties {
  /** The facility's id. */
  id: string;
  type: FacilityType;
  radiusM: number;
}

export type ServiceAreas = FeatureCollection<Polygon, ServiceAreaProperties>;

const STEPS = 64;

/**
 * The service circle of every facility that has a radius, in input order.
 * @example
 * serviceAreas(facilities).features[0].properties; // { id: 'F0001', type: '垃圾收集点', radiusM: 70 }
 */
export function serviceAreas(
  facilities: readonly FacilityFeature[],
  settings: GridSettings = DEFAULT_SETTINGS,
): ServiceAreas {
  const features = facilities.flatMap((facility) => {
    const { id, type } = facility.properties;
    const radiusM = serviceRadiusM(facility.properties, settings);
    if (!(radiusM > 0)) return [];
    const properties: ServiceAreaProperties = { id, type, radiusM };
    const ring = circleRing(facility.geometry.coordinates, radiusM, STEPS);
    return [
      {
        type: 'Feature' as const,
        geometry: { type: 'Polygon' as const, coordinates: [ring] },
        properties,
      },
    ];
  });
  return { type: 'FeatureCollection', features };
}
