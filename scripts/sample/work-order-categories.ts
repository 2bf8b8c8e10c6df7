/**
 * 12345 work-order categories (一/二/三级分类): share, seasonality, place, source. Their time limits
 * are the app's rule (src/analysis/complaints/time-limits.ts).
 */
import type { PropertyManagement, WorkOrderSource } from '../../src/domain/types.ts';
import type { BuildingType } from './building-types.ts';

/** A third-level category. */
export interface Category3 {
  name: string;
  weight: number;
  /** Reported on a road rather than at a building. */
  road?: boolean;
  /** Only at buildings of these types / with this management. */
  types?: readonly BuildingType[];
  properties?: readonly PropertyManagement[];
}

/** A second-level category with its first level and its third-level breakdown. */
export interface CategorySpec {
  category1: string;
  category2: string;
  items: readonly Category3[];
  /** Share of all orders. */
  share: number;
  /** Relative volume by calendar month, January first. */
  season: readonly number[];
  /** Weight per household by building type (non-residential types weigh as `nonResidential`). */
  byType: Partial<Record<BuildingType, number>>;
  /** Households-equivalent weight of a non-residential building, for categories that occur there. */
  nonResidential?: number;
  /** Source weights in WORK_ORDER_SOURCES order: 12345热线, 网格巡查, 视频AI, 居民群. */
  sources: readonly [number, number, number, number];
  /** Probability an order of this category is resolved (before management adjustments). */
  resolved: number;
}

/** Orders per household relative to managed (物业) buildings; old unmanaged compounds call most. */
export const PROPERTY_FACTOR: Record<PropertyManagement, number> = {
  物业: 1,
  准物业: 1.4,
  产权单位自管: 1.8,
  无物业: 2.6,
};

/** Change in the probability of resolution by management. */
export const PROPERTY_RESOLUTION: Record<PropertyManagement, number> = {
  物业: 0.04,
  准物业: 0.02,
  产权单位自管: 0,
  无物业: -0.05,
};

/** Source index for the `sources` weights. */
export const SOURCES: readonly WorkOrderSource[] = ['12345热线', '网格巡查', '视频AI', '居民群'];

const OLD = { walkup: 1.3, lowrise: 1.2, bungalow: 1.3, tower: 0.7 } as const;

/** The categories; shares sum to 1. */
export const CATEGORIES: readonly CategorySpec[] = [
  {
    category1: '城乡建设',
    category2: '供暖',
    items: [
      { name: '室温不达标', weight: 0.45 },
      { name: '暖气不热', weight: 0.3 },
      { name: '暖气漏水', weight: 0.15 },
      { name: '供暖费争议', weight: 0.1 },
    ],
    share: 0.16,
    season: [1.6, 1.1, 0.7, 0.05, 0.02, 0.02, 0.02, 0.02, 0.03, 0.3, 3.0, 2.2],
    byType: { walkup: 1.3, lowrise: 1.2, bungalow: 1.4, tower: 0.7 },
    sources: [0.9, 0.02, 0, 0.08],
    resolved: 0.86,
  },
  {
    category1: '城乡建设',
    category2: '房屋修缮',
    items: [
      { name: '屋顶漏雨', weight: 0.5 },
      { name: '外墙渗水', weight: 0.3 },
      { name: '楼道破损', weight: 0.2, types: ['walkup', 'lowrise', 'tower'] },
    ],
    share: 0.07,
    season: [0.3, 0.3, 0.4, 0.5, 0.7, 1.6, 3.0, 2.5, 0.9, 0.5, 0.4, 0.3],
    byType: { walkup: 1.5, lowrise: 1.3, bungalow: 1.8, tower: 0.5 },
    sources: [0.8, 0.1, 0, 0.1],
    resolved: 0.78,
  },
  {
    category1: '城乡建设',
    category2: '排水',
    items: [
      { name: '道路积水', weight: 0.45, road: true },
      { name: '下水道堵塞', weight: 0.4 },
      { name: '化粪池外溢', weight: 0.15 },
    ],
    share: 0.04,
    season: [0.1, 0.1, 0.2, 0.3, 0.6, 1.3, 3.5, 2.6, 0.6, 0.2, 0.1, 0.1],
    byType: OLD,
    sources: [0.72, 0.18, 0.05, 0.05],
    resolved: 0.9,
  },
  {
    category1: '城乡建设',
    category2: '供水',
    items: [
      { name: '停水', weight: 0.4 },
      { name: '水压低', weight: 0.35 },
      { name: '水质浑浊', weight: 0.25 },
    ],
    share: 0.05,
    season: [0.8, 0.8, 0.8, 0.9, 1.0, 1.4, 1.5, 1.4, 1.0, 0.9, 0.8, 0.8],
    byType: { walkup: 1.2, lowrise: 1.1, bungalow: 1.3, tower: 0.9 },
    sources: [0.88, 0.04, 0, 0.08],
    resolved: 0.92,
  },
  {
    category1: '交通管理',
    category2: '停车管理',
    items: [
      { name: '占道停车', weight: 0.45, road: true },
      { name: '小区停车难', weight: 0.3 },
      { name: '僵尸车', weight: 0.15, road: true },
      { name: '电动车乱停', weight: 0.1, road: true },
    ],
    share: 0.12,
    season: [1.1, 1.0, 1.0, 1.0, 1.0, 0.95, 0.9, 0.9, 1.0, 1.05, 1.05, 1.1],
    byType: { walkup: 1.1, lowrise: 1.0, bungalow: 0.8, tower: 1.4 },
    nonResidential: 40,
    sources: [0.62, 0.13, 0.2, 0.05],
    resolved: 0.75,
  },
  {
    category1: '社区管理',
    category2: '楼道堆物',
    items: [
      { name: '楼道堆放杂物', weight: 0.55 },
      { name: '电动车楼道充电', weight: 0.3 },
      { name: '消防通道堵塞', weight: 0.15 },
    ],
    share: 0.09,
    season: [0.9, 0.8, 1.0, 1.3, 1.1, 1.0, 0.9, 0.9, 1.0, 1.0, 1.2, 1.0],
    byType: { walkup: 1.6, lowrise: 1.3, bungalow: 0.6, tower: 0.8 },
    sources: [0.5, 0.36, 0.05, 0.09],
    resolved: 0.9,
  },
  {
    category1: '城市管理',
    category2: '违法建设',
    items: [
      { name: '私搭乱建', weight: 0.5 },
      { name: '违建加层', weight: 0.15 },
      { name: '占用绿地', weight: 0.2 },
      { name: '开墙打洞', weight: 0.15, types: ['walkup', 'lowrise', 'tower'] },
    ],
    share: 0.06,
    season: [0.6, 0.6, 1.1, 1.4, 1.4, 1.2, 1.0, 1.0, 1.0, 0.9, 0.8, 0.6],
    byType: { walkup: 1.0, lowrise: 1.2, bungalow: 2.5, tower: 0.5 },
    sources: [0.5, 0.42, 0.04, 0.04],
    resolved: 0.7,
  },
  {
    category1: '环境保护',
    category2: '噪声扰民',
    items: [
      { name: '施工噪声', weight: 0.35 },
      { name: '商业噪声', weight: 0.25, road: true },
      { name: '广场舞噪声', weight: 0.2 },
      { name: '邻里噪声', weight: 0.2 },
    ],
    share: 0.09,
    season: [0.7, 0.7, 0.9, 1.0, 1.3, 1.5, 1.6, 1.5, 1.1, 0.9, 0.7, 0.7],
    byType: { walkup: 1.0, lowrise: 1.0, bungalow: 1.0, tower: 1.1 },
    nonResidential: 60,
    sources: [0.85, 0.05, 0, 0.1],
    resolved: 0.82,
  },
  {
    category1: '住房',
    category2: '物业服务',
    items: [
      {
        name: '物业不作为',
        weight: 0.35,
        properties: ['物业', '准物业', '产权单位自管'],
      },
      { name: '电梯故障', weight: 0.2, types: ['tower'] },
      { name: '物业收费争议', weight: 0.2, properties: ['物业', '准物业'] },
      { name: '无人管理', weight: 0.25, properties: ['无物业'] },
    ],
    share: 0.1,
    season: [1.0, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1],
    byType: { walkup: 1.0, lowrise: 1.0, bungalow: 0.6, tower: 1.3 },
    sources: [0.82, 0.06, 0, 0.12],
    resolved: 0.78,
  },
  {
    category1: '环境保护',
    category2: '垃圾清运',
    items: [
      { name: '垃圾满溢', weight: 0.45 },
      { name: '垃圾分类不规范', weight: 0.3 },
      { name: '大件垃圾', weight: 0.25 },
    ],
    share: 0.08,
    season: [0.8, 0.8, 0.9, 1.0, 1.1, 1.3, 1.4, 1.4, 1.1, 1.0, 0.9, 0.8],
    byType: { walkup: 1.2, lowrise: 1.1, bungalow: 1.4, tower: 0.8 },
    nonResidential: 50,
    sources: [0.55, 0.2, 0.18, 0.07],
    resolved: 0.93,
  },
  {
    category1: '城市管理',
    category2: '园林绿化',
    items: [
      { name: '树木修剪', weight: 0.4, road: true },
      { name: '杨柳飞絮', weight: 0.25, road: true },
      { name: '绿地养护', weight: 0.35 },
    ],
    share: 0.04,
    season: [0.3, 0.3, 0.7, 2.0, 2.0, 1.2, 1.2, 1.0, 0.8, 0.7, 0.5, 0.3],
    byType: OLD,
    sources: [0.75, 0.17, 0.02, 0.06],
    resolved: 0.88,
  },
  {
    category1: '城市管理',
    category2: '市政设施',
    items: [
      { name: '路灯不亮', weight: 0.5, road: true },
      { name: '井盖缺失', weight: 0.2, road: true },
      { name: '道路破损', weight: 0.3, road: true },
    ],
    share: 0.05,
    season: [1.3, 1.2, 1.0, 0.9, 0.8, 0.8, 0.9, 0.9, 0.9, 1.0, 1.2, 1.3],
    byType: OLD,
    sources: [0.7, 0.2, 0.05, 0.05],
    resolved: 0.9,
  },
  {
    category1: '社区管理',
    category2: '宠物管理',
    items: [
      { name: '遛狗不拴绳', weight: 0.45 },
      { name: '犬只扰民', weight: 0.35 },
      { name: '宠物粪便', weight: 0.2 },
    ],
    share: 0.03,
    season: [0.7, 0.7, 0.9, 1.2, 1.3, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7],
    byType: { walkup: 1.0, lowrise: 1.0, bungalow: 0.8, tower: 1.2 },
    sources: [0.8, 0.08, 0.02, 0.1],
    resolved: 0.8,
  },
  {
    category1: '城乡建设',
    category2: '燃气',
    items: [
      { name: '燃气异味', weight: 0.5 },
      { name: '燃气表故障', weight: 0.5 },
    ],
    share: 0.01,
    season: [1.5, 1.3, 1.0, 0.8, 0.7, 0.6, 0.6, 0.6, 0.7, 1.0, 1.3, 1.5],
    byType: OLD,
    sources: [0.92, 0.04, 0, 0.04],
    resolved: 0.95,
  },
  {
    category1: '民政服务',
    category2: '养老服务',
    items: [
      { name: '助餐服务', weight: 0.5 },
      { name: '居家养老', weight: 0.5 },
    ],
    share: 0.01,
    season: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    byType: { walkup: 1.3, lowrise: 1.2, bungalow: 1.4, tower: 0.6 },
    sources: [0.8, 0.1, 0, 0.1],
    resolved: 0.9,
  },
];
