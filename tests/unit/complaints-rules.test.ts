// The complaint rules against hand-computed cases: assessment months (the 18th/19th boundary in
// Beijing time), the three rates and the composite score, overdue, time limits by category,
// repeat complaints, the columnar order table and the aggregation by grid, community and street.
import { describe, expect, it } from 'vitest';
import { aggregateComplaints } from '../../src/analysis/complaints/aggregate.ts';
import {
  assessmentMonthOf,
  assessmentPeriod,
  lastCompleteMonth,
  shiftMonth,
} from '../../src/analysis/complaints/assessment-period.ts';
import {
  OrderTableBuilder,
  orderRecord,
  type OrderRecord,
} from '../../src/analysis/complaints/order-table.ts';
import { dueTime, isOverdue } from '../../src/analysis/complaints/overdue.ts';
import { threeRates } from '../../src/analysis/complaints/rates.ts';
import { repeatComplaints } from '../../src/analysis/complaints/repeat-complaints.ts';
import { limitClassOf, limitMs } from '../../src/analysis/complaints/time-limits.ts';
import { DEFAULT_SETTINGS, makeSettings } from '../../src/domain/settings.ts';
import { at, DAY, HOUR, order } from './support/orders.ts';

function tableOf(records: OrderRecord[], capacity = 2) {
  const builder = new OrderTableBuilder(capacity);
  for (const r of records) builder.add(r);
  return builder.build();
}

describe('assessment months', () => {
  it('run from the 19th of the previous month to the 18th, Beijing time', () => {
    expect(assessmentPeriod('2026-10', DEFAULT_SETTINGS)).toEqual({
      start: at('2026-09-19T00:00:00+08:00'),
      end: at('2026-10-19T00:00:00+08:00'),
    });
    expect(assessmentPeriod('2026-01', DEFAULT_SETTINGS)).toEqual({
      start: at('2025-12-19T00:00:00+08:00'),
      end: at('2026-01-19T00:00:00+08:00'),
    });
  });

  it('put the last second of the 18th in the month and midnight of the 19th in the next', () => {
    expect(assessmentMonthOf(at('2026-10-18T23:59:59+08:00'), DEFAULT_SETTINGS)).toBe('2026-10');
    // 16:00 UTC on the 18th is already the 19th in Beijing.
    expect(assessmentMonthOf(at('2026-10-18T16:00:00Z'), DEFAULT_SETTINGS)).toBe('2026-11');
    expect(assessmentMonthOf(at('2026-10-18T15:59:59Z'), DEFAULT_SETTINGS)).toBe('2026-10');
    expect(assessmentMonthOf(at('2026-12-25T10:00:00+08:00'), DEFAULT_SETTINGS)).toBe('2027-01');
  });

  it('step across years and find the last complete month', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 14)).toBe('2028-01');
    expect(lastCompleteMonth(at('2026-10-31T12:00:00+08:00'), DEFAULT_SETTINGS)).toBe('2026-10');
    expect(lastCompleteMonth(at('2026-10-18T12:00:00+08:00'), DEFAULT_SETTINGS)).toBe('2026-09');
  });
});

describe('the three rates', () => {
  it('count only visited orders, with 基本满意 at 0.9', () => {
    const rates = threeRates(
      { orders: 12, visits: 10, contacted: 10, resolved: 8, satisfied: 7, basicallySatisfied: 2 },
      DEFAULT_SETTINGS,
    );
    expect(rates.responseRate).toBe(1);
    expect(rates.resolutionRate).toBe(0.8);
    expect(rates.satisfactionRate).toBeCloseTo(0.88, 12);
    // 100 × (0.1 × 1 + 0.5 × 0.8 + 0.4 × 0.88)
    expect(rates.compositeScore).toBeCloseTo(85.2, 10);
  });

  it('are absent without a visit, and follow configured weights', () => {
    const none = {
      orders: 5,
      visits: 0,
      contacted: 0,
      resolved: 0,
      satisfied: 0,
      basicallySatisfied: 0,
    };
    expect(threeRates(none, DEFAULT_SETTINGS)).toEqual({
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      compositeScore: null,
    });
    const settings = makeSettings({
      rateWeights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 },
      basicSatisfiedWeight: 0.5,
    });
    const rates = threeRates(
      { orders: 4, visits: 4, contacted: 2, resolved: 2, satisfied: 1, basicallySatisfied: 2 },
      settings,
    );
    expect(rates.satisfactionRate).toBe(0.5);
    expect(rates.compositeScore).toBeCloseTo(100 * (0.2 * 0.5 + 0.4 * 0.5 + 0.4 * 0.5), 10);
  });
});

describe('time limits and overdue', () => {
  it('take the class from the category, then keywords, else general', () => {
    expect(limitClassOf('供暖', '暖气不热')).toBe('utility');
    expect(limitClassOf('供暖', '供暖费争议')).toBe('general');
    expect(limitClassOf('排水', '道路积水')).toBe('urgent');
    expect(limitClassOf('违法建设', '私搭乱建')).toBe('complex');
    expect(limitClassOf('城市供热', '小区暖气不热')).toBe('utility');
    expect(limitClassOf('电梯运行', '电梯困人')).toBe('urgent');
    expect(limitClassOf('文体活动', '场地预约')).toBe('general');
    expect(limitMs('urgent', DEFAULT_SETTINGS)).toBe(2 * HOUR);
    expect(limitMs('complex', DEFAULT_SETTINGS)).toBe(15 * DAY);
  });

  it('flags late closing, and open orders past due at the end of the period', () => {
    const due = at('2026-10-02T09:00:00+08:00');
    expect(isOverdue(due, due + 1, due + DAY)).toBe(true);
    expect(isOverdue(due, due, due + DAY)).toBe(false);
    expect(isOverdue(due, null, due + 1)).toBe(true);
    expect(isOverdue(due, NaN, due - 1)).toBe(false);
    const created = at('2026-10-01T09:00:00+08:00');
    expect(dueTime(created, null, '供暖', '暖气不热', DEFAULT_SETTINGS)).toBe(created + DAY);
    expect(dueTime(created, due + 5, '供暖', '暖气不热', DEFAULT_SETTINGS)).toBe(due + 5);
  });
});

describe('repeat complaints', () => {
  it('need three orders of one category 2 at one building within 30 days', () => {
    const t0 = at('2026-09-01T08:00:00+08:00');
    const table = tableOf([
      order({ id: 'a1', building: 4, createdAt: t0 }),
      order({ id: 'a2', building: 4, createdAt: t0 + 10 * DAY }),
      order({ id: 'a3', building: 4, createdAt: t0 + 29 * DAY }),
      // Same building, another category: does not add up with the heating orders.
      order({ id: 'b1', building: 4, category2: '供水', createdAt: t0 + 2 * DAY }),
      // Three at building 7, but spread over 30 days and more.
      order({ id: 'c1', building: 7, createdAt: t0 }),
      order({ id: 'c2', building: 7, createdAt: t0 + 15 * DAY }),
      order({ id: 'c3', building: 7, createdAt: t0 + 30 * DAY }),
      order({ id: 'd1', building: -1, createdAt: t0 }),
    ]);
    const found = repeatComplaints(table, DEFAULT_SETTINGS);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ building: 4, peak: 3, orders: [0, 1, 2] });
    expect(table.dictionaries.category2[found[0]!.category2]).toBe('供暖');
    const loose = makeSettings({ repeatComplaint: { minOrders: 3, windowDays: 31 } });
    expect(repeatComplaints(table, loose).map((r) => r.building)).toEqual([4, 7]);
  });
});

describe('the order table', () => {
  it('grows past its capacity and gives every order back as it came', () => {
    const records = Array.from({ length: 9 }, (_, i) =>
      order({
        id: `GD${i}`,
        category3: i % 3 === 0 ? null : `三级${i % 2}`,
        closedAt: i % 4 === 0 ? null : at('2026-10-01T15:00:00+08:00'),
        status: i % 4 === 0 ? '办理' : '办结',
        satisfaction: i % 2 ? '基本满意' : null,
        followedUp: i % 2 === 1,
        lng: i === 5 ? null : 116.3 + i / 1000,
        lat: i === 5 ? null : 39.8,
        address: i === 6 ? null : `地址${i}`,
        building: i - 1,
      }),
    );
    const table = tableOf(records, 2);
    expect(table.size).toBe(9);
    expect(table.createdAt.length).toBe(9);
    records.forEach((r, i) => expect(orderRecord(table, i)).toEqual(r));
    expect(table.dictionaries.category3).toEqual(['三级1', '三级0']);
  });
});

describe('aggregation', () => {
  it('counts a period by grid, community and street, with rates, overdue and close times', () => {
    const period = assessmentPeriod('2026-10', DEFAULT_SETTINGS);
    const inMonth = at('2026-10-10T09:00:00+08:00');
    const records = [
      // Grid 0: closed in 5 h, satisfied; closed in 30 h, late (due 24 h), basically satisfied.
      order({ createdAt: inMonth, dueAt: inMonth + DAY, closedAt: inMonth + 5 * HOUR }),
      order({
        createdAt: inMonth,
        dueAt: inMonth + DAY,
        closedAt: inMonth + 30 * HOUR,
        satisfaction: '基本满意',
        resolved: false,
      }),
      // Grid 1: open and past due at the period's end; no visit.
      order({
        createdAt: inMonth,
        dueAt: inMonth + DAY,
        closedAt: null,
        status: '办理',
        followedUp: false,
        satisfaction: null,
      }),
      // No grid.
      order({ createdAt: inMonth, closedAt: inMonth + HOUR }),
      // Outside the month: created on the 19th, Beijing time.
      order({ createdAt: at('2026-10-19T00:00:00+08:00') }),
    ];
    const table = tableOf(records);
    const orderGrid = Int32Array.from([0, 0, 1, -1, 0]);
    const grids = [
      { id: '110106012003001', communityId: '110106012003', households: 400 },
      { id: '110106012003002', communityId: '110106012003', households: 100 },
    ];
    const result = aggregateComplaints(table, orderGrid, grids, period, DEFAULT_SETTINGS);
    expect(result.outsideGrids).toBe(1);
    expect(result.street).toMatchObject({ orders: 4, visits: 3, overdue: 2, closed: 3 });
    const [g0, g1] = result.grids;
    expect(g0).toMatchObject({ orders: 2, visits: 2, resolved: 1, overdue: 1, closed: 2 });
    expect(g0!.perThousandHouseholds).toBe(5);
    expect(g0!.satisfactionRate).toBeCloseTo((1 + 0.9) / 2, 12);
    expect(g0!.compositeScore).toBeCloseTo(100 * (0.1 * 1 + 0.5 * 0.5 + 0.4 * 0.95), 10);
    expect(g0!.medianCloseHours).toBe(5);
    expect(g0!.p90CloseHours).toBe(30);
    expect(g1).toMatchObject({ orders: 1, visits: 0, overdue: 1, compositeScore: null });
    expect(result.communities).toHaveLength(1);
    expect(result.communities[0]).toMatchObject({
      orders: 3,
      households: 500,
      perThousandHouseholds: 6,
    });
  });
});
