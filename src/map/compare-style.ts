/**
 * The comparison overlay: the other plan's grid boundaries (only those that differ from the plan
 * shown) as a dashed line in their own small source, and the buildings that change grid filled
 * over the plain buildings. The map changes what they show only through the source data and the
 * moved-buildings filter.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { idFilter } from './coverage-style.ts';
import { COMPARE_COLORS } from './palette.ts';

export const COMPARE_SOURCE_ID = 'compare-grids';

/** The layers that draw the buildings that change grid (filtered by id). */
export const COMPARE_MOVED_LAYERS = [
  'compare-moved-buildings',
  'compare-moved-buildings-line',
] as const;

/** The layer the overlay goes below, so labels stay on top. */
export const COMPARE_BEFORE_LAYER = 'grids-label';

export const COMPARE_LAYERS: readonly LayerSpecification[] = [
  {
    id: COMPARE_MOVED_LAYERS[0],
    type: 'fill',
    source: 'buildings',
    filter: idFilter([]),
    paint: { 'fill-color': COMPARE_COLORS.moved, 'fill-opacity': 0.85 },
  },
  {
    id: COMPARE_MOVED_LAYERS[1],
    type: 'line',
    source: 'buildings',
    filter: idFilter([]),
    paint: { 'line-color': COMPARE_COLORS.movedLine, 'line-width': 1.2 },
  },
  {
    id: 'compare-grids-halo',
    type: 'line',
    source: COMPARE_SOURCE_ID,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': COMPARE_COLORS.otherHalo, 'line-width': 4.5, 'line-opacity': 0.8 },
  },
  {
    id: 'compare-grids-line',
    type: 'line',
    source: COMPARE_SOURCE_ID,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': COMPARE_COLORS.other,
      'line-width': 2.2,
      'line-dasharray': [2, 1.5],
    },
  },
];
