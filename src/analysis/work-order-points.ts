/**
 * Work orders reduced to what the map draws: their positions as one flat array (for the heatmap,
 * transferable from the worker without copying) and slim point features carrying only the id
 * and category (the details panel reads the rest from the loaded layer).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { WorkOrderFeature } from '../domain/types.ts';

export interface WorkOrderPoints {
  /** lng, lat, lng, lat, … in the order of the work orders. */
  positions: Float64Array;
  features: FeatureCollection<Point, { id: string; category2: string }>;
}

/**
 * The drawable form of a list of work orders.
 * @example
 * workOrderPoints(orders).positions.length === orders.length * 2; // true
 */
export function workOrderPoints(orders: readonly WorkOrderFeature[]): WorkOrderPoints {
  const positions = new Float64Array(orders.length * 2);
  orders.forEach((order, i) => {
    const [lng, lat] = order.geometry.coordinates;
    positions[i * 2] = lng!;
    positions[i * 2 + 1] = lat!;
  });
  return {
    positions,
    features: {
      type: 'FeatureCollection',
      features: orders.map((order) => ({
        type: 'Feature',
        geometry: order.geometry,
        properties: { id: order.properties.id, category2: order.properties.category2 },
      })),
    },
  };
}
