/**
 * The grid edits the benchmark times: moving a vertex two grids share by a few metres in both
 * (topology kept, the engine's matched-edge path still holds) or in one only (a gap opens, so the
 * community falls back to clipping). Vertices are picked in healthy communities; an edit always
 * starts from the grids as the earlier edits left them.
 */
import type { GridChange } from '../../src/analysis/coverage/input.ts';
import { communityOfGridCode } from '../../src/domain/codes.ts';
import type { GridFeature } from '../../src/domain/types.ts';
import type { Random } from '../sample/random.ts';
import type { BenchData } from './generate.ts';
import { moveVertex, nudgeVertex } from './move-vertex.ts';
import { interiorSharedVertices, type SharedVertex } from './shared-vertices.ts';

export const EDIT_M = 3;

/**
 * `count` different shared vertices of healthy communities, in a seeded random order.
 * @example
 * pickSharedVertices(data, 9, rng).length; // 9
 */
export function pickSharedVertices(data: BenchData, count: number, rng: Random): SharedVertex[] {
  const faulty = new Set(data.faults.map((f) => f.communityId));
  const candidates = interiorSharedVertices(data.input.grids, data.input.communities).filter(
    (v) => !faulty.has(communityOfGridCode(v.gridIds[0])),
  );
  if (candidates.length < count)
    throw new RangeError(`only ${candidates.length} shared vertices to edit`);
  return candidates
    .map((v) => ({ v, order: rng.next() }))
    .sort((a, b) => a.order - b.order)
    .slice(0, count)
    .map(({ v }) => v);
}

/**
 * Both grids with the shared vertex moved `EDIT_M` metres to the same new place.
 * @example
 * engine.updateGrids(sharedVertexEdit(gridById, vertex));
 */
export function sharedVertexEdit(
  gridById: ReadonlyMap<string, GridFeature>,
  vertex: SharedVertex,
): GridChange[] {
  const [a, b] = vertex.gridIds.map((id) => gridById.get(id) as GridFeature) as [
    GridFeature,
    GridFeature,
  ];
  const to = nudgeVertex(a, vertex.position, EDIT_M);
  return [a, b].map((grid) => ({
    gridId: grid.properties.id,
    grid: moveVertex(grid, vertex.position, to),
  }));
}

/**
 * The first grid with the shared vertex moved `EDIT_M` metres into it (a gap opens), and the
 * change that puts it back.
 * @example
 * const { open, close } = gapEdit(gridById, vertex);
 */
export function gapEdit(
  gridById: ReadonlyMap<string, GridFeature>,
  vertex: SharedVertex,
): { open: GridChange[]; close: GridChange[] } {
  const grid = gridById.get(vertex.gridIds[0]) as GridFeature;
  const to = nudgeVertex(grid, vertex.position, EDIT_M);
  return {
    open: [{ gridId: grid.properties.id, grid: moveVertex(grid, vertex.position, to) }],
    close: [{ gridId: grid.properties.id, grid }],
  };
}
