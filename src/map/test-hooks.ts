/**
 * Map state exposed on `window.__gridatlas` for the end-to-end tests (and for anyone debugging in
 * the console): sources and their feature counts, layer visibility, the heatmap, projection, the
 * camera, and what the coverage layers outline and mark (read back from the layer filters).
 * Only `jumpTo` changes anything, and only the camera.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { FOCUS_LAYERS, idsOfFilter, UNCOVERED_LAYER } from './coverage-style.ts';
import type { WorkOrderHeatmap } from './heatmap-overlay.ts';
import { SOURCE_IDS } from './style.ts';

export interface CameraState {
  center: { lng: number; lat: number };
  zoom: number;
  moving: boolean;
}

/** The ids the focus and uncovered-building layers currently draw. */
export interface HighlightState {
  problemIds: string[];
  gridIds: string[];
  buildingIds: string[];
  uncoveredBuildingIds: string[];
}

export interface GridAtlasTestApi {
  /** Increases each time loaded data has been drawn and the map went idle. */
  drawnVersion: number;
  /** Milliseconds from navigation start to the first idle map with the vector layers drawn. */
  firstIdleMs: number | null;
  /** Milliseconds from navigation start to the first idle map with the heatmap drawn too. */
  heatmapIdleMs: number | null;
  sourceIds(): string[];
  sourceFeatureCount(id: string): Promise<number>;
  layerVisibility(id: string): string | undefined;
  paintProperty(layerId: string, name: string): unknown;
  heatmap(): { points: number; visible: boolean };
  project(lng: number, lat: number): { x: number; y: number };
  zoom(): number;
  camera(): CameraState;
  highlight(): HighlightState;
  /** Resolves once the map has drawn everything it was last given (data, filters, camera). */
  whenIdle(): Promise<void>;
  /** Moves the camera at once and resolves when the map is idle there. */
  jumpTo(lng: number, lat: number, zoom: number): Promise<void>;
}

declare global {
  interface Window {
    __gridatlas?: GridAtlasTestApi;
  }
}

/** Installs the test API for this map and returns it so the map can bump `drawnVersion`. */
export function exposeMapState(map: MapLibreMap, heatmap: WorkOrderHeatmap): GridAtlasTestApi {
  const api: GridAtlasTestApi = {
    drawnVersion: 0,
    firstIdleMs: null,
    heatmapIdleMs: null,
    sourceIds: () => Object.values(SOURCE_IDS).filter((id) => map.getSource(id)),
    async sourceFeatureCount(id) {
      const source = map.getSource<GeoJSONSource>(id);
      if (!source) return -1;
      const data = await source.getData();
      return 'features' in data ? data.features.length : -1;
    },
    layerVisibility: (id) => String(map.getLayoutProperty(id, 'visibility') ?? 'visible'),
    paintProperty: (layerId, name) =>
      map.getPaintProperty(layerId, name as Parameters<MapLibreMap['getPaintProperty']>[1]),
    heatmap: () => ({ points: heatmap.pointCount, visible: heatmap.visible }),
    project: (lng, lat) => map.project([lng, lat]),
    zoom: () => map.getZoom(),
    camera() {
      const { lng, lat } = map.getCenter();
      return {
        center: { lng, lat },
        zoom: map.getZoom(),
        moving: map.isMoving(),
      };
    },
    highlight: () => ({
      problemIds: idsOfFilter(map.getFilter(FOCUS_LAYERS.problem)),
      gridIds: idsOfFilter(map.getFilter(FOCUS_LAYERS.grids)),
      buildingIds: idsOfFilter(map.getFilter(FOCUS_LAYERS.buildings)),
      uncoveredBuildingIds: idsOfFilter(map.getFilter(UNCOVERED_LAYER)),
    }),
    async whenIdle() {
      const idle = map.once('idle');
      map.triggerRepaint();
      await idle;
    },
    async jumpTo(lng, lat, zoom) {
      const idle = map.once('idle');
      map.jumpTo({ center: [lng, lat], zoom });
      await idle;
    },
  };
  window.__gridatlas = api;
  return api;
}
