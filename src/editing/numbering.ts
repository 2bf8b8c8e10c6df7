/**
 * Grid sequence numbers inside a community (DB11/T 2157-2023): west → east, north → south, by
 * each grid's centre of mass, and the edits that hand out codes: the next free code for a new
 * grid, and renumbering a community's grids 001… in that order. A grid's id is its code.
 */
import { centerOfMass } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { formatGridCode, isValidCommunityCode, parseGridCode } from '../domain/codes.ts';
import type { GridFeature } from '../domain/types.ts';
import {
  planGrids,
  type EditContext,
  type EditResult,
  type GridPatchEntry,
  type Plan,
} from './plan.ts';

/** Grids whose centres of mass lie within this many degrees of latitude (≈100 m) form one row. */
export const ROW_BAND_DEG = 0.0009;

/** The highest grid sequence number a community can give (3 digits). */
const MAX_SEQUENCE = 999;

/**
 * Sequence numbers inside one community: by centre of mass (turf.centerOfMass) latitude north
 * first, grouped into rows of centres within ROW_BAND_DEG of the row's northernmost one, each row
 * west → east.
 * @example
 * numberGrids([{ key: 'a', geometry: southPolygon }, { key: 'b', geometry: northPolygon }]);
 * // Map { 'b' → 1, 'a' → 2 }
 */
export function numberGrids(
  grids: readonly { key: string; geometry: Polygon | MultiPolygon }[],
): Map<string, number> {
  const items = grids
    .map((g) => {
      const [lon = 0, lat = 0] = centerOfMass(g.geometry).geometry.coordinates;
      return { key: g.key, lon, lat };
    })
    .sort((a, b) => b.lat - a.lat || a.lon - b.lon);
  const rows: (typeof items)[] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (row && row[0]!.lat - item.lat <= ROW_BAND_DEG) row.push(item);
    else rows.push([item]);
  }
  const order = rows.flatMap((row) => [...row].sort((a, b) => a.lon - b.lon));
  return new Map(order.map((item, i) => [item.key, i + 1]));
}

/** Sequence numbers in use in a community: those of the plan's grid codes under its code. */
function usedSequences(plan: Plan, communityId: string): Set<number> {
  const used = new Set<number>();
  for (const id of plan.grids.keys()) {
    const code = parseGridCode(id);
    if (code && id.startsWith(communityId)) used.add(code.sequence);
  }
  return used;
}

/**
 * The code a new grid of the community gets: one past the highest sequence in use, or the lowest
 * unused one when 999 is taken; null when all 999 are used or the community code is not 12 digits.
 * @example
 * nextFreeGridCode(plan, '110106090001'); // '110106090001008' when 001–007 are used
 */
export function nextFreeGridCode(plan: Plan, communityId: string): string | null {
  if (!isValidCommunityCode(communityId)) return null;
  const used = usedSequences(plan, communityId);
  const highest = Math.max(0, ...used);
  if (highest < MAX_SEQUENCE) return formatGridCode(communityId, highest + 1);
  for (let sequence = 1; sequence <= MAX_SEQUENCE; sequence++)
    if (!used.has(sequence)) return formatGridCode(communityId, sequence);
  return null;
}

/** The grid under a new code: its id (and the feature id, when it has one) renamed. */
function renamed(grid: GridFeature, code: string): GridFeature {
  const properties = { ...grid.properties, id: code };
  return 'id' in grid ? { ...grid, id: code, properties } : { ...grid, properties };
}

/**
 * Renumbers the community's grids 001… in the numbering order (west → east, north → south). A
 * renamed grid is removed under its old id and added under its new one with its rank and other
 * properties; all removals come before all additions, so codes that swap between grids are
 * safe in both directions. Refused with 'no-free-code' when the community has more than 999
 * grids, its code is not 12 digits, or a new code is held by a grid of another community.
 * @example
 * const result = renumberCommunity(plan, ctx, '110106090001');
 * if (result.ok) plan = applyPatch(plan, result.patch);
 */
export function renumberCommunity(plan: Plan, _ctx: EditContext, communityId: string): EditResult {
  const grids = planGrids(plan).filter((g) => g.properties.communityId === communityId);
  const noCode: EditResult = {
    ok: false,
    problem: { code: 'no-free-code', params: { communityId } },
  };
  if (!isValidCommunityCode(communityId) || grids.length > MAX_SEQUENCE) return noCode;
  const numbers = numberGrids(grids.map((g) => ({ key: g.properties.id, geometry: g.geometry })));
  const ids = new Set(grids.map((g) => g.properties.id));
  const removals: GridPatchEntry[] = [];
  const additions: GridPatchEntry[] = [];
  for (const grid of grids) {
    const oldId = grid.properties.id;
    const newId = formatGridCode(communityId, numbers.get(oldId)!);
    if (newId === oldId) continue;
    if (plan.grids.has(newId) && !ids.has(newId)) return noCode;
    const { rank } = plan.grids.get(oldId)!;
    removals.push({ gridId: oldId, rank, before: grid, after: null });
    additions.push({ gridId: newId, rank, before: null, after: renamed(grid, newId) });
  }
  return { ok: true, patch: { entries: [...removals, ...additions] }, warnings: [] };
}
