/** Colours of the map and its legend, in one place so the legend always matches the layers. */
import type { FacilityType } from '../domain/types.ts';

export const BASE_COLORS = {
  background: '#f3f1ec',
  water: '#a9cfe4',
  waterLabel: '#3d6f8e',
  green: '#cfe5c3',
  greenLabel: '#4f7a43',
  roadPrimary: '#fbe3a0',
  roadSecondary: '#ffffff',
  roadMinor: '#ffffff',
  roadCasing: '#c9c3b6',
  roadLabel: '#6b6457',
  street: '#b03a2e',
  community: '#5b4a8b',
  communityLabel: '#3b2f63',
  gridLine: '#4a4a4a',
  gridLabel: '#2b2b2b',
  gridHover: '#1d6fd1',
  gridSelected: '#0b4fa8',
  building: '#8a8f9c',
  buildingLine: '#5d6270',
  buildingSelected: '#0b4fa8',
  halo: '#ffffff',
} as const;

export const FACILITY_COLORS: Record<FacilityType, string> = {
  垃圾收集点: '#2e7d32',
  社区服务站: '#c62828',
  养老驿站: '#ef6c00',
  卫生服务站: '#00838f',
  幼儿园: '#ad1457',
  监控探头: '#546e7a',
  议事厅: '#6a1b9a',
};

/** Facilities of a type the palette does not know. */
export const FACILITY_FALLBACK_COLOR = '#777777';

/** Coverage problems by kind: gaps red, overlaps purple, outside parts raspberry, slivers ochre. */
export const PROBLEM_COLORS = {
  gap: '#e03131',
  overlap: '#8e44ad',
  'outside-community': '#c2255c',
  sliver: '#d4a106',
} as const;

/** The outline of whatever a panel focused, over a wide light halo. */
export const FOCUS_COLOR = '#111827';
export const FOCUS_HALO = '#ffe066';

/** Buildings the chosen facility type leaves uncovered. */
export const UNCOVERED_COLOR = '#e8590c';

/** Heatmap ramp from few to many work orders (transparent start, warm end). */
export const HEATMAP_COLORS: [number, number, number][] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** The grid being edited, its vertex handles and the line or area being drawn. */
export const EDIT_COLORS = {
  feature: '#0b7285',
  vertex: '#ffffff',
  activeVertex: '#f08c00',
  sketch: '#e8590c',
} as const;

/** The comparison overlay: the other plan's differing grid boundaries, and moved buildings. */
export const COMPARE_COLORS = {
  other: '#212529',
  otherHalo: '#ffffff',
  moved: '#1c7ed6',
  movedLine: '#0b3d91',
} as const;
