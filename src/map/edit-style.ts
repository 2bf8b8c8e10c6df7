/**
 * The edit source and its layers: a small GeoJSON source that the editing tools fill with the
 * grid being edited, its vertex handles and the line or area being drawn, so a drag re-uploads
 * these few features and never the grids layer. Every feature says what it is in its `role`
 * property; a vertex or midpoint with `active: true` is the one under the pointer or being
 * dragged.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { EDIT_COLORS } from './palette.ts';

export const EDIT_SOURCE_ID = 'edit';

/**
 * What a feature of the edit source is: the edited grid, a vertex handle, an edge's midpoint
 * handle, the sketch (a line or area being drawn or painted), the ring around the snap target,
 * a building picked by painting, or the brush outline under the cursor.
 */
export type EditRole = 'feature' | 'vertex' | 'midpoint' | 'sketch' | 'snap' | 'picked' | 'cursor';

export interface EditFeatureProperties {
  role: EditRole;
  /** The grid the feature belongs to, when it belongs to one. */
  gridId?: string;
  /** A vertex under the pointer or being dragged. */
  active?: boolean;
}

export type EditFeature = Feature<Geometry, EditFeatureProperties>;

/**
 * The edit source's data for these features.
 * @example
 * ctx.edit.set(editCollection([{ type: 'Feature', geometry, properties: { role: 'feature' } }]));
 */
export function editCollection(
  features: readonly EditFeature[],
): FeatureCollection<Geometry, EditFeatureProperties> {
  return { type: 'FeatureCollection', features: [...features] };
}

const role = (value: EditRole): ExpressionSpecification => ['==', ['get', 'role'], value];
const isArea: ExpressionSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Polygon', 'MultiPolygon']],
];
const isActive: ExpressionSpecification = ['boolean', ['get', 'active'], false];

/** The edit layers, bottom to top; they go on top of the map so handles stay grabbable. */
export const EDIT_LAYERS: readonly LayerSpecification[] = [
  {
    id: 'edit-fill',
    type: 'fill',
    source: EDIT_SOURCE_ID,
    filter: ['all', role('feature'), isArea],
    paint: { 'fill-color': EDIT_COLORS.feature, 'fill-opacity': 0.18 },
  },
  {
    id: 'edit-line',
    type: 'line',
    source: EDIT_SOURCE_ID,
    filter: role('feature'),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': EDIT_COLORS.feature, 'line-width': 2.5 },
  },
  {
    id: 'edit-picked-fill',
    type: 'fill',
    source: EDIT_SOURCE_ID,
    filter: role('picked'),
    paint: { 'fill-color': EDIT_COLORS.sketch, 'fill-opacity': 0.55 },
  },
  {
    id: 'edit-sketch-fill',
    type: 'fill',
    source: EDIT_SOURCE_ID,
    filter: ['all', role('sketch'), isArea],
    paint: { 'fill-color': EDIT_COLORS.sketch, 'fill-opacity': 0.12 },
  },
  {
    id: 'edit-sketch-line',
    type: 'line',
    source: EDIT_SOURCE_ID,
    filter: role('sketch'),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': EDIT_COLORS.sketch, 'line-width': 2, 'line-dasharray': [2, 1.5] },
  },
  {
    id: 'edit-cursor-line',
    type: 'line',
    source: EDIT_SOURCE_ID,
    filter: role('cursor'),
    paint: { 'line-color': EDIT_COLORS.sketch, 'line-width': 1.5 },
  },
  {
    id: 'edit-midpoint',
    type: 'circle',
    source: EDIT_SOURCE_ID,
    filter: role('midpoint'),
    paint: {
      'circle-radius': ['case', isActive, 6, 3.5],
      'circle-color': ['case', isActive, EDIT_COLORS.activeVertex, EDIT_COLORS.vertex],
      'circle-opacity': 0.8,
      'circle-stroke-color': EDIT_COLORS.feature,
      'circle-stroke-width': 1,
    },
  },
  {
    id: 'edit-vertex',
    type: 'circle',
    source: EDIT_SOURCE_ID,
    filter: role('vertex'),
    paint: {
      'circle-radius': ['case', isActive, 7, 5],
      'circle-color': ['case', isActive, EDIT_COLORS.activeVertex, EDIT_COLORS.vertex],
      'circle-stroke-color': EDIT_COLORS.feature,
      'circle-stroke-width': 2,
    },
  },
  {
    id: 'edit-snap',
    type: 'circle',
    source: EDIT_SOURCE_ID,
    filter: role('snap'),
    paint: {
      'circle-radius': 10,
      'circle-opacity': 0,
      'circle-stroke-color': EDIT_COLORS.activeVertex,
      'circle-stroke-width': 2,
    },
  },
];
