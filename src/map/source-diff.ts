/**
 * The change from one FeatureCollection to the next as a MapLibre `GeoJSONSourceDiff`, so a grid
 * edit sends the map the few grids it touched instead of the whole layer. Features are matched by
 * their `id` property (the sources use `promoteId: 'id'`) and compared by reference: the map data
 * keeps the object of every feature that did not change, so no geometry is ever compared.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';

export interface FeatureDiffOptions {
  /** Above this share of changed features a full `setData` is cheaper: no diff is returned. */
  maxChangedShare?: number;
}

const idOf = (feature: Feature): string | null => {
  const id = feature.properties?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
};

/** Features by id, or null when a feature has no id or two share one (no diff is possible). */
function byId(features: readonly Feature[]): Map<string, Feature> | null {
  const out = new Map<string, Feature>();
  for (const feature of features) {
    const id = idOf(feature);
    if (id === null || out.has(id)) return null;
    out.set(id, feature);
  }
  return out;
}

/**
 * The diff that turns `before` into `after`: ids to remove and features to add or replace; null
 * when the collections cannot be diffed by id or when so much changed that `setData` is better.
 * An empty diff (nothing to remove or add) means the collections hold the same feature objects.
 * @example
 * const diff = featureDiff(previous, next);
 * if (diff) await source.updateData(diff); else await source.setData(next);
 */
export function featureDiff(
  before: FeatureCollection,
  after: FeatureCollection,
  options: FeatureDiffOptions = {},
): Required<Pick<GeoJSONSourceDiff, 'remove' | 'add'>> | null {
  const { maxChangedShare = 0.5 } = options;
  const old = byId(before.features);
  const next = byId(after.features);
  if (!old || !next) return null;
  const remove = [...old.keys()].filter((id) => !next.has(id));
  const add = [...next].filter(([id, feature]) => old.get(id) !== feature).map(([, f]) => f);
  const changed = remove.length + add.length;
  if (changed > maxChangedShare * Math.max(after.features.length, 1)) return null;
  return { remove, add };
}
