/**
 * Facility coverage by type: which buildings lie within the service radius of the nearest
 * facility of each type (the facility's own radius, else the norm for its type), measured on the
 * ellipsoid from the building's centre; shares of buildings and of households covered.
 */
import type { BBox } from 'geojson';
import type { GridSettings } from '../../domain/settings.ts';
import { FACILITY_TYPES, type FacilityFeature, type FacilityType } from '../../domain/types.ts';
import { distanceM, metresPerDegree } from './geodesy.ts';
import type { PreparedBuilding } from './prepared.ts';
import type { FacilityTypeCoverage } from './report.ts';
import { BoxIndex } from './spatial-index.ts';

interface PlacedFacility {
  feature: FacilityFeature;
  radiusM: number;
  bbox: BBox;
}

function place(feature: FacilityFeature, settings: GridSettings): PlacedFacility {
  const radiusM =
    feature.properties.serviceRadiusM ?? settings.serviceRadiiM[feature.properties.type];
  const [lng, lat] = feature.geometry.coordinates as [number, number];
  const perDegree = metresPerDegree(lat);
  const dLng = radiusM / perDegree.lng;
  const dLat = radiusM / perDegree.lat;
  return { feature, radiusM, bbox: [lng - dLng, lat - dLat, lng + dLng, lat + dLat] };
}

function typeCoverage(
  type: FacilityType,
  facilities: readonly FacilityFeature[],
  buildings: readonly PreparedBuilding[],
  settings: GridSettings,
): FacilityTypeCoverage {
  const placed = facilities.map((f) => place(f, settings));
  // A facility's service area is its radius disc; the box around each disc is what is indexed.
  const index = new BoxIndex(placed, (f) => f.bbox);
  let buildingsCovered = 0;
  let households = 0;
  let householdsCovered = 0;
  const uncoveredBuildingIds: string[] = [];
  for (const building of buildings) {
    const [lng, lat] = building.point as [number, number];
    const covered = index.some(
      [lng, lat, lng, lat],
      (f) => distanceM(building.point, f.feature.geometry.coordinates) <= f.radiusM,
    );
    const { households: h, id } = building.feature.properties;
    households += h;
    if (covered) {
      buildingsCovered += 1;
      householdsCovered += h;
    } else uncoveredBuildingIds.push(id);
  }
  return {
    type,
    facilities: facilities.length,
    radiusM: settings.serviceRadiiM[type],
    buildings: buildings.length,
    buildingsCovered,
    buildingShare: buildings.length > 0 ? buildingsCovered / buildings.length : null,
    households,
    householdsCovered,
    householdShare: households > 0 ? householdsCovered / households : null,
    uncoveredBuildingIds,
  };
}

/**
 * Coverage of the buildings by every facility type present in the data or in the norms.
 * @example
 * facilityCoverage(facilities, buildings, settings).find((c) => c.type === '垃圾收集点')?.buildingShare;
 */
export function facilityCoverage(
  facilities: readonly FacilityFeature[],
  buildings: readonly PreparedBuilding[],
  settings: GridSettings,
): FacilityTypeCoverage[] {
  return FACILITY_TYPES.map((type) =>
    typeCoverage(
      type,
      facilities.filter((f) => f.properties.type === type),
      buildings,
      settings,
    ),
  );
}
