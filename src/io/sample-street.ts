/**
 * The bundled sample street (示例数据): its files ship with the app as assets and are loaded
 * through the same path as the user's own files.
 */
import basemap from '../../data/basemap.geojson?url';
import buildings from '../../data/buildings.geojson?url';
import communities from '../../data/communities.geojson?url';
import facilities from '../../data/facilities.geojson?url';
import grids from '../../data/grids.geojson?url';
import street from '../../data/street.geojson?url';
import workOrders from '../../data/work-orders.geojson?url';

/** File names and their URLs relative to the page. */
export const SAMPLE_FILES: readonly { name: string; url: string }[] = [
  { name: 'street.geojson', url: street },
  { name: 'communities.geojson', url: communities },
  { name: 'grids.geojson', url: grids },
  { name: 'buildings.geojson', url: buildings },
  { name: 'facilities.geojson', url: facilities },
  { name: 'work-orders.geojson', url: workOrders },
  { name: 'basemap.geojson', url: basemap },
];
