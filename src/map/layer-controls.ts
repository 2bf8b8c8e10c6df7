/** Shows, hides and fades a group of map layers, using the group and base opacity each layer declares. */
import type { Map as MapLibreMap } from 'maplibre-gl';

type PaintName = Parameters<MapLibreMap['setPaintProperty']>[1];
import { LAYERS, type LayerGroup } from './style.ts';

export interface GroupDisplay {
  visible: boolean;
  /** 0–1, multiplied with each layer's base opacity. */
  opacity: number;
}

/** Applies one group's visibility and opacity to every MapLibre layer in it. */
export function applyGroupDisplay(
  map: MapLibreMap,
  group: LayerGroup,
  display: GroupDisplay,
): void {
  for (const layer of LAYERS) {
    if (layer.metadata.group !== group) continue;
    map.setLayoutProperty(layer.id, 'visibility', display.visible ? 'visible' : 'none');
    const { opacityProperty, baseOpacity } = layer.metadata;
    const current = (layer.paint as Record<string, unknown> | undefined)?.[opacityProperty];
    // Opacity expressions (hover, selection) keep their logic; plain numbers are scaled.
    if (typeof current === 'number')
      map.setPaintProperty(layer.id, opacityProperty as PaintName, baseOpacity * display.opacity);
    if (layer.type === 'circle')
      map.setPaintProperty(layer.id, 'circle-stroke-opacity', baseOpacity * display.opacity);
  }
}
