/** What the user pointed at or clicked on the map: a feature of one of the pickable layers. */
export type SelectionKind = 'grid' | 'building' | 'facility' | 'workOrder';

export interface Selection {
  kind: SelectionKind;
  id: string;
}

/** Maps a picked MapLibre layer to the kind of feature it shows. */
export const KIND_OF_LAYER: Record<string, SelectionKind> = {
  'grids-fill': 'grid',
  'buildings-fill': 'building',
  'facilities-circle': 'facility',
  'work-orders-points': 'workOrder',
};

/** The source holding each kind, for feature-state highlights. */
export const SOURCE_OF_KIND: Record<SelectionKind, string> = {
  grid: 'grids',
  building: 'buildings',
  facility: 'facilities',
  workOrder: 'work-orders',
};
