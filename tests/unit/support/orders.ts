/**
 * One work order of the hand-built tables the complaint tests use: a heating order of 2026-10-01
 * closed in five hours, visited, resolved and satisfied, at a building; any field overridden.
 */
import type { OrderRecord } from '../../../src/analysis/complaints/order-table.ts';

export const at = (text: string) => Date.parse(text);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function order(overrides: Partial<OrderRecord> = {}): OrderRecord {
  const createdAt = overrides.createdAt ?? at('2026-10-01T09:00:00+08:00');
  return {
    id: 'GD1',
    source: '12345热线',
    category1: '城乡建设',
    category2: '供暖',
    category3: '暖气不热',
    createdAt,
    dueAt: createdAt + DAY,
    closedAt: createdAt + 5 * HOUR,
    status: '办结',
    followedUp: true,
    contacted: true,
    resolved: true,
    satisfaction: '满意',
    lng: 116.33,
    lat: 39.84,
    address: '东园北里3号楼',
    building: 0,
    ...overrides,
  };
}
