/**
 * Domain types for GridAtlas: the territory (street → community → grid → building), facilities
 * and work orders (诉求工单). Every layer is a GeoJSON FeatureCollection in WGS-84 with string ids;
 * properties not listed here are kept untouched (index signature), so load → edit → export loses
 * nothing.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';

/** Properties a feature may carry beyond the known ones; kept through load and export. */
type Extra = Record<string, unknown>;

// Label fields (names, addresses, leader, year built …) are optional: a file without them loads
// with a warning, while the fields the figures depend on are required.

export interface StreetProperties extends Extra {
  /** 9-digit code: 6-digit district (GB/T 2260) + 3-digit street. */
  id: string;
  name?: string;
  /** District name, e.g. 丰台区. */
  district?: string;
}

export interface CommunityProperties extends Extra {
  /** 12-digit code: street code + 3-digit community. */
  id: string;
  name?: string;
  streetId: string;
}

export const GRID_TYPES = ['comprehensive', 'dedicated'] as const;
/** 综合网格 (comprehensive) or 专属网格 (a school, hospital, park or institution's own grid). */
export type GridType = (typeof GRID_TYPES)[number];

export interface GridProperties extends Extra {
  /** 15-digit grid code (DB11/T 2157-2023). */
  id: string;
  name?: string;
  communityId: string;
  type: GridType;
  /** 网格员 count. */
  workers: number;
  /** 网格长. */
  leader?: string;
}

export const PROPERTY_MANAGEMENT = ['物业', '准物业', '产权单位自管', '无物业'] as const;
export type PropertyManagement = (typeof PROPERTY_MANAGEMENT)[number];

export interface BuildingProperties extends Extra {
  id: string;
  /** e.g. 18号院2号楼 */
  name?: string;
  address?: string;
  communityId: string;
  floors: number;
  units: number;
  households: number;
  residents: number;
  yearBuilt?: number;
  property?: PropertyManagement;
  /** Households in difficulty (低保, 残疾): visited at least quarterly. */
  difficultHouseholds: number;
  /** Special-hardship households (独居/孤寡老人 …): visited 1–2 times a month. */
  specialHouseholds: number;
}

export const FACILITY_TYPES = [
  '垃圾收集点',
  '社区服务站',
  '养老驿站',
  '卫生服务站',
  '幼儿园',
  '监控探头',
  '议事厅',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export interface FacilityProperties extends Extra {
  id: string;
  type: FacilityType;
  name?: string;
  /** Overrides the norm for the facility's type when present. */
  serviceRadiusM?: number;
}

export const WORK_ORDER_SOURCES = ['12345热线', '网格巡查', '视频AI', '居民群'] as const;
export type WorkOrderSource = (typeof WORK_ORDER_SOURCES)[number];

/** The life cycle of an order: 受理 → 派单 → 办理 → 反馈 → 回访 → 办结. */
export const WORK_ORDER_STATUSES = ['受理', '派单', '办理', '反馈', '回访', '办结'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const SATISFACTION_LEVELS = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

export interface WorkOrderProperties extends Extra {
  /** 工单号 */
  id: string;
  source: WorkOrderSource;
  category1: string;
  category2: string;
  category3?: string;
  /** ISO 8601 with offset (+08:00). */
  createdAt: string;
  dueAt: string;
  closedAt: string | null;
  status: WorkOrderStatus;
  /** Whether a valid follow-up visit (回访) was made: the 三率 count only these orders. */
  followedUp: boolean;
  contacted: boolean;
  resolved: boolean;
  satisfaction: Satisfaction | null;
  address?: string;
  buildingId?: string;
}

export const BASEMAP_KINDS = ['road', 'water', 'green'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];

export const ROAD_CLASSES = ['primary', 'secondary', 'minor'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

export interface BasemapProperties extends Extra {
  id: string;
  kind: BasemapKind;
  name?: string;
  /** Roads only. */
  roadClass?: RoadClass;
}

export type StreetFeature = Feature<Polygon, StreetProperties>;
export type CommunityFeature = Feature<Polygon | MultiPolygon, CommunityProperties>;
export type GridFeature = Feature<Polygon | MultiPolygon, GridProperties>;
export type BuildingFeature = Feature<Polygon, BuildingProperties>;
export type FacilityFeature = Feature<Point, FacilityProperties>;
export type WorkOrderFeature = Feature<Point, WorkOrderProperties>;
export type BasemapFeature = Feature<LineString | Polygon, BasemapProperties>;

/** The layers of a street data set, one file each. */
export const LAYER_KINDS = [
  'street',
  'communities',
  'grids',
  'buildings',
  'facilities',
  'workOrders',
  'basemap',
] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export interface LayerFeatureMap {
  street: StreetFeature;
  communities: CommunityFeature;
  grids: GridFeature;
  buildings: BuildingFeature;
  facilities: FacilityFeature;
  workOrders: WorkOrderFeature;
  basemap: BasemapFeature;
}

/** A complete (or partial) street data set: each layer a FeatureCollection. */
export type StreetDataset = {
  [K in LayerKind]: FeatureCollection<
    LayerFeatureMap[K]['geometry'],
    LayerFeatureMap[K]['properties']
  >;
};
