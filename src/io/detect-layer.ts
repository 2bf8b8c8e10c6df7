/**
 * Which layer a file holds: from its name first (grids.geojson, 网格.geojson, 2024工单.json …),
 * else from its features' geometry types and tell-tale properties. A file that is not a
 * FeatureCollection, that matches no layer, or whose content contradicts its name gets one clear
 * whole-file problem instead.
 */
import type { Problem } from '../domain/problems.ts';
import { FACILITY_TYPES, BASEMAP_KINDS, type LayerKind } from '../domain/types.ts';
import { kindOf, makeProblem } from './messages.ts';
import { LAYER_GEOMETRY_TYPES } from './validate-geometry.ts';
import { GRID_TYPE_ALIASES } from './validate-properties.ts';
import { isPlainObject } from './validate-structure.ts';

/**
 * Name keywords, most specific layer first: 社区网格 is a grid file, 街道底图 a basemap,
 * grids-unknown-community a grid file.
 */
const NAME_KEYWORDS: readonly [LayerKind, readonly string[], readonly string[]][] = [
  [
    'workOrders',
    ['workorders', 'workorder', 'issues', 'issue', 'complaints'],
    ['工单', '诉求', '接诉即办'],
  ],
  ['basemap', ['basemap'], ['底图']],
  ['facilities', ['facilities', 'facility'], ['设施']],
  ['buildings', ['buildings', 'building'], ['楼栋', '建筑', '楼宇']],
  ['grids', ['grids', 'grid'], ['网格']],
  ['communities', ['communities', 'community'], ['社区']],
  ['street', ['streets', 'street', 'subdistrict'], ['街道', '街乡']],
];

/**
 * The layer a file name points to, or null.
 * @example
 * layerFromFileName('data/work-orders-2024.geojson'); // 'workOrders'
 * layerFromFileName('丰台社区网格.json'); // 'grids'
 * layerFromFileName('export.geojson'); // null
 */
export function layerFromFileName(name: string): LayerKind | null {
  const base = (name.split(/[/\\]/).pop() ?? name)
    .replace(/\.(geo)?json$/i, '')
    .toLowerCase()
    .replace(/work[\s_-]*orders?/g, 'workorders');
  const words = new Set(base.split(/[^a-z0-9]+/).filter(Boolean));
  for (const [layer, english, chinese] of NAME_KEYWORDS) {
    if (english.some((w) => words.has(w)) || chinese.some((w) => base.includes(w))) return layer;
  }
  return null;
}

type LayerScores = Record<LayerKind, number>;

/** How many features of a sample fit each layer, by geometry and by its distinctive properties. */
function contentScores(features: readonly unknown[]): {
  scores: LayerScores;
  withGeometry: number;
} {
  const scores: LayerScores = {
    street: 0,
    communities: 0,
    grids: 0,
    buildings: 0,
    facilities: 0,
    workOrders: 0,
    basemap: 0,
  };
  let withGeometry = 0;
  const step = Math.max(1, Math.floor(features.length / 200));
  for (let i = 0; i < features.length; i += step) {
    const f = features[i];
    if (!isPlainObject(f) || !isPlainObject(f.geometry) || typeof f.geometry.type !== 'string')
      continue;
    withGeometry++;
    const type = f.geometry.type;
    const p = isPlainObject(f.properties) ? f.properties : {};
    const id = typeof p.id === 'string' ? p.id : '';
    const signs: Record<LayerKind, boolean> = {
      street: 'district' in p || /^\d{9}$/.test(id),
      communities: 'streetId' in p || /^\d{12}$/.test(id),
      grids:
        'workers' in p ||
        'leader' in p ||
        /^\d{15}$/.test(id) ||
        (typeof p.type === 'string' && p.type.trim().toLowerCase() in GRID_TYPE_ALIASES),
      buildings: ['households', 'floors', 'units', 'residents', 'difficultHouseholds'].some(
        (k) => k in p,
      ),
      facilities:
        'serviceRadiusM' in p ||
        (typeof p.type === 'string' && (FACILITY_TYPES as readonly string[]).includes(p.type)),
      workOrders: ['category1', 'createdAt', 'source', 'status', 'satisfaction'].some(
        (k) => k in p,
      ),
      basemap:
        'roadClass' in p ||
        (typeof p.kind === 'string' && (BASEMAP_KINDS as readonly string[]).includes(p.kind)),
    };
    for (const layer of Object.keys(scores) as LayerKind[]) {
      const geometryFits = (LAYER_GEOMETRY_TYPES[layer] as readonly string[]).includes(type);
      if (geometryFits && signs[layer]) scores[layer]++;
    }
  }
  return { scores, withGeometry };
}

/** The layer with the clearly highest score, if it fits at least half of the sampled features. */
function bestLayer({ scores, withGeometry }: ReturnType<typeof contentScores>): LayerKind | null {
  const ranked = (Object.entries(scores) as [LayerKind, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === 0 || first[1] * 2 < withGeometry) return null;
  if (second && second[1] === first[1]) return null;
  return first[0];
}

/**
 * The layer the features look like, from a sample of up to ~200 of them, or null.
 * @example
 * layerFromContent([{ type: 'Feature', geometry: { type: 'Point', coordinates: [116.32, 39.84] },
 *   properties: { id: 'GD2024', category1: '城市管理', createdAt: '2024-03-01T08:00:00+08:00' } }]);
 * // 'workOrders'
 */
export function layerFromContent(features: readonly unknown[]): LayerKind | null {
  return bestLayer(contentScores(features));
}

export type DetectResult =
  { layer: LayerKind; features: readonly unknown[] } | { layer: null; problem: Problem };

/**
 * Decides the layer of a parsed file. The name wins when the content does not contradict it: a
 * contradiction is a file where no feature has a geometry type the named layer accepts, or whose
 * features clearly belong to another layer and show none of the named layer's properties.
 * @example
 * detectLayer('grids.geojson', { type: 'FeatureCollection', features: [] }); // { layer: 'grids', features: [] }
 * detectLayer('x.geojson', { type: 'Feature' }); // { layer: null, problem: not-feature-collection }
 */
export function detectLayer(name: string, json: unknown): DetectResult {
  const where = { file: name, featureIndex: null, featureId: null };
  if (!isPlainObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    let found = kindOf(json);
    if (isPlainObject(json) && json.type === 'FeatureCollection')
      found = 'collection-without-features';
    else if (found === 'object') found = 'object-without-features';
    return {
      layer: null,
      problem: makeProblem(where, 'not-feature-collection', 'error', null, { found }),
    };
  }
  const features = json.features as unknown[];
  const named = layerFromFileName(name);
  const content = contentScores(features);
  if (named === null) {
    const guessed = bestLayer(content);
    if (guessed === null) {
      return { layer: null, problem: makeProblem(where, 'unknown-layer', 'error', null) };
    }
    return { layer: guessed, features };
  }
  const allowed = LAYER_GEOMETRY_TYPES[named] as readonly string[];
  const fitting = features.some(
    (f) =>
      isPlainObject(f) && isPlainObject(f.geometry) && allowed.includes(String(f.geometry.type)),
  );
  const anyGeometry = features.some((f) => isPlainObject(f) && isPlainObject(f.geometry));
  const guessed = bestLayer(content);
  const contradicts =
    (anyGeometry && !fitting) ||
    (guessed !== null && guessed !== named && content.scores[named] === 0);
  if (contradicts) {
    const params = { layer: named, allowed, guess: guessed && guessed !== named ? guessed : null };
    return {
      layer: null,
      problem: makeProblem(where, 'layer-content-mismatch', 'error', null, params),
    };
  }
  return { layer: named, features };
}
