/**
 * The bundled sample street (示例数据): its files are shipped with the app as assets and loaded
 * through the same path as the user's own files.
 */
import basemap from '../../data/basemap.geojson?url';
import buildings from '../../data/buildings.geojson?url';
import communities from '../../data/communities.geojson?url';
import facilities from '../../data/facilities.geojson?url';
import grids from '../../data/grids.geojson?url';
import street from '../../data/street.geojson?url';
import workOrders from '../../data/work-orders.geojson?url';
import type { InputFile } from './load-files.ts';

const SAMPLE_FILES: Record<string, string> = {
  'street.geojson': street,
  'communities.geojson': communities,
  'grids.geojson': grids,
  'buildings.geojson': buildings,
  'facilities.geojson': facilities,
  'work-orders.geojson': workOrders,
  'basemap.geojson': basemap,
};

/** Fetches the sample street's files from the app's own origin. */
export async function fetchSampleStreet(): Promise<InputFile[]> {
  return Promise.all(
    Object.entries(SAMPLE_FILES).map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return { name, text: await response.text() };
    }),
  );
}
