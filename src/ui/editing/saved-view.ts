/**
 * The view a session saves with its plan (the camera, the grid colouring and the side-bar tab)
 * and reading it back. What comes back from storage is checked field by field: a field that is
 * missing or not valid any more (a tab or metric this version does not have) is left out, so the
 * app keeps its own default for it.
 */
import { GRID_METRICS, type GridMetric } from '../../map/metric-scale.ts';

export interface SavedCamera {
  center: [number, number];
  zoom: number;
}

export interface SavedView<Tab extends string = string> {
  camera: SavedCamera;
  metric: GridMetric;
  tab: Tab;
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function readCamera(value: unknown): SavedCamera | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { center, zoom } = value as { center?: unknown; zoom?: unknown };
  if (!Array.isArray(center) || center.length !== 2 || !center.every(isNumber)) return undefined;
  const [lng, lat] = center as [number, number];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90 || !isNumber(zoom) || zoom < 0 || zoom > 24)
    return undefined;
  return { center: [lng, lat], zoom };
}

/**
 * The valid fields of a stored view; `tabs` are the side-bar tabs this version has.
 * @example
 * readSavedView({ camera: { center: [116.3, 39.8], zoom: 15 }, tab: 'gone' }, ['map']);
 * // { camera: { center: [116.3, 39.8], zoom: 15 } }
 */
export function readSavedView<Tab extends string>(
  value: unknown,
  tabs: readonly Tab[],
): Partial<SavedView<Tab>> {
  if (typeof value !== 'object' || value === null) return {};
  const stored = value as Record<string, unknown>;
  const view: Partial<SavedView<Tab>> = {};
  const camera = readCamera(stored.camera);
  if (camera) view.camera = camera;
  if ((GRID_METRICS as readonly unknown[]).includes(stored.metric))
    view.metric = stored.metric as GridMetric;
  if ((tabs as readonly unknown[]).includes(stored.tab)) view.tab = stored.tab as Tab;
  return view;
}
