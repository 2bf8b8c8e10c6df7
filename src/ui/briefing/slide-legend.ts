/**
 * The legends of what the map shows, in words, for the side panel, the presentation and the
 * exported pages alike: the grid colouring's classes (with the exempt and no-data swatches), the
 * order hexagons' classes, the heatmap's ramp. Read from the app's state, so after a slide's view
 * is put back they are that slide's legends.
 */
import type { LegendSection } from '../../briefing/sheet-layout.ts';
import { hexagonClasses } from '../../map/hexagon-scale.ts';
import {
  EXEMPT_COLOR,
  hasExemptClass,
  NO_DATA_COLOR,
  type ColorClass,
} from '../../map/metric-scale.ts';
import { HEATMAP_COLORS } from '../../map/palette.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { app } from '../app-state.svelte.ts';
import { complaintMap } from '../complaint-map.svelte.ts';

type Row = LegendSection['rows'][number];

const RATES: readonly string[] = ['responseRate', 'resolutionRate', 'satisfactionRate'];
const digits = (value: number) =>
  Number.isInteger(value) ? 0 : Math.abs(value) < 1 ? 2 : Math.abs(value) < 10 ? 1 : 0;

/** `[r, g, b]` as `#rrggbb`. */
const hexColor = (c: readonly number[]) =>
  `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The range a colour class of the grid colouring stands for ("120 – 180", "≥ 300"). */
function classLabel(c: ColorClass, metric: string): string {
  const value = (v: number) =>
    RATES.includes(metric) ? i18n.percent(v) : i18n.number(v, digits(v));
  if (c.exactly !== undefined) return i18n.t('legend.exactly', { value: c.exactly });
  if (c.from === null && c.to !== null) return `< ${value(c.to)}`;
  if (c.to === null && c.from !== null) return `≥ ${value(c.from)}`;
  return `${value(c.from ?? 0)} – ${value(c.to ?? 0)}`;
}

/** The grid colouring's rows: its classes, then the exempt and no-data swatches. */
export function metricLegendRows(): Row[] {
  const metric = app.metric;
  return [
    ...app.classes.map((c) => ({ color: c.color, label: classLabel(c, metric) })),
    ...(hasExemptClass(metric) ? [{ color: EXEMPT_COLOR, label: i18n.t('legend.exempt') }] : []),
    { color: NO_DATA_COLOR, label: i18n.t('legend.noData') },
  ];
}

/** The order hexagons' classes drawn now ("1–3", …), or none when no hexagons are drawn. */
export function hexagonLegendRows(): Row[] {
  const drawn = complaintMap.drawn;
  if (drawn?.mode !== 'hexagons' || !drawn.hexagons) return [];
  return hexagonClasses(drawn.hexagonTop ?? drawn.hexagons.max).map((c) => ({
    color: hexColor(c.color),
    label: c.from === c.to ? i18n.number(c.from) : `${i18n.number(c.from)}–${i18n.number(c.to)}`,
  }));
}

/** The legends of the view on screen, for a slide of `tab`. */
export function slideLegend(tab: string): LegendSection[] {
  const sections: LegendSection[] = [];
  const { groups } = app.view;
  if (groups.grids.visible)
    sections.push({ title: i18n.t(`metric.${app.metric}`), rows: metricLegendRows() });
  const hexagons = tab === 'complaints' ? hexagonLegendRows() : [];
  if (hexagons.length > 0)
    sections.push({
      title: i18n.t('legend.hexagons', { metres: complaintMap.drawn?.hexagons?.radiusM ?? 0 }),
      rows: hexagons,
    });
  else if (groups.workOrders.visible)
    sections.push({
      title: i18n.t('layers.workOrders'),
      rows: [
        { color: hexColor(HEATMAP_COLORS[0]!), label: i18n.t('legend.fewer') },
        { color: hexColor(HEATMAP_COLORS.at(-1)!), label: i18n.t('legend.more') },
      ],
    });
  return sections;
}
