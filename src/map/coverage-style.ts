/**
 * The map layers of the coverage check: the problem polygons (gaps hatched red, overlaps purple,
 * parts outside the community raspberry, slivers ochre), always drawn; the service areas of the
 * chosen facility type; the buildings that type leaves uncovered; and the strong outline of
 * whatever the coverage panel or grid table focused. The map changes what they show only through
 * their filters and source data.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { FACILITY_TYPES } from '../domain/types.ts';
import {
  FACILITY_COLORS,
  FACILITY_FALLBACK_COLOR,
  FOCUS_COLOR,
  FOCUS_HALO,
  PROBLEM_COLORS,
  UNCOVERED_COLOR,
} from './palette.ts';

export const COVERAGE_SOURCE_IDS = {
  problems: 'coverage-problems',
  serviceAreas: 'service-areas',
} as const;

/** The layers whose filter names the focused problem, grids and buildings. */
export const FOCUS_LAYERS = {
  problem: 'coverage-focus',
  grids: 'focus-grids',
  buildings: 'focus-buildings',
} as const;

/** The wide light line under a focus outline, sharing its filter. */
export const haloOf = (layer: string): string => `${layer}-halo`;

/** The layer marking the buildings the chosen facility type does not cover. */
export const UNCOVERED_LAYER = 'buildings-uncovered';

/** The fill pattern of gaps, made in code (no sprite file to fetch). */
export const HATCH_IMAGE = 'coverage-hatch';

/**
 * A filter keeping the features whose `id` property is one of `ids` (none when empty).
 * @example
 * map.setFilter('focus-grids', idFilter(['110106090005003']));
 */
export function idFilter(ids: readonly string[]): FilterSpecification {
  return ['in', ['get', 'id'], ['literal', [...ids]]];
}

/** The ids an `idFilter` keeps, or [] for any other filter. */
export function idsOfFilter(filter: unknown): string[] {
  const literal = Array.isArray(filter) && filter[0] === 'in' ? filter[2] : null;
  return Array.isArray(literal) && Array.isArray(literal[1]) ? literal[1].map(String) : [];
}

const kindColor = [
  'match',
  ['get', 'kind'],
  ...Object.entries(PROBLEM_COLORS).flat(),
  PROBLEM_COLORS.gap,
] as unknown as ExpressionSpecification;

const facilityColor = [
  'match',
  ['get', 'type'],
  ...FACILITY_TYPES.flatMap((t) => [t, FACILITY_COLORS[t]]),
  FACILITY_FALLBACK_COLOR,
] as unknown as ExpressionSpecification;

const focusWidth = (base: number) =>
  ['interpolate', ['linear'], ['zoom'], 13, base, 18, base * 1.8] as ExpressionSpecification;

function focusOutline(id: string, source: string): LayerSpecification[] {
  return [
    {
      id: haloOf(id),
      type: 'line',
      source,
      filter: idFilter([]),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': FOCUS_HALO, 'line-width': focusWidth(7) },
    },
    {
      id,
      type: 'line',
      source,
      filter: idFilter([]),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': FOCUS_COLOR, 'line-width': focusWidth(2.5) },
    },
  ];
}

/** Service areas of the chosen facility type: faint discs under the buildings. */
export const SERVICE_AREA_LAYERS: readonly LayerSpecification[] = [
  {
    id: 'service-areas-fill',
    type: 'fill',
    source: COVERAGE_SOURCE_IDS.serviceAreas,
    paint: { 'fill-color': facilityColor, 'fill-opacity': 0.12 },
  },
  {
    id: 'service-areas-line',
    type: 'line',
    source: COVERAGE_SOURCE_IDS.serviceAreas,
    paint: { 'line-color': facilityColor, 'line-width': 1.2, 'line-opacity': 0.75 },
  },
];

/** Buildings the chosen facility type leaves uncovered, drawn over the plain buildings. */
export const UNCOVERED_LAYERS: readonly LayerSpecification[] = [
  {
    id: UNCOVERED_LAYER,
    type: 'fill',
    source: 'buildings',
    filter: idFilter([]),
    paint: { 'fill-color': UNCOVERED_COLOR, 'fill-opacity': 0.9 },
  },
];

/** Problem polygons and every focus outline, above grid and community lines, below labels. */
export const PROBLEM_LAYERS: readonly LayerSpecification[] = [
  {
    id: 'coverage-fill',
    type: 'fill',
    source: COVERAGE_SOURCE_IDS.problems,
    paint: { 'fill-color': kindColor, 'fill-opacity': 0.4 },
  },
  {
    id: 'coverage-gap-hatch',
    type: 'fill',
    source: COVERAGE_SOURCE_IDS.problems,
    filter: ['==', ['get', 'kind'], 'gap'],
    paint: { 'fill-pattern': HATCH_IMAGE },
  },
  {
    id: 'coverage-line',
    type: 'line',
    source: COVERAGE_SOURCE_IDS.problems,
    paint: {
      'line-color': kindColor,
      'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 18, 2.5],
    },
  },
  ...focusOutline(FOCUS_LAYERS.grids, 'grids'),
  ...focusOutline(FOCUS_LAYERS.buildings, 'buildings'),
  ...focusOutline(FOCUS_LAYERS.problem, COVERAGE_SOURCE_IDS.problems),
];

/** The red, green and blue of a `#rrggbb` colour. */
const rgbOf = (hex: string): number[] =>
  [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));

/**
 * Red diagonal stripes on transparent, 16 × 16 pixels, for `map.addImage(HATCH_IMAGE, …)`.
 * @example
 * map.on('styleimagemissing', (e) => e.id === HATCH_IMAGE && map.addImage(HATCH_IMAGE, hatchImage()));
 */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 16;
  const data = new Uint8Array(size * size * 4);
  const stripe = [...rgbOf(PROBLEM_COLORS.gap), 230];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if ((x + y) % 8 >= 3) continue;
      const i = (y * size + x) * 4;
      data.set(stripe, i);
    }
  return { width: size, height: size, data };
}
