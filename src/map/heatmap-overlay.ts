/**
 * The work-order heatmap: a deck.gl HeatmapLayer drawn inside MapLibre's layer stack through
 * `MapLibreOverlay` (interleaved), below grid lines and labels. deck.gl is loaded lazily so the
 * first map paint does not wait for it. Prop changes are batched into one `setProps`.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { HEATMAP_COLORS } from './palette.ts';
import { HEATMAP_BEFORE_LAYER } from './style.ts';

export const HEATMAP_LAYER_ID = 'work-orders-heatmap';

export interface HeatmapState {
  points: Float64Array;
  visible: boolean;
  opacity: number;
}

export class WorkOrderHeatmap {
  #overlay: MapLibreOverlay | null = null;
  #state: HeatmapState = { points: new Float64Array(), visible: true, opacity: 0.75 };
  #ready: Promise<void>;

  constructor(map: MapLibreMap) {
    this.#ready = this.#attach(map);
  }

  async #attach(map: MapLibreMap): Promise<void> {
    const [{ MapLibreOverlay }] = await Promise.all([import('@deck.gl/maplibre')]);
    if (!map.isStyleLoaded()) await map.once('idle');
    this.#overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(this.#overlay);
    await this.#render();
  }

  /** Resolves once deck.gl is attached and the current state is drawn. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** Replaces part of the state (points as flat lng,lat pairs) and redraws once. */
  async update(patch: Partial<HeatmapState>): Promise<void> {
    this.#state = { ...this.#state, ...patch };
    if (this.#overlay) await this.#render();
  }

  /** The number of points the heatmap layer currently draws. */
  get pointCount(): number {
    return this.#state.points.length / 2;
  }

  get visible(): boolean {
    return this.#state.visible;
  }

  async #render(): Promise<void> {
    const { HeatmapLayer } = await import('@deck.gl/aggregation-layers');
    const { points, visible, opacity } = this.#state;
    this.#overlay?.setProps({
      layers: [
        new HeatmapLayer<number, { beforeId: string }>({
          id: HEATMAP_LAYER_ID,
          // Read by MapLibreOverlay in interleaved mode to slot the layer into MapLibre's stack.
          beforeId: HEATMAP_BEFORE_LAYER,
          data: { length: points.length / 2 } as unknown as number[],
          getPosition: (_: unknown, { index }: { index: number }) => [
            points[index * 2]!,
            points[index * 2 + 1]!,
          ],
          getWeight: 1,
          radiusPixels: 28,
          intensity: 1,
          threshold: 0.05,
          colorRange: HEATMAP_COLORS,
          visible,
          opacity,
          pickable: false,
          updateTriggers: { getPosition: points },
        }),
      ],
    });
  }

  /** Detaches deck.gl from the map. */
  remove(map: MapLibreMap): void {
    if (this.#overlay) map.removeControl(this.#overlay);
    this.#overlay = null;
  }
}
