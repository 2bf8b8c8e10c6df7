/**
 * The rows of a work-order table read into orders: each cell of a mapped column parsed by its
 * field's reader, the row skipped (and said why) when it has no 工单号, no readable time received
 * or no category, a value that cannot be read reported and treated as empty. Positions stay as
 * the file gives them; which coordinate system they are in is decided for the whole file later.
 */
import type { Satisfaction, WorkOrderStatus } from '../../domain/types.ts';
import type { ProblemLog } from '../problem-groups.ts';
import { FIELD_LABELS, type HeaderFound, type OrderField } from './order-columns.ts';
import type { OrderProblem } from './order-problems.ts';
import {
  isBlank,
  parseDueAt,
  parseOrderTime,
  parseSatisfaction,
  parseSource,
  parseStatus,
  parseYesNo,
} from './order-values.ts';

/** An order as read from its row, before it is placed in the street. */
export interface RawOrder {
  /** 1-based row in the table, header rows included. */
  row: number;
  id: string;
  source: string;
  category1: string;
  category2: string;
  category3: string | null;
  content: string | null;
  createdAt: number;
  /** The export's due time, or null to take the category's time limit. */
  dueAt: number | null;
  closedAt: number | null;
  status: WorkOrderStatus;
  followedUp: boolean;
  contacted: boolean;
  resolved: boolean;
  satisfaction: Satisfaction | null;
  /** The position as the file gives it, in its own coordinate system; null when absent. */
  x: number | null;
  y: number | null;
  address: string | null;
  community: string | null;
  buildingId: string | null;
}

/**
 * @example
 * const orders = readOrderRows('orders.csv', rows, findHeader(rows), log);
 */
export function readOrderRows(
  file: string,
  rows: readonly (readonly string[])[],
  header: HeaderFound,
  log: ProblemLog<OrderProblem>,
): RawOrder[] {
  const column = new Map<OrderField, number>();
  header.mapping.forEach((field, c) => field && column.set(field, c));
  const orders: RawOrder[] = [];
  for (let r = header.headerRows; r < rows.length; r++) {
    const cells = rows[r]!;
    const row = r + 1;
    const cell = (field: OrderField) => {
      const c = column.get(field);
      return c === undefined ? undefined : cells[c];
    };
    const text = (field: OrderField) => (isBlank(cell(field)) ? null : cell(field)!.trim());
    const id = text('id');
    const report = (
      field: OrderField,
      code: 'order-missing-value' | 'order-bad-value',
      ignored: boolean,
    ) => {
      const label = header.headers[column.get(field) ?? -1] ?? field;
      log.add({
        file,
        row,
        orderId: id,
        field: label,
        code,
        severity: ignored ? 'warning' : 'error',
        params: {
          label,
          labelEn: FIELD_LABELS[field].en,
          value: cell(field)?.trim() ?? '',
          ignored: ignored ? 1 : 0,
        },
      });
    };
    /** A value read by `parse`: reported and left empty when it cannot be read. */
    const optional = <T>(
      field: OrderField,
      parse: (v: string | undefined) => T | null | undefined,
    ) => {
      const value = parse(cell(field));
      if (value === null) report(field, 'order-bad-value', true);
      return value ?? null;
    };

    if (id === null) {
      report('id', 'order-missing-value', false);
      continue;
    }
    const createdAt = parseOrderTime(cell('createdAt'));
    if (createdAt === undefined) {
      report('createdAt', 'order-missing-value', false);
      continue;
    }
    if (createdAt === null) {
      report('createdAt', 'order-bad-value', false);
      continue;
    }
    const category2 = text('category2');
    if (category2 === null) {
      report('category2', 'order-missing-value', false);
      continue;
    }
    const closedAt = optional('closedAt', parseOrderTime);
    const satisfaction = optional('satisfaction', parseSatisfaction);
    const followedUp = optional('followedUp', parseYesNo);
    orders.push({
      row,
      id,
      source: parseSource(cell('source')) ?? '12345热线',
      category1: text('category1') ?? category2,
      category2,
      category3: text('category3'),
      content: text('content'),
      createdAt,
      dueAt: optional('dueAt', (v) => parseDueAt(v, createdAt)),
      closedAt,
      status: optional('status', parseStatus) ?? (closedAt === null ? '办理' : '办结'),
      // Without a 是否回访 column, a rated order was visited.
      followedUp: followedUp ?? (column.has('followedUp') ? false : satisfaction !== null),
      contacted: optional('contacted', parseYesNo) ?? false,
      resolved: optional('resolved', parseYesNo) ?? false,
      satisfaction,
      x: optional('lng', parseCoordinate),
      y: optional('lat', parseCoordinate),
      address: text('address'),
      community: text('community'),
      buildingId: text('buildingId'),
    });
  }
  return orders;
}

function parseCoordinate(value: string | undefined): number | null | undefined {
  if (isBlank(value)) return undefined;
  const n = Number(value!.trim());
  return Number.isFinite(n) ? n : null;
}
