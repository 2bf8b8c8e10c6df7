/**
 * The number of comprehensive grids a suggested plan gives a community: today's count when the
 * band allows it, the nearest count that does otherwise, and a reason (with the count that keeps
 * every grid within the upper limits) when no count can meet the norms.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { gridCount, type CommunityLoad } from '../../src/analysis/suggest/grid-count.ts';

const load = (overrides: Partial<CommunityLoad>): CommunityLoad => ({
  households: 1548,
  residents: 3900,
  largestBuildingHouseholds: 96,
  currentGrids: 4,
  ...overrides,
});

describe('gridCount', () => {
  it('keeps today’s count when it lies between ⌈H/500⌉ and ⌊H/300⌋', () => {
    // 1,548 households: from 4 grids (387 each) to 5 (310 each).
    expect(gridCount(load({ currentGrids: 4 }), DEFAULT_SETTINGS)).toEqual({
      feasible: true,
      grids: 4,
      range: { min: 4, max: 5 },
    });
    expect(gridCount(load({ currentGrids: 5 }), DEFAULT_SETTINGS)).toMatchObject({ grids: 5 });
  });

  it('adds or removes as few grids as the band needs', () => {
    // The sample street's 964-household grid alone in its community: 2 grids, not 1.
    expect(gridCount(load({ households: 964, currentGrids: 1 }), DEFAULT_SETTINGS)).toEqual({
      feasible: true,
      grids: 2,
      range: { min: 2, max: 3 },
    });
    expect(gridCount(load({ currentGrids: 9 }), DEFAULT_SETTINGS)).toMatchObject({ grids: 5 });
  });

  it('counts the resident limit as well as the band', () => {
    // 1,548 households could live in 4 grids, but 11,000 residents need 5 (2,500 each at most).
    expect(gridCount(load({ residents: 11_000, currentGrids: 4 }), DEFAULT_SETTINGS)).toEqual({
      feasible: true,
      grids: 5,
      range: { min: 5, max: 5 },
    });
  });

  it('says why when no count meets the norms, with the count that keeps the upper limits', () => {
    expect(gridCount(load({ households: 250, residents: 700 }), DEFAULT_SETTINGS)).toEqual({
      feasible: false,
      grids: 1,
      problem: { code: 'too-few-households', params: { households: 250, min: 300 } },
    });
    expect(
      gridCount(load({ largestBuildingHouseholds: 520, currentGrids: 2 }), DEFAULT_SETTINGS),
    ).toEqual({
      feasible: false,
      grids: 4,
      problem: { code: 'building-above-band', params: { households: 520, max: 500 } },
    });
    // 1,000 households allow at most 3 grids; 8,000 residents need 4.
    expect(
      gridCount(load({ households: 1000, residents: 8000, currentGrids: 3 }), DEFAULT_SETTINGS),
    ).toEqual({
      feasible: false,
      grids: 4,
      problem: {
        code: 'residents-need-more-grids',
        params: { residents: 8000, grids: 4, most: 3 },
      },
    });
  });

  it('follows a street’s own band', () => {
    const settings = { ...DEFAULT_SETTINGS, householdsBand: { min: 200, max: 400 } };
    expect(gridCount(load({ currentGrids: 3 }), settings)).toEqual({
      feasible: true,
      grids: 4,
      range: { min: 4, max: 7 },
    });
  });
});
