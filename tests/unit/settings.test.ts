// The norms a plan is judged by: defaults, a street's overrides, and the visiting rule.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, makeSettings, monthlyVisits } from '../../src/domain/settings.ts';

describe('makeSettings', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(makeSettings()).toEqual(DEFAULT_SETTINGS);
    expect(makeSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('merges a nested override and keeps the sibling defaults', () => {
    const s = makeSettings({ householdsBand: { max: 600 } });
    expect(s.householdsBand).toEqual({ min: 300, max: 600 });
    expect(s.maxResidents).toBe(2500);
  });

  it('replaces top-level numbers', () => {
    const s = makeSettings({ maxResidents: 3000, assessmentMonthStartDay: 1 });
    expect(s.maxResidents).toBe(3000);
    expect(s.assessmentMonthStartDay).toBe(1);
    expect(s.sliverAreaM2).toBe(DEFAULT_SETTINGS.sliverAreaM2);
  });

  it('overrides one facility radius and keeps the others', () => {
    const s = makeSettings({ serviceRadiiM: { 垃圾收集点: 100 } });
    expect(s.serviceRadiiM.垃圾收集点).toBe(100);
    expect(s.serviceRadiiM.卫生服务站).toBe(500);
  });

  it('does not modify the defaults', () => {
    const before = JSON.stringify(DEFAULT_SETTINGS);
    const s = makeSettings({ householdsBand: { min: 200 }, rateWeights: { response: 0.2 } });
    s.visitRule.regularEveryMonths = 12;
    expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(before);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('has default 三率 weights that sum to 1', () => {
    const { response, resolution, satisfaction } = DEFAULT_SETTINGS.rateWeights;
    expect(response + resolution + satisfaction).toBeCloseTo(1, 12);
  });
});

describe('monthlyVisits', () => {
  it('follows households/6 + difficult/3 + special×1.5 by default', () => {
    expect(monthlyVisits({ households: 420, difficult: 12, special: 6 })).toBe(83);
    expect(monthlyVisits({ households: 6, difficult: 0, special: 0 })).toBe(1);
    expect(monthlyVisits({ households: 0, difficult: 3, special: 0 })).toBe(1);
    expect(monthlyVisits({ households: 0, difficult: 0, special: 2 })).toBe(3);
  });

  it('is zero for an empty grid', () => {
    expect(monthlyVisits({ households: 0, difficult: 0, special: 0 })).toBe(0);
  });

  it('keeps fractions (a visit plan is an average)', () => {
    expect(monthlyVisits({ households: 100, difficult: 1, special: 1 })).toBeCloseTo(
      100 / 6 + 1 / 3 + 1.5,
      12,
    );
  });

  it('uses a street’s own visiting rule', () => {
    const s = makeSettings({ visitRule: { regularEveryMonths: 3, specialPerMonth: 2 } });
    expect(monthlyVisits({ households: 300, difficult: 9, special: 4 }, s)).toBe(100 + 3 + 8);
  });
});
