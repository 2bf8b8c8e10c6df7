/**
 * The work-order heatmap: a deck.gl HeatmapLayer drawn inside MapLibre's layer stack through
 * `MapLibreOverlay` (interleaved), below grid lines and labels. deck.gl is loaded and attached
 * only when there are points to draw, so the first map paint never waits for it. Prop changes
 * are batched into one `setProps`. An interleaved overlay does not follow a resized map (deck.gl
 * issue #9666): luma.gl keeps the drawing-buffer size of MapLibre's canvas from when deck.gl
 * attached, and the heat, drawn through an offscreen pass, lands off its places. So on every
 * resize of the map the buffer size is handed on.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { HEATMAP_COLORS } from './palette.ts';
import { HEATMAP_BEFORE_LAYER } from './style.ts';

const HEATMAP_LAYER_ID = 'work-orders-heatmap';

export interface HeatmapState {
  points: Float64Array;
  visible: boolean;
  opacity: number;
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

export class WorkOrderHeatmap {
  #map: MapLibreMap;
  #overlay: Promise<MapLibreOverlay> | null = null;
  #state: HeatmapState = { points: new Float64Array(), visible: true, opacity: 0.75 };
  /** deck.gl compares `data` by reference: one object per points array, so a slider move or a
   * visibility change never recomputes the positions. */
  #data: { length: number } = { length: 0 };
  /** The layer last handed to deck.gl; once drawn, it knows deck.gl's layer manager. */
  #layer: Layer | null = null;
  /** The overlay the layer was last handed to. */
  #drawnOn: MapLibreOverlay | null = null;

  constructor(map: MapLibreMap) {
    this.#map = map;
    map.on('resize', this.#resized);
  }

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
  async update(patch: Partial<HeatmapState>): Promise<void> {
    if (patch.points && patch.points !== this.#state.points)
      this.#data = { length: patch.points.length / 2 };
    this.#state = { ...this.#state, ...patch };
    if (!this.#overlay && this.#state.points.length === 0) return;
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
    const manager = this.#layer?.context?.layerManager;
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

  async #render(overlay: MapLibreOverlay): Promise<void> {
    const { HeatmapLayer } = await import('@deck.gl/aggregation-layers');
    const { points, visible, opacity } = this.#state;
    this.#layer = new HeatmapLayer<number, { beforeId: string }>({
      id: HEATMAP_LAYER_ID,
      // Read by MapLibreOverlay in interleaved mode to slot the layer into MapLibre's stack.
      beforeId: HEATMAP_BEFORE_LAYER,
      data: this.#data as unknown as number[],
      getPosition: (_: unknown, { index }: { index: number }) => [
        points[index * 2]!,
        points[index * 2 + 1]!,
      ],
      getWeight: 1,
      radiusPixels: 22,
      intensity: 1,
      threshold: 0.12,
      colorRange: HEATMAP_COLORS,
      visible,
      opacity,
      pickable: false,
      updateTriggers: { getPosition: points },
    });
    overlay.setProps({ layers: [this.#layer] });
    this.#drawnOn = overlay;
  }

  /** Detaches deck.gl from the map for good (nothing to do if it never attached or failed to). */
  async remove(): Promise<void> {
    this.#map.off('resize', this.#resized);
    const pending = this.#overlay;
    this.#overlay = null;
    const overlay = await pending?.catch(() => null);
    this.#drawnOn = null;
    if (overlay) this.#map.removeControl(overlay);
  }
}
