/**
 * The work orders on the map, drawn by deck.gl inside MapLibre's layer stack through
 * `MapLibreOverlay` (interleaved), below grid lines and labels: a heatmap, or hexagons counted in
 * the worker (their colour scale fixed by the caller or their own), and from zoom 16 the single
 * orders as points (a click on one is resolved by the worker, which holds the orders). deck.gl is loaded and attached only
 * when there are points to draw, so the first map paint never waits for it. Prop changes are
 * batched into one `setProps`. An interleaved overlay does not follow a resized map (deck.gl
 * issue #9666): luma.gl keeps the drawing-buffer size of MapLibre's canvas from when deck.gl
 * attached, and the heat, drawn through an offscreen pass, lands off its places. So on every
 * resize of the map the buffer size is handed on.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Layer, LayerManager } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { DEFAULT_HEXAGON_M } from '../analysis/complaints/hex-bins.ts';
import type { HexagonView } from '../workers/complaint-views.ts';
import { hexagonClasses, hexagonColor } from './hexagon-scale.ts';
import { HEATMAP_COLORS } from './palette.ts';
import { HEATMAP_BEFORE_LAYER } from './style.ts';

const HEATMAP_LAYER_ID = 'work-orders-heatmap';
const HEXAGON_LAYER_ID = 'work-orders-hexagons';
const POINT_LAYER_ID = 'work-orders-points';
/** The zoom from which single orders are drawn. */
export const ORDER_POINTS_MIN_ZOOM = 16;
const ORDER_POINT_COLOR: [number, number, number] = [200, 30, 45];

export type OrderMapMode = 'heatmap' | 'hexagons';

/** Orders to draw one by one, with their rows in the worker's table (for their details). */
export interface OrderPoints {
  points: Float64Array;
  rows: Int32Array;
}

export interface HeatmapState {
  points: Float64Array;
  visible: boolean;
  opacity: number;
  mode: OrderMapMode;
  hexagons: HexagonView | null;
  /** The top of the hexagons' colour scale when fixed (a playback); null: their own busiest. */
  hexagonTop: number | null;
  orderPoints: OrderPoints | null;
}

/** The hexagons and order points as deck.gl holds them. */
export interface DrawnOrderLayers {
  hexagons: { count: number; visible: boolean; top: number; radius: number } | null;
  points: { count: number; visible: boolean } | null;
}

/**
 * The heatmap as deck.gl holds it: its point count, visibility, first and last positions, and the
 * size (device pixels) of the framebuffer its heat is drawn back into, which must be the map
 * canvas's: after a resize, a stale size puts the heat off its places.
 */
export interface DrawnHeatmap {
  points: number;
  visible: boolean;
  first: number[] | null;
  last: number[] | null;
  framebuffer: { width: number; height: number } | null;
}

/** luma.gl's canvas context of MapLibre's canvas, with its private step that resizes the framebuffer. */
interface CanvasContextInternals {
  setDrawingBufferSize(width: number, height: number): void;
  _configureDevice?(): void;
  _framebuffer?: { width: number; height: number } | null;
}

/** The canvas context deck.gl draws into, reached through its private state (absent: null). */
function canvasContextOf(overlay: MapLibreOverlay): CanvasContextInternals | null {
  const internals = overlay as unknown as {
    _deck?: { device?: { getDefaultCanvasContext?(): CanvasContextInternals } };
  };
  return internals._deck?.device?.getDefaultCanvasContext?.() ?? null;
}

const NO_HEXAGONS: HexagonView = {
  centers: new Float64Array(),
  counts: new Float32Array(),
  max: 0,
  radiusM: DEFAULT_HEXAGON_M,
};
const NO_POINTS: OrderPoints = { points: new Float64Array(), rows: new Int32Array() };

type PositionAccessor = (object: unknown, info: { index: number }) => [number, number];
const accessors = new WeakMap<Float64Array, PositionAccessor>();

/**
 * The accessor of flat lng,lat pairs, one per array: deck.gl's heatmap recomputes its weights on
 * the GPU whenever an accessor is a new function, even while hidden, so a playback frame or a
 * slider move must hand it the same one.
 */
function positionsOf(flat: Float64Array): PositionAccessor {
  let accessor = accessors.get(flat);
  if (!accessor) {
    accessor = (_, { index }) => [flat[index * 2]!, flat[index * 2 + 1]!];
    accessors.set(flat, accessor);
  }
  return accessor;
}

export class WorkOrderOverlay {
  #map: MapLibreMap;
  #overlay: Promise<MapLibreOverlay> | null = null;
  #state: HeatmapState = {
    points: new Float64Array(),
    visible: true,
    opacity: 0.75,
    mode: 'heatmap',
    hexagons: null,
    hexagonTop: null,
    orderPoints: null,
  };
  /** Whether the map is zoomed in enough for single orders. */
  #closeUp = false;
  #layers: Layer[] = [];
  /** deck.gl compares `data` by reference: one object per points array, so a slider move or a
   * visibility change never recomputes the positions. */
  #data: { length: number } = { length: 0 };
  /** The overlay the layer was last handed to. */
  #drawnOn: MapLibreOverlay | null = null;
  /** Every update not yet handed to deck.gl (failed ones included: they settle too). */
  #pending: Promise<void> = Promise.resolve();

  constructor(map: MapLibreMap) {
    this.#map = map;
    this.#closeUp = map.getZoom() >= ORDER_POINTS_MIN_ZOOM;
    map.on('resize', this.#resized);
    map.on('zoomend', this.#zoomed);
  }

  /** Draws or hides the single orders when the zoom crosses ORDER_POINTS_MIN_ZOOM. */
  readonly #zoomed = (): void => {
    const closeUp = this.#map.getZoom() >= ORDER_POINTS_MIN_ZOOM;
    if (closeUp === this.#closeUp) return;
    this.#closeUp = closeUp;
    if (this.#state.orderPoints) void this.update({}).catch(() => undefined);
  };

  /** Hands MapLibre's new canvas size to luma.gl's framebuffer of it, then redraws. */
  readonly #resized = (): void => {
    void this.#overlay
      ?.then((overlay) => {
        const canvas = this.#map.getCanvas();
        const context = canvasContextOf(overlay);
        context?.setDrawingBufferSize(canvas.width, canvas.height);
        context?._configureDevice?.();
        this.#map.triggerRepaint();
      })
      .catch(() => undefined);
  };

  async #attach(): Promise<MapLibreOverlay> {
    const { MapLibreOverlay } = await import('@deck.gl/maplibre');
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    this.#map.addControl(overlay);
    return overlay;
  }

  /** Replaces part of the state (points as flat lng,lat pairs) and redraws once. */
  update(patch: Partial<HeatmapState>): Promise<void> {
    const run = this.#update(patch);
    this.#pending = Promise.all([this.#pending, run.catch(() => undefined)]).then(() => undefined);
    return run;
  }

  /** Resolves once every update asked for so far has reached deck.gl (or failed). */
  settled(): Promise<void> {
    return this.#pending;
  }

  async #update(patch: Partial<HeatmapState>): Promise<void> {
    if (patch.points && patch.points !== this.#state.points)
      this.#data = { length: patch.points.length / 2 };
    this.#state = { ...this.#state, ...patch };
    const { points, hexagons } = this.#state;
    if (!this.#overlay && points.length === 0 && !hexagons?.counts.length) return;
    this.#overlay ??= this.#attach().catch((error: unknown) => {
      this.#overlay = null;
      throw error;
    });
    await this.#render(await this.#overlay);
  }

  /**
   * What deck.gl's layer manager holds for the heatmap layer (read from the live layer's props,
   * not from this object's state), or null before deck.gl has taken the layer in.
   */
  drawnLayer(): DrawnHeatmap | null {
    const manager = this.#layerManager();
    const live = manager
      ?.getLayers({ layerIds: [HEATMAP_LAYER_ID] })
      .find((layer) => layer.id === HEATMAP_LAYER_ID);
    if (!live) return null;
    const props = live.props as unknown as {
      data: { length: number };
      visible: boolean;
      getPosition: (object: unknown, info: { index: number }) => number[];
    };
    const points = props.data.length;
    const at = (index: number) => [...props.getPosition(null, { index })];
    const framebuffer = this.#drawnOn ? canvasContextOf(this.#drawnOn)?._framebuffer : null;
    return {
      points,
      visible: props.visible,
      first: points > 0 ? at(0) : null,
      last: points > 0 ? at(points - 1) : null,
      framebuffer: framebuffer ? { width: framebuffer.width, height: framebuffer.height } : null,
    };
  }

  /** deck.gl's layer manager of the overlay last drawn on (its layers once it took them in). */
  #layerManager(): LayerManager | null {
    const internals = this.#drawnOn as unknown as {
      _deck?: { layerManager?: LayerManager };
    } | null;
    return internals?._deck?.layerManager ?? this.#layers[0]?.context?.layerManager ?? null;
  }

  /** The hexagons and single orders as deck.gl's layer manager holds them. */
  drawnOrderLayers(): DrawnOrderLayers {
    const manager = this.#layerManager();
    const live = (id: string) =>
      manager?.getLayers({ layerIds: [id] }).find((layer) => layer.id === id)?.props as
        { data: { length: number }; visible: boolean; radius?: number } | undefined;
    const hexagons = live(HEXAGON_LAYER_ID);
    const points = live(POINT_LAYER_ID);
    const { hexagonTop, hexagons: shown } = this.#state;
    return {
      hexagons: hexagons
        ? {
            count: hexagons.data.length,
            visible: hexagons.visible,
            top: hexagonTop ?? shown?.max ?? 0,
            radius: hexagons.radius ?? 0,
          }
        : null,
      points: points ? { count: points.data.length, visible: points.visible } : null,
    };
  }

  async #render(overlay: MapLibreOverlay): Promise<void> {
    const [{ HeatmapLayer }, { ColumnLayer, ScatterplotLayer }] = await Promise.all([
      import('@deck.gl/aggregation-layers'),
      import('@deck.gl/layers'),
    ]);
    const { points, visible, opacity, mode, hexagons, hexagonTop, orderPoints } = this.#state;
    const heatmap = new HeatmapLayer<number, { beforeId: string }>({
      id: HEATMAP_LAYER_ID,
      // Read by MapLibreOverlay in interleaved mode to slot the layer into MapLibre's stack.
      beforeId: HEATMAP_BEFORE_LAYER,
      data: this.#data as unknown as number[],
      getPosition: positionsOf(points),
      getWeight: 1,
      radiusPixels: 22,
      intensity: 1,
      threshold: 0.12,
      colorRange: HEATMAP_COLORS,
      visible: visible && mode === 'heatmap',
      opacity,
      pickable: false,
      updateTriggers: { getPosition: points },
    });
    const cells = hexagons ?? NO_HEXAGONS;
    const classes = hexagonClasses(hexagonTop ?? cells.max);
    const hexagonLayer = new ColumnLayer<number, { beforeId: string }>({
      id: HEXAGON_LAYER_ID,
      beforeId: HEATMAP_BEFORE_LAYER,
      data: { length: cells.counts.length } as unknown as number[],
      diskResolution: 6,
      // deck.gl's disk starts at a corner on the x axis; turned 90° the hexagons stand on a
      // corner (pointy-top), as the worker's bins do.
      angle: 90,
      radius: cells.radiusM,
      coverage: 0.94,
      extruded: false,
      getPosition: positionsOf(cells.centers),
      getFillColor: (_: unknown, { index }: { index: number }) =>
        hexagonColor(classes, cells.counts[index]!),
      visible: visible && mode === 'hexagons',
      opacity: Math.min(1, opacity * 1.1),
      pickable: false,
      updateTriggers: { getPosition: cells, getFillColor: [cells, hexagonTop] },
    });
    // The single orders' attributes are built only when they are drawn (zoomed in).
    const single = orderPoints && this.#closeUp ? orderPoints : NO_POINTS;
    const pointLayer = new ScatterplotLayer<number, { beforeId: string }>({
      id: POINT_LAYER_ID,
      beforeId: HEATMAP_BEFORE_LAYER,
      data: { length: single.rows.length } as unknown as number[],
      getPosition: positionsOf(single.points),
      getFillColor: ORDER_POINT_COLOR,
      getLineColor: [255, 255, 255],
      lineWidthMinPixels: 1,
      stroked: true,
      radiusUnits: 'pixels',
      getRadius: 5,
      visible: visible && this.#closeUp,
      pickable: false,
      updateTriggers: { getPosition: single },
    });
    this.#layers = [heatmap, hexagonLayer, pointLayer];
    overlay.setProps({ layers: this.#layers });
    this.#drawnOn = overlay;
  }

  /** Detaches deck.gl from the map for good (nothing to do if it never attached or failed to). */
  async remove(): Promise<void> {
    this.#map.off('resize', this.#resized);
    this.#map.off('zoomend', this.#zoomed);
    const pending = this.#overlay;
    this.#overlay = null;
    const overlay = await pending?.catch(() => null);
    this.#drawnOn = null;
    if (overlay) this.#map.removeControl(overlay);
  }
}
