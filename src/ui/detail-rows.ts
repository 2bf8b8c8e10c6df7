/**
 * The rows of the details panel for a clicked grid, building, facility or work order, in the
 * current language with locale-formatted numbers and dates.
 */
import { isOverdue } from '../analysis/complaints/overdue.ts';
import type { Feature } from 'geojson';
import type { GridWorkload } from '../analysis/coverage/report.ts';
import { displayGridCode } from '../domain/codes.ts';
import type { GridSettings } from '../domain/settings.ts';
import type {
  BuildingProperties,
  FacilityProperties,
  GridProperties,
  WorkOrderProperties,
} from '../domain/types.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import type { MessageKey } from '../i18n/zh.ts';
import type { Selection } from '../map/selection.ts';
import { householdsOffBand } from './grid-table.ts';

export interface DetailRow {
  label: string;
  value: string;
  /** Marks a value that breaks a norm. */
  alert?: boolean;
}

interface Lookups {
  communityName: (id: string) => string;
  workload: (id: string) => GridWorkload | null;
  settings: GridSettings;
}

const row = (
  key: MessageKey,
  value: string | number | null | undefined,
  alert = false,
): DetailRow => ({
  label: i18n.t(key),
  value:
    value === null || value === undefined || value === ''
      ? i18n.t('value.none')
      : typeof value === 'number'
        ? i18n.number(value, 1)
        : value,
  alert,
});

const yesNo = (value: boolean) => i18n.t(value ? 'value.yes' : 'value.no');
const area = (m2: number) =>
  m2 >= 100_000
    ? `${i18n.number(m2 / 1e6, 2)} ${i18n.t('unit.km2')}`
    : `${i18n.number(m2)} ${i18n.t('unit.m2')}`;

function gridRows(p: GridProperties, lookups: Lookups): DetailRow[] {
  const stats = lookups.workload(p.id);
  const band = lookups.settings.householdsBand;
  return [
    row('field.code', displayGridCode(p.id)),
    row('field.name', p.name),
    row('field.community', lookups.communityName(p.communityId)),
    row(
      'field.type',
      i18n.t(p.type === 'dedicated' ? 'gridType.dedicated' : 'gridType.comprehensive'),
    ),
    row('field.leader', p.leader),
    row('field.workers', p.workers),
    ...(stats
      ? [
          row(
            'field.households',
            i18n.t('value.withNote', {
              value: i18n.number(stats.households),
              note: i18n.t(`band.${stats.band}`),
            }),
            householdsOffBand(stats),
          ),
          row('field.residents', stats.residents, stats.residentsOver > 0),
          row('field.buildings', stats.buildings),
          row('field.householdsPerWorker', stats.householdsPerWorker),
          row('field.monthlyVisits', stats.monthlyVisits),
          row('field.area', area(stats.areaM2)),
          row('field.compactness', i18n.number(stats.compactness, 2)),
          row('field.workOrders', stats.workOrders),
          row('field.band', `${band.min}–${band.max}`),
        ]
      : []),
  ];
}

function buildingRows(p: BuildingProperties, lookups: Lookups): DetailRow[] {
  return [
    row('field.name', p.name),
    row('field.id', p.id),
    row('field.address', p.address),
    row('field.community', lookups.communityName(p.communityId)),
    row('field.floors', p.floors),
    row('field.units', p.units),
    row('field.households', p.households),
    row('field.residents', p.residents),
    row('field.yearBuilt', p.yearBuilt === undefined ? null : String(p.yearBuilt)),
    row('field.property', p.property && i18n.term('property', p.property)),
    row('field.difficultHouseholds', p.difficultHouseholds),
    row('field.specialHouseholds', p.specialHouseholds),
  ];
}

function facilityRows(p: FacilityProperties, settings: GridSettings): DetailRow[] {
  const radius = p.serviceRadiusM ?? settings.serviceRadiiM[p.type];
  return [
    row('field.name', p.name),
    row('field.type', i18n.term('facility', p.type)),
    row('field.id', p.id),
    row(
      'field.serviceRadius',
      radius === undefined ? null : `${i18n.number(radius)} ${i18n.t('unit.m')}`,
    ),
  ];
}

function workOrderRows(p: WorkOrderProperties): DetailRow[] {
  // Closed after its due time, or still open past it.
  const overdue = isOverdue(
    Date.parse(p.dueAt),
    p.closedAt ? Date.parse(p.closedAt) : null,
    Date.now(),
  );
  return [
    row('field.orderId', p.id),
    row('field.source', i18n.term('source', p.source)),
    row('field.category', [p.category1, p.category2, p.category3].filter(Boolean).join(' / ')),
    row('field.address', p.address),
    row('field.createdAt', i18n.dateTime(p.createdAt)),
    row('field.dueAt', i18n.dateTime(p.dueAt)),
    row('field.closedAt', p.closedAt ? i18n.dateTime(p.closedAt) : i18n.t('value.open'), overdue),
    row('field.status', i18n.term('status', p.status)),
    row('field.followedUp', yesNo(p.followedUp)),
    row('field.contacted', yesNo(p.contacted)),
    row('field.resolved', yesNo(p.resolved), !p.resolved),
    row(
      'field.satisfaction',
      p.satisfaction && i18n.term('satisfaction', p.satisfaction),
      p.satisfaction === '不满意',
    ),
    row('field.building', p.buildingId ?? null),
  ];
}

/** The title key and rows for the details panel. */
export function detailRows(selection: Selection, feature: Feature, lookups: Lookups): DetailRow[] {
  const properties = feature.properties as never;
  switch (selection.kind) {
    case 'grid':
      return gridRows(properties, lookups);
    case 'building':
      return buildingRows(properties, lookups);
    case 'facility':
      return facilityRows(properties, lookups.settings);
    case 'workOrder':
      return workOrderRows(properties);
  }
}
