/**
 * Map state exposed for the end-to-end tests (and for anyone debugging in the console): one hook
 * object per map, registered by name in `window.__gridatlasMaps`, with the main map's also at
 * `window.__gridatlas`. The hooks read sources and their features, how often each source was
 * written, layers, the heatmap, hexagons and order points as deck.gl holds them, the camera, what the coverage layers outline,
 * and the plan shown (through a view the app registers). Only `jumpTo` (the camera) and
 * `applyGridChanges` (test-only: feeds grid changes to the plan state as the worker would)
 * change anything.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { GridFeature } from '../domain/types.ts';
import { FOCUS_LAYERS, idsOfFilter, UNCOVERED_LAYER } from './coverage-style.ts';
import { EDIT_SOURCE_ID } from './edit-style.ts';
import type { DrawnHeatmap, DrawnOrderLayers, WorkOrderOverlay } from './work-order-overlay.ts';
import type { MapContext, SourceWrites } from './map-context.ts';

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

/** The plan shown, as the tests see it. */
export interface PlanView {
  /** Null for the baseline (现状). */
  id: string | null;
  grids: number;
  gridIds: string[];
  problems: number;
  /** Reports applied since the page opened (edits, undo, redo, drag previews, plan switches). */
  reportUpdates: number;
  /** performance.now() when the last one was applied; null before any. */
  reportUpdatedAt: number | null;
  /** performance.now() when the last load put its grids on screen. */
  startedAt: number | null;
}

/** Grid changes as the data worker answers them (see src/ui/plan-changes.ts). */
export interface TestGridChanges {
  changed: GridFeature[];
  removedIds: string[];
  order: string[] | null;
}

/** What the app registers so the hooks can show the plan. */
export interface PlanHooks {
  view(): PlanView;
  applyGridChanges(changes: TestGridChanges): void;
}

export interface GridAtlasTestApi {
  /** Increases each time loaded data has been drawn and the map went idle. */
  drawnVersion: number;
  /** Milliseconds from navigation start to the first idle map with the vector layers drawn. */
  firstIdleMs: number | null;
  /** Milliseconds from navigation start to the first idle map with the heatmap drawn too. */
  heatmapIdleMs: number | null;
  /** The page clock (ms) at the end of each of the last 100 frames the map rendered. */
  renders: number[];
  /** Asks the map to draw again, unchanged; resolves with the ms until it has (a baseline). */
  repaint(): Promise<number>;
  /** Every source on the map, sorted. */
  sourceIds(): string[];
  /** Every layer on the map, bottom to top. */
  layerIds(): string[];
  sourceFeatureCount(id: string): Promise<number>;
  /** The `id` property of every feature of a source, in the source's order; null if no source. */
  sourceFeatures(id: string): Promise<string[] | null>;
  /** What the edit source holds. */
  editSource(): Promise<FeatureCollection | null>;
  /** setData and updateData calls per source since the map was created. */
  sourceWrites(): Record<string, SourceWrites>;
  layerVisibility(id: string): string | undefined;
  paintProperty(layerId: string, name: string): unknown;
  /** The heatmap layer as deck.gl holds it, or null before deck.gl has drawn it. */
  heatmap(): DrawnHeatmap | null;
  /** The order hexagons and single orders as deck.gl holds them. */
  orderLayers(): DrawnOrderLayers;
  project(lng: number, lat: number): { x: number; y: number };
  zoom(): number;
  camera(): CameraState;
  highlight(): HighlightState;
  /** The plan shown, or null when the app registered none. */
  plan(): PlanView | null;
  /** Test-only: applies grid changes to the plan state, as a worker update would. */
  applyGridChanges(changes: TestGridChanges): void;
  /** Resolves once the map has drawn everything it was last given (data, filters, camera). */
  whenIdle(): Promise<void>;
  /** Moves the camera at once and resolves when the map is idle there. */
  jumpTo(lng: number, lat: number, zoom: number): Promise<void>;
}

declare global {
  interface Window {
    /** The main map's hooks. */
    __gridatlas?: GridAtlasTestApi;
    /** Every map's hooks by name ('main', and e.g. a briefing map). */
    __gridatlasMaps?: Record<string, GridAtlasTestApi>;
  }
}

/** The map whose hooks are also `window.__gridatlas`. */
export const MAIN_MAP = 'main';

let planHooks: PlanHooks | null = null;

/**
 * Lets the map hooks show the plan; the app calls it once.
 * @example
 * registerPlanHooks({ view: () => ({ id: null, grids: 46, gridIds, problems: 9 }), applyGridChanges });
 */
export function registerPlanHooks(hooks: PlanHooks): void {
  planHooks = hooks;
}

async function sourceData(map: MapLibreMap, id: string): Promise<FeatureCollection | null> {
  const source = map.getSource<GeoJSONSource>(id);
  if (!source) return null;
  const data = await source.getData();
  return 'features' in data ? data : null;
}

/**
 * Installs the hooks of one map under `name` and returns them (so the map can bump
 * `drawnVersion`) with a function that takes them away again.
 * @example
 * const { api, unregister } = exposeMapState('main', map, heatmap, context);
 */
export function exposeMapState(
  name: string,
  map: MapLibreMap,
  heatmap: WorkOrderOverlay,
  context: MapContext,
): { api: GridAtlasTestApi; unregister: () => void } {
  const api: GridAtlasTestApi = {
    drawnVersion: 0,
    firstIdleMs: null,
    renders: [],
    heatmapIdleMs: null,
    sourceIds: () => Object.keys(map.getStyle().sources).sort(),
    layerIds: () => map.getLayersOrder(),
    sourceFeatureCount: async (id) => (await sourceData(map, id))?.features.length ?? -1,
    sourceFeatures: async (id) =>
      (await sourceData(map, id))?.features.map((f) => String(f.properties?.id)) ?? null,
    editSource: () => sourceData(map, EDIT_SOURCE_ID),
    sourceWrites: () => context.writes(),
    layerVisibility: (id) => String(map.getLayoutProperty(id, 'visibility') ?? 'visible'),
    paintProperty: (layerId, property) =>
      map.getPaintProperty(layerId, property as Parameters<MapLibreMap['getPaintProperty']>[1]),
    heatmap: () => heatmap.drawnLayer(),
    orderLayers: () => heatmap.drawnOrderLayers(),
    project: (lng, lat) => map.project([lng, lat]),
    zoom: () => map.getZoom(),
    camera() {
      const { lng, lat } = map.getCenter();
      return { center: { lng, lat }, zoom: map.getZoom(), moving: map.isMoving() };
    },
    highlight: () => ({
      problemIds: idsOfFilter(map.getFilter(FOCUS_LAYERS.problem)),
      gridIds: idsOfFilter(map.getFilter(FOCUS_LAYERS.grids)),
      buildingIds: idsOfFilter(map.getFilter(FOCUS_LAYERS.buildings)),
      uncoveredBuildingIds: idsOfFilter(map.getFilter(UNCOVERED_LAYER)),
    }),
    plan: () => planHooks?.view() ?? null,
    applyGridChanges(changes) {
      if (!planHooks) throw new Error('no plan registered');
      planHooks.applyGridChanges(changes);
    },
    async whenIdle() {
      const idle = map.once('idle');
      map.triggerRepaint();
      await idle;
    },
    repaint() {
      const start = performance.now();
      const rendered = new Promise<number>((resolve) =>
        map.once('render', () => resolve(performance.now() - start)),
      );
      map.triggerRepaint();
      return rendered;
    },
    async jumpTo(lng, lat, zoom) {
      const idle = map.once('idle');
      map.jumpTo({ center: [lng, lat], zoom });
      await idle;
    },
  };
  const rendered = () => {
    api.renders.push(performance.now());
    if (api.renders.length > 100) api.renders.shift();
  };
  map.on('render', rendered);
  window.__gridatlasMaps = { ...window.__gridatlasMaps, [name]: api };
  if (name === MAIN_MAP) window.__gridatlas = api;
  const unregister = () => {
    map.off('render', rendered);
    if (window.__gridatlasMaps?.[name] === api) delete window.__gridatlasMaps[name];
    if (window.__gridatlas === api) delete window.__gridatlas;
  };
  return { api, unregister };
}
