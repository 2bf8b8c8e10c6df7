/**
 * What the map draws of the work orders for the tab on screen: on the complaint tab the month's
 * filtered orders (heatmap, hexagons, single orders); elsewhere every order as a plain heatmap.
 * The main map and the export map read the same.
 */
import { app } from './app-state.svelte.ts';
import { complaintMap } from './complaint-map.svelte.ts';
import { complaints } from './complaints.svelte.ts';

/** The heatmap's positions, or null for every work order. */
export function mapHeatPoints(): Float64Array | null {
  return app.view.tab === 'complaints' ? (complaints.view?.points ?? null) : null;
}

/** How the complaint tab draws its orders, or null away from it. */
export function mapOrderLayers(): typeof complaintMap.drawn {
  return app.view.tab === 'complaints' ? complaintMap.drawn : null;
}
