/**
 * The three benchmark scales: how much territory each generates and how it is measured (runs,
 * edits, and how many streets the naive Turf baseline is run on when the whole would take too long).
 */

export interface BenchScale {
  name: ScaleName;
  /** District codes (GB/T 2260) the streets are spread over. */
  districts: readonly string[];
  streets: number;
  communities: number;
  grids: number;
  /** Buildings in all, including those cut by a grid boundary and those in no grid. */
  buildings: number;
  facilities: number;
  /** Full-report runs; the median is reported. */
  runs: number;
  /** Different edits timed for each incremental figure; the median is reported. */
  edits: number;
  /** Streets the naive baseline runs on; null runs it on everything. */
  baselineStreets: number | null;
}

export const SCALE_NAMES = ['street', 'district', 'beijing'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

/** Beijing's sixteen district codes, in GB/T 2260 order. */
const BEIJING_DISTRICTS = [
  '110101',
  '110102',
  '110105',
  '110106',
  '110107',
  '110108',
  '110109',
  '110111',
  '110112',
  '110113',
  '110114',
  '110115',
  '110116',
  '110117',
  '110118',
  '110119',
] as const;

export const SCALES: Readonly<Record<ScaleName, BenchScale>> = {
  street: {
    name: 'street',
    districts: ['110106'],
    streets: 1,
    communities: 3,
    grids: 40,
    buildings: 1_000,
    facilities: 300,
    runs: 5,
    edits: 9,
    baselineStreets: null,
  },
  district: {
    name: 'district',
    districts: ['110106'],
    streets: 25,
    communities: 160,
    grids: 2_000,
    buildings: 50_000,
    facilities: 8_000,
    runs: 5,
    edits: 9,
    baselineStreets: 2,
  },
  beijing: {
    name: 'beijing',
    districts: BEIJING_DISTRICTS,
    streets: 330,
    communities: 2_400,
    grids: 30_000,
    buildings: 500_000,
    facilities: 40_000,
    runs: 3,
    edits: 7,
    baselineStreets: 2,
  },
};

/**
 * The scale called `name`, or an error listing the known ones.
 * @example
 * scaleByName('street').grids; // 40
 */
export function scaleByName(name: string): BenchScale {
  const scale = (SCALES as Record<string, BenchScale | undefined>)[name];
  if (!scale) throw new RangeError(`unknown scale ${name}; use one of ${SCALE_NAMES.join(', ')}`);
  return scale;
}
