/** The hand-drawn plan of the sample street: road mesh, blocks, compounds, communities, names. */
import type { RoadClass } from '../../src/domain/types.ts';

/** A straight road of the mesh: x = at + slope·y for north–south roads, y = at + slope·x for east–west. */
export interface MeshLine {
  name: string;
  roadClass: RoadClass;
  at: number;
  slope: number;
}

/** North–south roads, west to east (metres from the origin at y = 0). */
export const NS_ROADS: readonly MeshLine[] = [
  { name: '安澜路', roadClass: 'secondary', at: -1320, slope: 0.03 },
  { name: '新桥路', roadClass: 'secondary', at: -800, slope: -0.02 },
  { name: '槐园路', roadClass: 'secondary', at: -270, slope: 0.04 },
  { name: '丰泽大街', roadClass: 'primary', at: 260, slope: 0 },
  { name: '枣林路', roadClass: 'secondary', at: 790, slope: 0.08 },
  { name: '东岸路', roadClass: 'secondary', at: 1300, slope: 0.22 },
];

/** East–west roads, north to south (metres from the origin at x = 0). */
export const EW_ROADS: readonly MeshLine[] = [
  { name: '锦程大街', roadClass: 'primary', at: 1040, slope: -0.02 },
  { name: '嘉禾路', roadClass: 'secondary', at: 520, slope: 0.03 },
  { name: '榆汀路', roadClass: 'primary', at: 0, slope: 0 },
  { name: '南兴路', roadClass: 'secondary', at: -520, slope: -0.03 },
  { name: '滨河路', roadClass: 'secondary', at: -1030, slope: 0.09 },
];

/** What fills a compound (小区/院). */
export const COMPOUND_KINDS = {
  W: 'walkup',
  T: 'tower',
  B: 'bungalow',
  L: 'lowrise',
  O: 'office',
  F: 'warehouse',
  M: 'market',
  S: 'school',
  H: 'hospital',
  P: 'park',
  G: 'green',
} as const;
export type CompoundKind = (typeof COMPOUND_KINDS)[keyof typeof COMPOUND_KINDS];

/** Kinds where people live; a comprehensive grid holds at least one such compound. */
export const RESIDENTIAL_KINDS: readonly CompoundKind[] = [
  'walkup',
  'tower',
  'bungalow',
  'lowrise',
];
/** Kinds that make their grid a dedicated grid (专属网格). */
export const DEDICATED_KINDS: readonly CompoundKind[] = ['school', 'hospital', 'park'];

/**
 * A block between mesh roads, cut by lanes at `u` (west → east fractions) and `v` (north → south
 * fractions) into compounds. `cells` lists the compounds row by row from the north-west: a kind
 * letter, the grid label inside the community, then flags for the special building it holds:
 * c 社区服务站 + 议事厅, k 幼儿园, e 养老驿站, w 卫生服务站.
 */
export interface BlockPlan {
  col: number;
  row: number;
  community: string;
  u: readonly number[];
  v: readonly number[];
  cells: readonly string[];
}

/** Communities by key, in the order their blocks are listed. */
export const COMMUNITIES: Readonly<Record<string, { name: string }>> = {
  A: { name: '安澜里社区' },
  B: { name: '锦程北里社区' },
  C: { name: '丰泽园社区' },
  D: { name: '桃源里社区' },
  E: { name: '槐花社区' },
  F: { name: '榆汀园社区' },
  G: { name: '东安里社区' },
  H: { name: '嘉禾里社区' },
  I: { name: '枣林社区' },
  J: { name: '滨河里社区' },
};

const HALF = [0.5] as const;
const THIRDS = [0.34, 0.67] as const;

/** The 18 blocks of the street; the north-east and south-west corners of the mesh lie outside. */
export const BLOCKS: readonly BlockPlan[] = [
  {
    col: 0,
    row: 0,
    community: 'A',
    u: THIRDS,
    v: HALF,
    cells: ['W1', 'W2c', 'O2', 'W3', 'M3', 'W4e'],
  },
  {
    col: 1,
    row: 0,
    community: 'B',
    u: THIRDS,
    v: HALF,
    cells: ['W1', 'S2', 'W3c', 'W1', 'L4', 'L4k'],
  },
  {
    col: 2,
    row: 0,
    community: 'C',
    u: THIRDS,
    v: HALF,
    cells: ['T1k', 'T2c', 'O2', 'T3', 'G3', 'T3'],
  },
  { col: 3, row: 0, community: 'D', u: HALF, v: HALF, cells: ['O1', 'T1c', 'T2', 'T3'] },
  { col: 0, row: 1, community: 'E', u: HALF, v: HALF, cells: ['B1', 'B2', 'B3c', 'L4'] },
  { col: 1, row: 1, community: 'E', u: HALF, v: HALF, cells: ['B5', 'B5', 'W6e', 'O6'] },
  { col: 2, row: 1, community: 'F', u: [], v: [], cells: ['P1'] },
  { col: 3, row: 1, community: 'D', u: HALF, v: HALF, cells: ['W4', 'W5', 'W4', 'M5w'] },
  { col: 4, row: 1, community: 'G', u: HALF, v: HALF, cells: ['H1', 'W2c', 'H1', 'W3e'] },
  { col: 0, row: 2, community: 'H', u: HALF, v: HALF, cells: ['W1', 'W2', 'W3c', 'W4k'] },
  { col: 1, row: 2, community: 'H', u: HALF, v: HALF, cells: ['W5e', 'O5', 'F5', 'F5'] },
  { col: 2, row: 2, community: 'F', u: HALF, v: HALF, cells: ['T2c', 'T3k', 'T4', 'O4'] },
  { col: 3, row: 2, community: 'I', u: HALF, v: HALF, cells: ['T1c', 'S2', 'T3', 'O3'] },
  { col: 4, row: 2, community: 'G', u: HALF, v: HALF, cells: ['F4', 'W4', 'L5w', 'F5'] },
  { col: 1, row: 3, community: 'J', u: HALF, v: HALF, cells: ['W1c', 'W2e', 'F1', 'W2'] },
  { col: 2, row: 3, community: 'J', u: HALF, v: HALF, cells: ['L3', 'M3', 'W4w', 'G4'] },
  { col: 3, row: 3, community: 'I', u: HALF, v: HALF, cells: ['L4', 'M4', 'W5', 'G5'] },
  { col: 4, row: 3, community: 'I', u: HALF, v: [], cells: ['F6', 'W6k'] },
];

/** Names of the institutions and businesses that fill non-residential compounds, by community. */
export const INSTITUTIONS: Readonly<Record<string, string>> = {
  'B/school': '锦程小学',
  'I/school': '枣林中学',
  'G/hospital': '榆汀医院',
  'F/park': '榆汀公园',
  'A/office': '安澜商务楼',
  'C/office': '丰泽大厦',
  'D/office': '桃源科技园',
  'E/office': '新桥文创园',
  'F/office': '榆汀写字楼',
  'H/office': '嘉禾大厦',
  'I/office': '枣林酒店',
  'A/market': '安澜农贸市场',
  'D/market': '桃源商场',
  'I/market': '枣林综合市场',
  'J/market': '滨河建材市场',
  'G/warehouse': '东安物流园',
  'H/warehouse': '嘉禾机械厂',
  'I/warehouse': '枣林仓储',
  'J/warehouse': '滨河汽修厂',
  'C/green': '丰泽街心公园',
  'I/green': '南兴绿地',
  'J/green': '滨河游园',
};

/** The river along the south edge and the lake in the park (fictional names). */
export const WATER_NAMES = { river: '榆汀河', lake: '榆汀湖' } as const;

/** Hutong names for the lanes of the bungalow (平房) area; each is used once. */
export const HUTONG_NAMES: readonly string[] = [
  '槐花胡同',
  '井儿胡同',
  '枣树胡同',
  '柳条胡同',
  '豆芽胡同',
  '福寿胡同',
  '喜鹊胡同',
  '石板胡同',
  '麻线胡同',
  '灯笼胡同',
  '葫芦胡同',
  '银杏胡同',
  '笔管胡同',
  '瓦盆胡同',
  '藤萝胡同',
  '水井胡同',
  '秫秸胡同',
  '羊尾胡同',
  '鞭子胡同',
  '草帽胡同',
  '铃铛胡同',
  '榆钱胡同',
  '蝈蝈胡同',
  '风筝胡同',
  '荷包胡同',
  '算盘胡同',
  '铜锣胡同',
  '竹篮胡同',
  '木梳胡同',
  '窗花胡同',
  '石碾胡同',
  '磨盘胡同',
  '簸箕胡同',
  '扁担胡同',
  '油坊胡同',
  '酱坊胡同',
  '染坊胡同',
  '粉坊胡同',
  '蜡烛胡同',
  '鸽哨胡同',
  '苇席胡同',
  '线板胡同',
  '瓦片胡同',
  '纸马胡同',
];
