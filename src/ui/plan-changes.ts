/**
 * Applying a grid change set (what the data worker answers after an edit, an undo or a plan
 * switch) to the grids and grid labels the UI holds: changed grids replace their old version in
 * place, removed ones go, and a new order, when given, puts every grid in its plan order.
 * Unchanged grids keep their objects, so the map can send only the changed ones.
 */
import type { Feature, Point } from 'geojson';
import type { LabelProperties } from '../analysis/label-points.ts';
import type { GridFeature } from '../domain/types.ts';

type LabelFeature = Feature<Point, LabelProperties>;

/** The grids an update changed, as the worker's plan updates carry them. */
export interface GridChangeSet {
  /** New or changed grids. */
  changed: readonly GridFeature[];
  /** Label points of changed grids; a changed grid without one keeps its old label point. */
  labels?: readonly LabelFeature[];
  removedIds: readonly string[];
  /** Every grid id in plan order when grids were added or removed; null keeps the order. */
  order: readonly string[] | null;
}

function misfit(what: string): never {
  throw new Error(`the grid changes do not fit the plan: ${what}`);
}

/** `items` with `changed` set by id and `removedIds` dropped, in `order` (or the old order). */
function applyById<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  changed: readonly T[],
  removedIds: readonly string[],
  order: readonly string[] | null,
  strict: boolean,
): T[] {
  const byId = new Map(items.map((item) => [idOf(item), item]));
  for (const item of changed) byId.set(idOf(item), item);
  for (const id of removedIds) byId.delete(id);
  const ids = order ?? items.map(idOf).filter((id) => byId.has(id));
  const out: T[] = [];
  for (const id of ids) {
    const item = byId.get(id);
    if (item) out.push(item);
    else if (strict) misfit(`grid ${id} of the order is not in the plan`);
  }
  if (strict && out.length !== byId.size) misfit('a new grid came without a new order');
  return out;
}

/**
 * The grids after a change set (the inputs are not changed).
 * @example
 * applyGridChangeSet(grids, { changed: [], removedIds: ['110106090001002'], order: null });
 */
export function applyGridChangeSet(
  grids: readonly GridFeature[],
  changes: GridChangeSet,
): GridFeature[] {
  return applyById(
    grids,
    (g) => g.properties.id,
    changes.changed,
    changes.removedIds,
    changes.order,
    true,
  );
}

/**
 * The grid label points after a change set, in the grids' new order (the inputs are not changed).
 * @example
 * const labels = applyLabelChangeSet(gridLabels, changes, newGrids.map((g) => g.properties.id));
 */
export function applyLabelChangeSet(
  labels: readonly LabelFeature[],
  changes: GridChangeSet,
  gridOrder: readonly string[],
): LabelFeature[] {
  return applyById(
    labels,
    (l) => l.properties.id,
    changes.labels ?? [],
    changes.removedIds,
    gridOrder,
    false,
  );
}
