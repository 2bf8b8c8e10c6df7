/**
 * The district the editing tools are measured on (issue: about 300 grids and 10,000 buildings),
 * generated from the benchmark's seed and written as the GeoJSON layer files a planner would
 * open, so the Node benchmark and the browser probe edit the same street data.
 */
import type { FeatureCollection } from 'geojson';
import { generateBench, type BenchData } from './generate.ts';
import type { BenchScale } from './scales.ts';

export const EDITING_SCALE: BenchScale = {
  name: 'district',
  districts: ['110106'],
  streets: 4,
  communities: 40,
  grids: 300,
  buildings: 10_000,
  facilities: 400,
  runs: 1,
  edits: 9,
  baselineStreets: null,
};

const collection = (features: readonly unknown[]): FeatureCollection =>
  ({ type: 'FeatureCollection', features }) as FeatureCollection;

/**
 * The editing district's layers as files: communities, grids, buildings and facilities.
 * @example
 * const files = editingDistrictFiles(); // [{ name: 'communities.geojson', text: '{…}' }, …]
 */
export function editingDistrictFiles(
  data: BenchData = generateBench(EDITING_SCALE),
): { name: string; text: string }[] {
  const { communities, grids, buildings, facilities } = data.input;
  // The label fields a real street carries, so loading raises no warnings about them.
  const named = <T extends { properties: object }>(
    features: readonly T[],
    extra: (i: number) => object,
  ) => features.map((f, i) => ({ ...f, properties: { ...f.properties, ...extra(i) } }));
  return [
    {
      name: 'communities.geojson',
      text: JSON.stringify(collection(named(communities, (i) => ({ name: `测试${i + 1}社区` })))),
    },
    {
      name: 'grids.geojson',
      text: JSON.stringify(
        collection(named(grids, (i) => ({ name: `第${i + 1}网格`, leader: `网格长${i + 1}` }))),
      ),
    },
    {
      name: 'buildings.geojson',
      text: JSON.stringify(
        collection(
          named(buildings, (i) => ({
            name: `${i + 1}号楼`,
            address: `测试路${i + 1}号`,
            yearBuilt: 1990 + (i % 30),
            property: '物业',
          })),
        ),
      ),
    },
    {
      name: 'facilities.geojson',
      text: JSON.stringify(collection(named(facilities, (i) => ({ name: `设施${i + 1}` })))),
    },
  ];
}
