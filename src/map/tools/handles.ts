/**
 * The handles of the reshape tool: one per boundary vertex of the active grid (drag to move,
 * Alt-click or right-click to delete) and one at the middle of each edge (drag or click to insert
 * a vertex there). Handles are found under the pointer in screen pixels through the map's
 * projection, so a handle is as easy to grab at every zoom.
 */
import { polygonsOf } from '../../analysis/coverage/prepared.ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointAlong, positionKey } from '../../editing/ring-geometry.ts';
import type { EditFeature } from '../edit-style.ts';
import { screenDistance, type Project, type ScreenPoint } from './screen-scale.ts';

/** A boundary vertex of the grid. */
export interface VertexHandle {
  kind: 'vertex';
  at: Position;
}

/** The middle of a boundary edge, where a new vertex goes. */
export interface MidpointHandle {
  kind: 'midpoint';
  at: Position;
  edge: [Position, Position];
}

export type Handle = VertexHandle | MidpointHandle;

/**
 * Every vertex of the geometry once (ring closings and vertices repeated across rings counted
 * once), then the midpoint of every edge.
 * @example
 * gridHandles(square).filter((h) => h.kind === 'vertex').length; // 4
 */
export function gridHandles(geometry: Polygon | MultiPolygon): Handle[] {
  const vertices: VertexHandle[] = [];
  const midpoints: MidpointHandle[] = [];
  const seen = new Set<string>();
  for (const ring of polygonsOf(geometry).flat()) {
    ring.forEach((at, i) => {
      const key = positionKey(at);
      if (!seen.has(key)) {
        seen.add(key);
        vertices.push({ kind: 'vertex', at });
      }
      const next = ring[i + 1];
      if (next)
        midpoints.push({ kind: 'midpoint', at: pointAlong(at, next, 0.5), edge: [at, next] });
    });
  }
  return [...vertices, ...midpoints];
}

/**
 * The handle nearest `point` within `tolerancePx`; a vertex wins over a midpoint in reach, so a
 * short edge's midpoint never hides the vertex the planner aims at. Null when none is in reach.
 * @example
 * nearestHandle(handles, [e.point.x, e.point.y], (p) => map.project(p), 10);
 */
export function nearestHandle(
  handles: readonly Handle[],
  point: ScreenPoint,
  project: Project,
  tolerancePx: number,
): Handle | null {
  let best: { handle: Handle; distance: number } | null = null;
  for (const handle of handles) {
    const distance = screenDistance(project(handle.at), point);
    if (distance > tolerancePx) continue;
    const better =
      !best ||
      (handle.kind === 'vertex' && best.handle.kind === 'midpoint') ||
      (handle.kind === best.handle.kind && distance < best.distance);
    if (better) best = { handle, distance };
  }
  return best?.handle ?? null;
}

/**
 * The handles as features of the edit source; the handle at `active` (under the pointer or being
 * dragged) is marked so the layer draws it larger.
 * @example
 * ctx.edit.set(editCollection(handleFeatures(gridHandles(grid.geometry), grid.properties.id)));
 */
export function handleFeatures(
  handles: readonly Handle[],
  gridId: string,
  active: Handle | null = null,
): EditFeature[] {
  return handles.map((handle) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: handle.at },
    properties: { role: handle.kind, gridId, active: handle === active },
  }));
}
