/**
 * The map's style: an offline basemap drawn from the bundled roads, water and green, and the
 * thematic layers (street, communities, grids, buildings, facilities, work orders). No tiles,
 * sprites or glyph files: MapLibre draws every label with the local fonts, so nothing is requested
 * off the machine. Each layer names its group and base opacity in `metadata`, which the layer
 * panel uses to show, hide and fade groups; the coverage layers (coverage-style.ts) are slotted in
 * between them and belong to no group.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { FACILITY_TYPES } from '../domain/types.ts';
import {
  COVERAGE_SOURCE_IDS,
  PROBLEM_LAYERS,
  SERVICE_AREA_LAYERS,
  UNCOVERED_LAYERS,
} from './coverage-style.ts';
import { BASE_COLORS as C, FACILITY_COLORS, FACILITY_FALLBACK_COLOR } from './palette.ts';

export const SOURCE_IDS = {
  basemap: 'basemap',
  street: 'street',
  communities: 'communities',
  grids: 'grids',
  buildings: 'buildings',
  facilities: 'facilities',
  workOrders: 'work-orders',
} as const;

export type LayerGroup = keyof typeof SOURCE_IDS;

/**
 * One label point per community and grid, so a polygon cut by tile edges is labelled once. Grid
 * labels have their own source: a grid edit re-sets only them, never the community labels.
 */
export const LABEL_SOURCE_IDS = {
  communities: 'community-labels',
  grids: 'grid-labels',
} as const;

/** The font stack for labels; CJK glyphs are drawn by the browser from these local fonts. */
export const LABEL_FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const FONT = ['Noto Sans CJK SC Regular'];
const FONT_BOLD = ['Noto Sans CJK SC Bold'];

export interface LayerMetadata {
  group: LayerGroup;
  /** Opacity at 100 % on the group's slider. */
  baseOpacity: number;
  /** The paint property that carries the opacity. */
  opacityProperty: string;
}

type Spec = LayerSpecification & { metadata: LayerMetadata };

const emptyCollection = (): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection',
  features: [],
});

const facilityColor = [
  'match',
  ['get', 'type'],
  ...FACILITY_TYPES.flatMap((t) => [t, FACILITY_COLORS[t]]),
  FACILITY_FALLBACK_COLOR,
] as unknown as ExpressionSpecification;

const roadWidth = (primary: number, secondary: number, minor: number) =>
  [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    12,
    [
      'match',
      ['get', 'roadClass'],
      'primary',
      primary * 0.35,
      'secondary',
      secondary * 0.3,
      minor * 0.2,
    ],
    17,
    [
      'match',
      ['get', 'roadClass'],
      'primary',
      primary * 2.2,
      'secondary',
      secondary * 2,
      minor * 1.6,
    ],
  ] as unknown as DataDrivenPropertyValueSpecification<number>;

function meta(group: LayerGroup, opacityProperty: string, baseOpacity: number): LayerMetadata {
  return { group, opacityProperty, baseOpacity };
}

const basemapLayers: Spec[] = [
  {
    id: 'basemap-green',
    type: 'fill',
    source: SOURCE_IDS.basemap,
    filter: ['==', ['get', 'kind'], 'green'],
    paint: { 'fill-color': C.green, 'fill-opacity': 1 },
    metadata: meta('basemap', 'fill-opacity', 1),
  },
  {
    id: 'basemap-water',
    type: 'fill',
    source: SOURCE_IDS.basemap,
    filter: ['==', ['get', 'kind'], 'water'],
    paint: { 'fill-color': C.water, 'fill-opacity': 1 },
    metadata: meta('basemap', 'fill-opacity', 1),
  },
  {
    id: 'basemap-road-casing',
    type: 'line',
    source: SOURCE_IDS.basemap,
    filter: ['all', ['==', ['get', 'kind'], 'road'], ['!=', ['get', 'roadClass'], 'minor']],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': C.roadCasing,
      'line-width': roadWidth(12, 9, 5),
      'line-gap-width': 0,
      'line-opacity': 1,
    },
    metadata: meta('basemap', 'line-opacity', 1),
  },
  {
    id: 'basemap-road',
    type: 'line',
    source: SOURCE_IDS.basemap,
    filter: ['==', ['get', 'kind'], 'road'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': [
        'match',
        ['get', 'roadClass'],
        'primary',
        C.roadPrimary,
        'secondary',
        C.roadSecondary,
        C.roadMinor,
      ],
      'line-width': roadWidth(10, 7, 4),
      'line-opacity': 1,
    },
    metadata: meta('basemap', 'line-opacity', 1),
  },
];

const thematicLayers: Spec[] = [
  {
    id: 'grids-fill',
    type: 'fill',
    source: SOURCE_IDS.grids,
    paint: { 'fill-color': '#d9d9d9', 'fill-opacity': 0.55 },
    metadata: meta('grids', 'fill-opacity', 0.55),
  },
  {
    id: 'buildings-fill',
    type: 'fill',
    source: SOURCE_IDS.buildings,
    paint: {
      'fill-color': [
        'case',
        ['boolean', ['feature-state', 'selected'], false],
        C.buildingSelected,
        C.building,
      ],
      'fill-opacity': 0.85,
    },
    metadata: meta('buildings', 'fill-opacity', 0.85),
  },
  {
    id: 'buildings-line',
    type: 'line',
    source: SOURCE_IDS.buildings,
    minzoom: 14,
    paint: { 'line-color': C.buildingLine, 'line-width': 0.6, 'line-opacity': 0.9 },
    metadata: meta('buildings', 'line-opacity', 0.9),
  },
  {
    id: 'grids-line',
    type: 'line',
    source: SOURCE_IDS.grids,
    paint: {
      'line-color': C.gridLine,
      'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.6, 17, 1.6],
      'line-opacity': 0.8,
    },
    metadata: meta('grids', 'line-opacity', 0.8),
  },
  {
    id: 'grids-hover',
    type: 'line',
    source: SOURCE_IDS.grids,
    paint: {
      'line-color': C.gridHover,
      'line-width': 2.5,
      'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0],
    },
    metadata: meta('grids', 'line-opacity', 1),
  },
  {
    id: 'grids-selected',
    type: 'line',
    source: SOURCE_IDS.grids,
    paint: {
      'line-color': C.gridSelected,
      'line-width': 4,
      'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
    },
    metadata: meta('grids', 'line-opacity', 1),
  },
  {
    id: 'communities-line',
    type: 'line',
    source: SOURCE_IDS.communities,
    paint: { 'line-color': C.community, 'line-width': 2.2, 'line-opacity': 0.9 },
    metadata: meta('communities', 'line-opacity', 0.9),
  },
  {
    id: 'street-line',
    type: 'line',
    source: SOURCE_IDS.street,
    paint: {
      'line-color': C.street,
      'line-width': 3.5,
      'line-dasharray': [3, 1.5],
      'line-opacity': 1,
    },
    metadata: meta('street', 'line-opacity', 1),
  },
  {
    id: 'work-orders-points',
    type: 'circle',
    source: SOURCE_IDS.workOrders,
    minzoom: 16.5,
    paint: {
      'circle-radius': 3.5,
      'circle-color': '#bd0026',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 0.8,
      'circle-opacity': 0.8,
      'circle-stroke-opacity': 0.8,
    },
    metadata: meta('workOrders', 'circle-opacity', 0.8),
  },
  {
    id: 'facilities-circle',
    type: 'circle',
    source: SOURCE_IDS.facilities,
    paint: {
      // Cameras are many and small; service facilities stand out.
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        13,
        ['match', ['get', 'type'], '监控探头', 1.2, 3],
        17,
        ['match', ['get', 'type'], '监控探头', 4, 7.5],
      ],
      'circle-color': facilityColor,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.2,
      'circle-opacity': 1,
      'circle-stroke-opacity': 1,
    },
    metadata: meta('facilities', 'circle-opacity', 1),
  },
];

const labelPaint = (color: string) => ({
  'text-color': color,
  'text-halo-color': C.halo,
  'text-halo-width': 1.5,
  'text-opacity': 1,
});

const labelLayers: Spec[] = [
  {
    id: 'basemap-water-label',
    type: 'symbol',
    source: SOURCE_IDS.basemap,
    filter: ['all', ['==', ['get', 'kind'], 'water'], ['has', 'name']],
    layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 12 },
    paint: labelPaint(C.waterLabel),
    metadata: meta('basemap', 'text-opacity', 1),
  },
  {
    id: 'basemap-green-label',
    type: 'symbol',
    source: SOURCE_IDS.basemap,
    minzoom: 14.5,
    filter: ['all', ['==', ['get', 'kind'], 'green'], ['has', 'name']],
    layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11 },
    paint: labelPaint(C.greenLabel),
    metadata: meta('basemap', 'text-opacity', 1),
  },
  {
    id: 'basemap-road-label',
    type: 'symbol',
    source: SOURCE_IDS.basemap,
    minzoom: 13.5,
    filter: [
      'all',
      ['==', ['get', 'kind'], 'road'],
      ['has', 'name'],
      ['!=', ['get', 'roadClass'], 'minor'],
    ],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': 11,
      'text-rotation-alignment': 'map',
      'symbol-spacing': 350,
    },
    paint: labelPaint(C.roadLabel),
    metadata: meta('basemap', 'text-opacity', 1),
  },
  {
    id: 'grids-label',
    type: 'symbol',
    source: LABEL_SOURCE_IDS.grids,
    minzoom: 14.5,
    layout: {
      'text-field': ['slice', ['get', 'id'], 12],
      'text-font': FONT,
      'text-size': 11,
      'text-allow-overlap': false,
    },
    paint: labelPaint(C.gridLabel),
    metadata: meta('grids', 'text-opacity', 1),
  },
  {
    id: 'facilities-label',
    type: 'symbol',
    source: SOURCE_IDS.facilities,
    minzoom: 16.5,
    filter: ['!=', ['get', 'type'], '监控探头'],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': 11,
      'text-offset': [0, 1.1],
      'text-anchor': 'top',
    },
    paint: labelPaint('#333333'),
    metadata: meta('facilities', 'text-opacity', 1),
  },
  {
    id: 'communities-label',
    type: 'symbol',
    source: LABEL_SOURCE_IDS.communities,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT_BOLD,
      'text-size': ['interpolate', ['linear'], ['zoom'], 13, 12, 16, 16],
      'text-allow-overlap': false,
    },
    paint: { ...labelPaint(C.communityLabel), 'text-halo-width': 2 },
    metadata: meta('communities', 'text-opacity', 1),
  },
];

/** Layers in drawing order; the heatmap is slotted in below `HEATMAP_BEFORE_LAYER`. */
export const LAYERS: readonly Spec[] = [...basemapLayers, ...thematicLayers, ...labelLayers];

/** Work-order heat sits above grid and building fills, below grid lines and every label. */
export const HEATMAP_BEFORE_LAYER = 'grids-line';

/** Layers a click or hover can pick, topmost first. */
export const INTERACTIVE_LAYERS = [
  'facilities-circle',
  'work-orders-points',
  'buildings-fill',
  'grids-fill',
] as const;

/** The coverage layers each go right above one layer of the groups. */
const COVERAGE_AFTER: Record<string, readonly LayerSpecification[]> = {
  'grids-fill': SERVICE_AREA_LAYERS,
  'buildings-line': UNCOVERED_LAYERS,
  'street-line': PROBLEM_LAYERS,
};

/** Every source the style creates (components may add more, such as the edit source). */
export const STYLE_SOURCE_IDS: readonly string[] = [
  ...Object.values(SOURCE_IDS),
  ...Object.values(COVERAGE_SOURCE_IDS),
  ...Object.values(LABEL_SOURCE_IDS),
];

/** The complete style, with empty sources that the map fills once data is loaded. */
export function buildStyle(): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const id of STYLE_SOURCE_IDS)
    sources[id] = { type: 'geojson', data: emptyCollection(), promoteId: 'id' };
  return {
    version: 8,
    name: 'GridAtlas offline',
    sources,
    layers: [
      {
        id: 'background',
        type: 'background',
        paint: { 'background-color': C.background },
      },
      ...LAYERS.flatMap((layer) => [layer, ...(COVERAGE_AFTER[layer.id] ?? [])]),
    ],
  };
}
