/** Grids (网格) and communities (社区): codes (numbered by src/editing/numbering.ts) and properties. */
import { area, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { formatGridCode } from '../../src/domain/codes.ts';
import type { CommunityProperties, GridProperties } from '../../src/domain/types.ts';
import { numberGrids } from '../../src/editing/numbering.ts';
import type { Building } from './buildings.ts';
import type { Compound } from './layout.ts';
import { personNames } from './names.ts';
import { COMMUNITIES, DEDICATED_KINDS, INSTITUTIONS } from './plan.ts';
import type { Random } from './random.ts';
import { lonLatRing, type Territory } from './territory.ts';

/** A community with its code and outline. */
export interface CommunityRecord {
  key: string;
  properties: CommunityProperties;
  ring: Position[];
}

/** A grid with its plan label, outline and properties. */
export interface GridRecord {
  label: string;
  community: string;
  properties: GridProperties;
  ring: Position[];
  households: number;
}

/**
 * Communities with 12-digit codes in plan order, and their grids numbered and described.
 * @example
 * const { grids } = describeGrids(territory, compounds, buildings, '110106090', rng);
 * grids[0].properties.id; // '110106090001001'
 */
export function describeGrids(
  territory: Territory,
  compounds: readonly Compound[],
  buildings: readonly Building[],
  streetId: string,
  rng: Random,
): { communities: CommunityRecord[]; grids: GridRecord[] } {
  const leaders = personNames(rng);
  const communities: CommunityRecord[] = [];
  const grids: GridRecord[] = [];
  const households = new Map<string, number>();
  for (const b of buildings) {
    if (b.grid) households.set(b.grid, (households.get(b.grid) ?? 0) + b.spec.households);
  }
  Object.keys(COMMUNITIES).forEach((key, i) => {
    const id = `${streetId}${String(i + 1).padStart(3, '0')}`;
    const name = COMMUNITIES[key]?.name ?? key;
    const ring = lonLatRing(territory.registry, territory.communities.get(key) ?? []);
    communities.push({ key, properties: { id, name, streetId }, ring });

    const labels = [...territory.grids.keys()].filter((g) => g.startsWith(key));
    const rings = labels.map((label) => ({
      key: label,
      ring: lonLatRing(territory.registry, territory.grids.get(label) ?? []),
    }));
    const numbers = numberGrids(
      rings.map((r) => ({ key: r.key, geometry: { type: 'Polygon', coordinates: [r.ring] } })),
    );
    const ordered = [...rings].sort(
      (a, b) => (numbers.get(a.key) ?? 0) - (numbers.get(b.key) ?? 0),
    );
    for (const { key: label, ring: gridRing } of ordered) {
      const seq = numbers.get(label) ?? 0;
      const kinds = compounds.filter((c) => c.grid === label).map((c) => c.kind);
      const dedicated = kinds.every((k) => DEDICATED_KINDS.includes(k));
      const hh = households.get(label) ?? 0;
      const areaM2 = area(polygon([gridRing]));
      const base = hh < 380 ? 1 : hh < 470 ? 2 : 3;
      const institution = dedicated ? (INSTITUTIONS[`${key}/${kinds[0]}`] ?? '') : '';
      grids.push({
        label,
        community: key,
        households: hh,
        ring: gridRing,
        properties: {
          id: formatGridCode(id, seq),
          name: dedicated ? `${name}第${seq}网格（${institution}专属网格）` : `${name}第${seq}网格`,
          communityId: id,
          type: dedicated ? 'dedicated' : 'comprehensive',
          workers: dedicated ? 1 : Math.min(3, base + (areaM2 > 200_000 ? 1 : 0)),
          leader: leaders(),
        },
      });
    }
  });
  return { communities, grids };
}
