/**
 * A plan (方案) as a file: exported as a GeoJSON grids layer (RFC 7946) that `npm run check` and
 * the app load like any grids.geojson, and imported back through the app's own loader, so an
 * imported plan obeys exactly the rules a loaded grids layer obeys. The export writes the grids
 * in plan order, rings wound by the right-hand rule, every property kept; it writes nothing else,
 * so export → import gives back the plan's grids unchanged.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { projectedRingArea, projectRing } from '../analysis/coverage/geodesy.ts';
import type { ProblemGroup, SetAsideFeature } from '../domain/problems.ts';
import { DEFAULT_SETTINGS, type GridSettings } from '../domain/settings.ts';
import type { GridFeature, LayerKind } from '../domain/types.ts';
import { planFromGrids, type Plan } from '../editing/plan.ts';
import { loadFiles } from './load-files.ts';

export interface PlanExportOptions {
  /** Written as the collection's `name` member (as GDAL does), e.g. the plan's name. */
  name?: string;
}

/** Why a file could not be imported as a plan. */
export type PlanImportFailure =
  /** Not readable as a layer at all (not JSON, not a FeatureCollection, layer not recognised…). */
  | 'unreadable'
  /** A layer the loader recognised, but not the grids layer (`layer` says which). */
  | 'not-grids'
  /** A grids layer with features set aside for errors: a plan missing them would leave holes. */
  | 'invalid-grids'
  /** A grids layer without a single grid. */
  | 'no-grids';

/** The outcome of importing a plan file; problems are the loader's, warnings included. */
export type PlanImport =
  | { ok: true; plan: Plan; problems: ProblemGroup[] }
  | {
      ok: false;
      reason: PlanImportFailure;
      /** The layer the loader saw in the file, or null when it saw none. */
      layer: LayerKind | null;
      problems: ProblemGroup[];
      /** Features the loader set aside, as the file gave them, with their problems. */
      setAside: SetAsideFeature[];
    };

/** Feature members the export writes itself; `bbox` is dropped because an edit makes it stale. */
const WRITTEN_MEMBERS = new Set(['type', 'id', 'geometry', 'properties', 'bbox']);

/**
 * The grids as a GeoJSON FeatureCollection text: one feature per line in plan order, compact JSON,
 * ending with a newline. Each feature is written as `type`, `id` (only if the grid carries an `id`
 * member; it is set to the grid code), `geometry` (`type`, `coordinates`: outer rings
 * counter-clockwise, holes clockwise), `properties` (as the grid has them, in their order), then
 * any other member the grid carries. Coordinates are written as they are, unrounded.
 * @example
 * const text = exportPlanGeoJSON(planGrids(plan), { name: '方案A' });
 * // '{"type":"FeatureCollection","name":"方案A","features":[\n{"type":"Feature",…}\n]}\n'
 */
export function exportPlanGeoJSON(
  grids: readonly GridFeature[],
  options: PlanExportOptions = {},
): string {
  const head = JSON.stringify({
    type: 'FeatureCollection',
    ...(options.name === undefined ? {} : { name: options.name }),
  }).slice(0, -1);
  const features = grids.map((grid) => JSON.stringify(exportedFeature(grid)));
  const body = features.length === 0 ? '[]' : `[\n${features.join(',\n')}\n]`;
  return `${head},"features":${body}}\n`;
}

/**
 * Reads a plan file with the app's loader (layer detection and every validation rule included)
 * and returns the plan of its grids, in file order, with the loader's problems. A file that is
 * not a grids layer, has no grid, or has grids the loader set aside for an error is refused, with
 * the problems and the set-aside features as the loader reports them.
 * @example
 * const imported = importPlanGeoJSON(await file.text(), file.name);
 * if (imported.ok) planGrids(imported.plan); else imported.problems;
 */
export function importPlanGeoJSON(
  text: string,
  fileName: string,
  settings: GridSettings = DEFAULT_SETTINGS,
): PlanImport {
  const result = loadFiles([{ name: fileName, text }], settings);
  const layer = result.files[0]?.layer ?? null;
  const grids = result.dataset.grids?.features;
  const refuse = (reason: PlanImportFailure): PlanImport => ({
    ok: false,
    reason,
    layer,
    problems: result.problems,
    setAside: result.setAside,
  });
  if (layer !== null && layer !== 'grids') return refuse('not-grids');
  if (!grids) return refuse('unreadable');
  if (result.setAside.length > 0) return refuse('invalid-grids');
  if (grids.length === 0) return refuse('no-grids');
  return { ok: true, plan: planFromGrids(grids), problems: result.problems };
}

function exportedFeature(grid: GridFeature): Record<string, unknown> {
  const feature: Record<string, unknown> = { type: 'Feature' };
  if ('id' in grid) feature.id = grid.properties.id;
  feature.geometry = { type: grid.geometry.type, coordinates: woundCoordinates(grid.geometry) };
  feature.properties = grid.properties;
  for (const [member, value] of Object.entries(grid as Feature))
    if (!WRITTEN_MEMBERS.has(member)) feature[member] = value;
  return feature;
}

function woundCoordinates(geometry: Polygon | MultiPolygon): Position[][] | Position[][][] {
  return geometry.type === 'Polygon'
    ? woundPolygon(geometry.coordinates)
    : geometry.coordinates.map(woundPolygon);
}

/** Outer ring counter-clockwise, holes clockwise; a ring already wound so is kept as it is. */
function woundPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, index) => {
    const area = projectedRingArea(projectRing(ring));
    const wantCounterClockwise = index === 0;
    const reverse = wantCounterClockwise ? area < 0 : area > 0;
    return reverse ? [...ring].reverse() : ring;
  });
}
