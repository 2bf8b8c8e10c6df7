/**
 * The features the editing tools show in the edit source, each with its role (see edit-style.ts):
 * the active grid's outline, a sketched line or area, the snap ring, the brush outline and the
 * buildings picked by painting.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { EditFeature, EditRole } from '../edit-style.ts';

/**
 * One feature of the edit source.
 * @example
 * editFeature('snap', { type: 'Point', coordinates: snapped });
 */
export function editFeature(
  role: EditRole,
  geometry: Geometry,
  extra: { gridId?: string; active?: boolean } = {},
): EditFeature {
  return { type: 'Feature', geometry, properties: { role, ...extra } };
}

/**
 * The sketch of clicked `points` with the rubber band to the cursor: the line (or, for a
 * polygon sketch with three corners or more, the area it closes) and a handle at every point.
 * @example
 * sketchFeatures(corners, cursorLngLat, 'area');
 */
export function sketchFeatures(
  points: readonly Position[],
  cursor: Position | null,
  shape: 'line' | 'area',
): EditFeature[] {
  const path = cursor ? [...points, cursor] : [...points];
  const features = points.map((p) => editFeature('vertex', { type: 'Point', coordinates: p }));
  if (shape === 'area' && path.length >= 3)
    features.unshift(
      editFeature('sketch', { type: 'Polygon', coordinates: [[...path, path[0]!]] }),
    );
  else if (path.length >= 2)
    features.unshift(editFeature('sketch', { type: 'LineString', coordinates: path }));
  return features;
}

/**
 * The footprints of picked buildings, drawn filled.
 * @example
 * pickedFeatures(ids.map((id) => buildingById(id)!.geometry));
 */
export function pickedFeatures(footprints: readonly (Polygon | MultiPolygon)[]): EditFeature[] {
  return footprints.map((geometry) => editFeature('picked', geometry));
}
