/**
 * The pointer on the map for the editing tools: a map event as a screen point and a position,
 * following a drag past the map's edge (window events, so a drag released outside the canvas
 * still ends), and what lies under a point or a box (the grids and buildings layers of style.ts).
 */
import type { Position } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { ScreenPoint } from './screen-scale.ts';

/** The layers the tools pick grids and buildings from. */
const GRID_LAYER = 'grids-fill';
const BUILDING_LAYER = 'buildings-fill';

/** Where the pointer is: on the screen and on the ground. */
export interface PointerAt {
  point: ScreenPoint;
  lngLat: Position;
}

/**
 * The pointer position of a map mouse event.
 * @example
 * map.on('click', (e) => addCorner(pointerOf(e).lngLat));
 */
export function pointerOf(event: MapMouseEvent): PointerAt {
  return { point: [event.point.x, event.point.y], lngLat: event.lngLat.toArray() };
}

/**
 * Follows the pointer until the button is released, wherever it goes; the returned function
 * stops following early (a cancelled drag).
 * @example
 * const stop = followPointer(map, (at) => preview(at), (at) => finish(at));
 */
export function followPointer(
  map: MapLibreMap,
  onMove: (at: PointerAt) => void,
  onEnd: (at: PointerAt) => void,
): () => void {
  const at = (event: MouseEvent): PointerAt => {
    const rect = map.getCanvasContainer().getBoundingClientRect();
    const point: ScreenPoint = [event.clientX - rect.left, event.clientY - rect.top];
    return { point, lngLat: map.unproject(point).toArray() };
  };
  const move = (event: MouseEvent) => onMove(at(event));
  const up = (event: MouseEvent) => {
    stop();
    onEnd(at(event));
  };
  const stop = () => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
  return stop;
}

function visible(map: MapLibreMap, layer: string): boolean {
  return map.getLayer(layer) !== undefined && map.getLayoutProperty(layer, 'visibility') !== 'none';
}

/**
 * The id of the grid drawn at a screen point, or null.
 * @example
 * const neighbourId = gridAt(map, pointerOf(e).point);
 */
export function gridAt(map: MapLibreMap, point: ScreenPoint): string | null {
  if (!visible(map, GRID_LAYER)) return null;
  const [feature] = map.queryRenderedFeatures(point, { layers: [GRID_LAYER] });
  const id: unknown = feature?.properties?.id;
  return typeof id === 'string' ? id : null;
}

/**
 * The ids of the buildings drawn at a point or inside a screen box, each once.
 * @example
 * buildingIdsIn(map, [[x - r, y - r], [x + r, y + r]]);
 */
export function buildingIdsIn(
  map: MapLibreMap,
  where: ScreenPoint | [ScreenPoint, ScreenPoint],
): string[] {
  if (!visible(map, BUILDING_LAYER)) return [];
  const ids = new Set<string>();
  for (const feature of map.queryRenderedFeatures(where as PointLike | [PointLike, PointLike], {
    layers: [BUILDING_LAYER],
  })) {
    const id: unknown = feature.properties?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}
