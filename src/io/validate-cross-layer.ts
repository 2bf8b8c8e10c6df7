/**
 * Checks that join the layers: a grid's code starts with its community's code, a community's code
 * with its street's; grids and buildings name a community that exists, communities the street
 * that was loaded, work orders a building that exists. A reference is only checked when its layer
 * was loaded; it is looked up among all features of that file, set aside or not, so that one bad
 * community does not also set aside every grid inside it.
 */
import type { Problem } from '../domain/problems.ts';
import type { LayerKind } from '../domain/types.ts';
import { makeProblem, type ProblemWhere } from './messages.ts';

/** One feature as the cross-layer checks see it. */
export interface CrossLayerFeature {
  where: ProblemWhere;
  /** Null when the feature has no properties object. */
  properties: Readonly<Record<string, unknown>> | null;
}

/** The features of one loaded file. */
export interface CrossLayerFile<T extends CrossLayerFeature = CrossLayerFeature> {
  file: string;
  features: readonly T[];
}

/**
 * All cross-layer problems, each with the feature it belongs to, in layer then feature order.
 * @example
 * validateCrossLayer({ communities: { file: 'communities.geojson', features: [...] },
 *   grids: { file: 'grids.geojson', features: [...] } });
 * // [{ feature: <grid 3>, problem: { code: 'unknown-community', … } }]
 */
export function validateCrossLayer<T extends CrossLayerFeature>(
  layers: Partial<Record<LayerKind, CrossLayerFile<T>>>,
): { feature: T; problem: Problem }[] {
  const found: { feature: T; problem: Problem }[] = [];
  const push = (feature: T, problem: Problem) => found.push({ feature, problem });

  const streetIds = idsOf(layers.street);
  const communityIds = idsOf(layers.communities);
  // Only work orders refer to buildings: a street without them needs no set of building ids.
  const buildingIds = layers.workOrders ? idsOf(layers.buildings) : null;

  for (const feature of layers.communities?.features ?? []) {
    const p = feature.properties;
    if (!p) continue;
    const { id, streetId } = p;
    if (isDigits(id, 12) && isDigits(streetId, 9) && id.slice(0, 9) !== streetId) {
      push(
        feature,
        makeProblem(feature.where, 'community-code-street-mismatch', 'error', 'properties.id', {
          id,
          prefix: id.slice(0, 9),
          streetId,
        }),
      );
    }
    if (layers.street && streetIds && typeof streetId === 'string' && !streetIds.has(streetId)) {
      push(
        feature,
        makeProblem(feature.where, 'unknown-street', 'error', 'properties.streetId', {
          value: streetId,
          refFile: layers.street.file,
          known: [...streetIds].join('、'),
        }),
      );
    }
  }

  for (const feature of layers.grids?.features ?? []) {
    const p = feature.properties;
    if (!p) continue;
    const { id, communityId } = p;
    if (isDigits(id, 15) && isDigits(communityId, 12) && id.slice(0, 12) !== communityId) {
      push(
        feature,
        makeProblem(feature.where, 'grid-code-community-mismatch', 'error', 'properties.id', {
          id,
          prefix: id.slice(0, 12),
          communityId,
        }),
      );
    }
    checkCommunity(feature, layers.communities?.file, communityIds, push);
  }

  for (const feature of layers.buildings?.features ?? []) {
    checkCommunity(feature, layers.communities?.file, communityIds, push);
  }

  if (layers.buildings && buildingIds) {
    for (const feature of layers.workOrders?.features ?? []) {
      const buildingId = feature.properties?.buildingId;
      if (typeof buildingId === 'string' && buildingId !== '' && !buildingIds.has(buildingId)) {
        push(
          feature,
          makeProblem(feature.where, 'unknown-building', 'warning', 'properties.buildingId', {
            value: buildingId,
            refFile: layers.buildings.file,
          }),
        );
      }
    }
  }
  return found;
}

function checkCommunity<T extends CrossLayerFeature>(
  feature: T,
  refFile: string | undefined,
  communityIds: Set<string> | null,
  push: (feature: T, problem: Problem) => void,
): void {
  const communityId = feature.properties?.communityId;
  if (refFile === undefined || !communityIds || typeof communityId !== 'string') return;
  if (communityId === '' || communityIds.has(communityId)) return;
  push(
    feature,
    makeProblem(feature.where, 'unknown-community', 'error', 'properties.communityId', {
      value: communityId,
      refFile,
    }),
  );
}

function idsOf(file: CrossLayerFile | undefined): Set<string> | null {
  if (!file) return null;
  const ids = new Set<string>();
  for (const f of file.features) {
    const id = f.properties?.id;
    if (typeof id === 'string' && id !== '') ids.add(id);
  }
  return ids;
}

function isDigits(value: unknown, count: number): value is string {
  return typeof value === 'string' && value.length === count && /^\d+$/.test(value);
}
