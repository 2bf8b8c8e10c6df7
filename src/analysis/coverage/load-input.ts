/**
 * The engine's input from what the loader produced: the valid layers, plus the grids it set aside
 * for an invalid ring (self-intersecting, unclosed or too short), which the report lists under
 * their community instead of losing them.
 */
import type { Position } from 'geojson';
import type { LoadResult } from '../../io/load-files.ts';
import type { AnalysisInput, InvalidRingGrid } from './input.ts';
import { bboxOfRings } from './prepared.ts';

const RING_CODES = new Set(['self-intersection', 'ring-unclosed', 'ring-too-few-positions']);

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number';
}

/** Every readable position in a nested coordinate array. */
function positionsIn(coordinates: unknown, out: Position[] = []): Position[] {
  if (isPosition(coordinates)) out.push(coordinates);
  else if (Array.isArray(coordinates)) for (const item of coordinates) positionsIn(item, out);
  return out;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * @example
 * new CoverageEngine(inputFromLoad(loadFiles(files)), settings).report();
 */
export function inputFromLoad(result: LoadResult): AnalysisInput {
  const gridFiles = new Set(result.files.filter((f) => f.layer === 'grids').map((f) => f.name));
  const invalidRingGrids: InvalidRingGrid[] = [];
  for (const aside of result.setAside) {
    if (!gridFiles.has(aside.file) || !aside.problems.some((p) => RING_CODES.has(p.code))) continue;
    const feature = aside.feature as {
      properties?: Record<string, unknown>;
      geometry?: { coordinates?: unknown };
    };
    const gridId = text(feature.properties?.id) ?? `#${aside.featureIndex + 1}`;
    const positions = positionsIn(feature.geometry?.coordinates);
    invalidRingGrids.push({
      gridId,
      communityId: text(feature.properties?.communityId),
      bbox: positions.length > 0 ? bboxOfRings([positions]) : null,
    });
  }
  const { dataset } = result;
  return {
    communities: dataset.communities?.features ?? [],
    grids: dataset.grids?.features ?? [],
    buildings: dataset.buildings?.features ?? [],
    facilities: dataset.facilities?.features ?? [],
    workOrders: dataset.workOrders?.features ?? [],
    invalidRingGrids,
  };
}
