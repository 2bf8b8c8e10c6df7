/**
 * The map context: how the components inside MapView reach the one map. It holds the map once
 * its style has loaded (MapView keeps it in `$state.raw` and renders its children only then;
 * `map` throws before that, and outside a MapView `getMapContext` throws),
 * lets a component own a GeoJSON source (`source`) or add layers (`addLayers`) and take them away
 * on destroy, and gives the editing tools the edit source (`edit`). Every data write goes through
 * here and is counted per source, so tests can see which sources an update re-sent.
 */
import { getContext, setContext } from 'svelte';
import type { FeatureCollection, GeoJSON, Geometry } from 'geojson';
import type {
  GeoJSONSource,
  GeoJSONSourceDiff,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { EDIT_SOURCE_ID, type EditFeatureProperties } from './edit-style.ts';

const MAP_CONTEXT_KEY = Symbol('gridatlas-map');

/** How often each kind of write reached a source. */
export interface SourceWrites {
  setData: number;
  updateData: number;
}

/** A GeoJSON source as one component owns it. */
export interface SourceHandle {
  readonly id: string;
  /** Replaces the source's data. */
  set(data: GeoJSON): void;
  /** Changes some features of the source (by their promoted `id`). */
  update(diff: GeoJSONSourceDiff): void;
  /** Gives the source up: a source the component added is removed, a style source emptied. */
  release(): void;
}

/** The source the editing tools draw the edited grid, its vertices and the sketch into. */
export interface EditSource {
  set(data: FeatureCollection<Geometry, EditFeatureProperties>): void;
  clear(): void;
}

const emptyCollection = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export class MapContext {
  #map: MapLibreMap | null = null;
  #owned = new Set<string>();
  #writes = new Map<string, SourceWrites>();

  /** The map; only components rendered inside a ready MapView may read it. */
  get map(): MapLibreMap {
    if (!this.#map) throw new Error('the map is not ready');
    return this.#map;
  }

  /** True once the style has loaded, until the map is removed. */
  get ready(): boolean {
    return this.#map !== null;
  }

  /** Called by MapView when the style has loaded. */
  attach(map: MapLibreMap): void {
    this.#map = map;
  }

  /** Called by MapView before it removes the map: later releases have nothing to undo. */
  detach(): void {
    this.#map = null;
    this.#owned.clear();
  }

  #count(id: string, kind: keyof SourceWrites): void {
    const writes = this.#writes.get(id) ?? { setData: 0, updateData: 0 };
    writes[kind] += 1;
    this.#writes.set(id, writes);
  }

  #geojson(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`no source ${id} on the map`);
    return source;
  }

  /**
   * Takes ownership of a GeoJSON source: one of the style's, or a new one (added empty, with
   * `promoteId: 'id'`). Two owners of one source are a mistake and throw.
   */
  source(id: string): SourceHandle {
    if (this.#owned.has(id)) throw new Error(`source ${id} already has an owner`);
    const map = this.map;
    const added = !map.getSource(id);
    if (added) map.addSource(id, { type: 'geojson', data: emptyCollection(), promoteId: 'id' });
    this.#owned.add(id);
    return {
      id,
      set: (data) => {
        this.#count(id, 'setData');
        void this.#geojson(id).setData(data);
      },
      update: (diff) => {
        this.#count(id, 'updateData');
        void this.#geojson(id).updateData(diff);
      },
      release: () => {
        if (this.#map !== map || !this.#owned.delete(id)) return;
        if (added) map.removeSource(id);
        else void this.#geojson(id).setData(emptyCollection());
      },
    };
  }

  /**
   * Adds layers below `beforeId` (on top without it); the returned function removes them.
   * @example
   * const remove = ctx.addLayers(EDIT_LAYERS);
   * onDestroy(remove);
   */
  addLayers(layers: readonly LayerSpecification[], beforeId?: string): () => void {
    const map = this.map;
    for (const layer of layers) map.addLayer(layer, beforeId);
    return () => {
      if (this.#map !== map) return;
      for (const layer of layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    };
  }

  /** The edit source (there once MapView's edit layers are mounted). */
  readonly edit: EditSource = {
    set: (data) => {
      this.#count(EDIT_SOURCE_ID, 'setData');
      void this.#geojson(EDIT_SOURCE_ID).setData(data);
    },
    clear: () => this.edit.set({ type: 'FeatureCollection', features: [] }),
  };

  /** Writes per source since the map was created. */
  writes(): Record<string, SourceWrites> {
    return Object.fromEntries([...this.#writes].map(([id, w]) => [id, { ...w }]));
  }
}

/** Makes `context` the map context of the calling component's children. */
export function setMapContext(context: MapContext): MapContext {
  return setContext(MAP_CONTEXT_KEY, context);
}

/**
 * The map context of the enclosing MapView; throws outside one.
 * @example
 * const ctx = getMapContext();
 * const source = ctx.source('grids');
 */
export function getMapContext(): MapContext {
  const context = getContext<MapContext | undefined>(MAP_CONTEXT_KEY);
  if (!context) throw new Error('getMapContext() must be called inside a MapView');
  return context;
}
