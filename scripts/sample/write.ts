/** Writes layers as diff-friendly GeoJSON: fixed key order, one feature per line, final newline. */
import type { Geometry } from 'geojson';

/** A feature ready to write: its id (also properties.id), geometry and properties in key order. */
export interface OutFeature {
  id: string;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

/**
 * A FeatureCollection as text, with the foreign members `name`, `synthetic: true` and `seed`
 * marking it as generated sample data.
 * @example
 * featureCollectionText('street', 1, []); // '{"type":"FeatureCollection","name":"street",…,"features":[\n]}\n'
 */
export function featureCollectionText(
  name: string,
  seed: number,
  features: readonly OutFeature[],
): string {
  const head = `{"type":"FeatureCollection","name":${JSON.stringify(name)},"synthetic":true,"seed":${seed},"features":[`;
  const lines = features.map(
    (f) =>
      `{"type":"Feature","id":${JSON.stringify(f.id)},"geometry":${JSON.stringify(f.geometry)},` +
      `"properties":${JSON.stringify(f.properties)}}`,
  );
  return `${head}\n${lines.join(',\n')}\n]}\n`;
}
