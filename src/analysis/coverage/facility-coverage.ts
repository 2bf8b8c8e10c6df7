/**
 * Facility coverage by type: which buildings lie within the service radius of the nearest
 * facility of each type (the facility's own radius, else the norm for its type), measured from
 * the building's centre in the facility's local frame (the WGS-84 radii of curvature at its
 * latitude: within a few centimetres of the geodesic distance over 500 m, where Web Mercator
 * would be 30 % off); shares of buildings and of households covered.
 */
import type { BBox } from 'geojson';
import { serviceRadiusM, type GridSettings } from '../../domain/settings.ts';
import { FACILITY_TYPES, type FacilityFeature, type FacilityType } from '../../domain/types.ts';
import { metresPerDegree } from './geodesy.ts';
import type { PreparedBuilding } from './prepared.ts';
import type { FacilityTypeCoverage } from './report.ts';
import { PointGrid } from './point-grid.ts';

/** A facility's service disc (its own radius, else its type's norm): the box around it and a test. */
interface ServiceDisc {
  bbox: BBox;
  /** Whether a position lies within the radius, measured in the facility's local frame. */
  holds: (x: number, y: number) => boolean;
}

function serviceDisc(feature: FacilityFeature, settings: GridSettings): ServiceDisc {
  const radiusM = serviceRadiusM(feature.properties, settings);
  const [lng, lat] = feature.geometry.coordinates as [number, number];
  const perDegree = metresPerDegree(lat);
  // 0.1 % of slack in the box: the frame's scale changes slightly across the disc.
  const dLng = (radiusM * 1.001) / perDegree.lng;
  const dLat = (radiusM * 1.001) / perDegree.lat;
  const r2 = radiusM * radiusM;
  return {
    bbox: [lng - dLng, lat - dLat, lng + dLng, lat + dLat],
    holds: (x, y) => {
      const dx = (x - lng) * perDegree.lng;
      const dy = (y - lat) * perDegree.lat;
      return dx * dx + dy * dy <= r2;
    },
  };
}

function typeCoverage(
  type: FacilityType,
  facilities: readonly FacilityFeature[],
  buildings: readonly PreparedBuilding[],
  points: PointGrid,
  settings: GridSettings,
): FacilityTypeCoverage {
  // Each facility marks the buildings around it: one lookup per facility, not per building.
  // A cell wholly inside some facility's disc is done: later facilities skip it at once.
  const covered = new Uint8Array(buildings.length);
  const doneCells = new Set<number>();
  for (const facility of facilities) {
    const { bbox, holds } = serviceDisc(facility, settings);
    points.forEachCell(bbox, (key, cell, box) => {
      if (doneCells.has(key)) return;
      const whole =
        holds(box[0], box[1]) &&
        holds(box[2], box[1]) &&
        holds(box[2], box[3]) &&
        holds(box[0], box[3]);
      if (whole) doneCells.add(key);
      for (const i of cell)
        if (covered[i] === 0 && (whole || holds(points.x[i]!, points.y[i]!))) covered[i] = 1;
    });
  }
  let buildingsCovered = 0;
  let households = 0;
  let householdsCovered = 0;
  const uncoveredBuildingIds: string[] = [];
  buildings.forEach((building, i) => {
    const { households: h, id } = building.feature.properties;
    households += h;
    if (covered[i] === 1) {
      buildingsCovered += 1;
      householdsCovered += h;
    } else uncoveredBuildingIds.push(id);
  });
  const count = buildings.length;
  return {
    type,
    facilities: facilities.length,
    radiusM: settings.serviceRadiiM[type],
    buildings: count,
    buildingsCovered,
    buildingShare: count > 0 ? buildingsCovered / count : null,
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
  const points = new PointGrid(buildings.map((b) => b.point));
  return FACILITY_TYPES.map((type) =>
    typeCoverage(
      type,
      facilities.filter((f) => f.properties.type === type),
      buildings,
      points,
      settings,
    ),
  );
}
