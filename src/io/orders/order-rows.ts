/**
 * The rows of a work-order table read into orders: each cell of a mapped column parsed by its
 * field's reader, the row skipped (and said why) when it has no 工单号, no readable time received
 * or no category, a value that cannot be read reported and treated as empty. Positions stay as
 * the file gives them; which coordinate system they are in is decided for the whole file later.
 */
import type { Satisfaction, WorkOrderStatus } from '../../domain/types.ts';
import type { ProblemLog } from '../problem-groups.ts';
import { FIELD_LABELS, ORDER_FIELDS, type HeaderFound, type OrderField } from './order-columns.ts';
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

/** A parser whose answers are remembered: the fields it reads take few distinct values. */
function remembered<T>(parse: (v: string | undefined) => T): (v: string | undefined) => T {
  const known = new Map<string | undefined, T>();
  return (v) => {
    let value = known.get(v);
    if (value === undefined && !known.has(v)) known.set(v, (value = parse(v)));
    return value as T;
  };
}

/**
 * Reads one row after another into orders, with the file's columns and its problem log.
 * @example
 * const reader = new RowReader('orders.csv', findHeader(firstRows), log);
 * reader.read(cells, 7); // a RawOrder, or null (said why in the log)
 */
export class RowReader {
  readonly #file: string;
  readonly #header: HeaderFound;
  readonly #log: ProblemLog<OrderProblem>;
  /** The column of each field, -1 when the table has none. */
  readonly #column: Record<OrderField, number>;
  readonly #source = remembered(parseSource);
  readonly #status = remembered(parseStatus);
  readonly #yesNo = remembered(parseYesNo);
  readonly #satisfaction = remembered(parseSatisfaction);
  #cells: readonly string[] = [];
  #row = 0;
  #id: string | null = null;

  constructor(file: string, header: HeaderFound, log: ProblemLog<OrderProblem>) {
    this.#file = file;
    this.#header = header;
    this.#log = log;
    this.#column = Object.fromEntries(
      ORDER_FIELDS.map((f) => [f, header.mapping.indexOf(f)]),
    ) as Record<OrderField, number>;
  }

  read(cells: readonly string[], row: number): RawOrder | null {
    this.#cells = cells;
    this.#row = row;
    this.#id = null;
    const id = this.#text('id');
    this.#id = id;
    if (id === null) return this.#refuse('id', 'order-missing-value');
    const createdAt = parseOrderTime(this.#cell('createdAt'));
    if (createdAt === undefined) return this.#refuse('createdAt', 'order-missing-value');
    if (createdAt === null) return this.#refuse('createdAt', 'order-bad-value');
    const category2 = this.#text('category2');
    if (category2 === null) return this.#refuse('category2', 'order-missing-value');
    const closedAt = this.#optional('closedAt', parseOrderTime);
    const satisfaction = this.#optional('satisfaction', this.#satisfaction);
    const followedUp = this.#optional('followedUp', this.#yesNo);
    return {
      row,
      id,
      source: this.#source(this.#cell('source')) ?? '12345热线',
      category1: this.#text('category1') ?? category2,
      category2,
      category3: this.#text('category3'),
      content: this.#text('content'),
      createdAt,
      dueAt: this.#optional('dueAt', parseDueAt, createdAt),
      closedAt,
      status: this.#optional('status', this.#status) ?? (closedAt === null ? '办理' : '办结'),
      // Without a 是否回访 column, a rated order was visited.
      followedUp: followedUp ?? (this.#column.followedUp >= 0 ? false : satisfaction !== null),
      contacted: this.#optional('contacted', this.#yesNo) ?? false,
      resolved: this.#optional('resolved', this.#yesNo) ?? false,
      satisfaction,
      x: this.#optional('lng', parseCoordinate),
      y: this.#optional('lat', parseCoordinate),
      address: this.#text('address'),
      community: this.#text('community'),
      buildingId: this.#text('buildingId'),
    };
  }

  #cell(field: OrderField): string | undefined {
    const c = this.#column[field];
    return c < 0 ? undefined : this.#cells[c];
  }

  #text(field: OrderField): string | null {
    const value = this.#cell(field);
    return isBlank(value) ? null : value!.trim();
  }

  /** A value read by `parse`: reported and left empty when it cannot be read. */
  #optional<T>(
    field: OrderField,
    parse: (v: string | undefined, createdAt: number) => T | null | undefined,
    createdAt = 0,
  ): T | null {
    const value = parse(this.#cell(field), createdAt);
    if (value === null) this.#report(field, 'order-bad-value', true);
    return value ?? null;
  }

  #refuse(field: OrderField, code: 'order-missing-value' | 'order-bad-value'): null {
    this.#report(field, code, false);
    return null;
  }

  #report(
    field: OrderField,
    code: 'order-missing-value' | 'order-bad-value',
    ignored: boolean,
  ): void {
    const label = this.#header.headers[this.#column[field]] ?? field;
    this.#log.add({
      file: this.#file,
      row: this.#row,
      orderId: this.#id,
      field: label,
      code,
      severity: ignored ? 'warning' : 'error',
      params: {
        label,
        labelEn: FIELD_LABELS[field].en,
        value: this.#cell(field)?.trim() ?? '',
        ignored: ignored ? 1 : 0,
      },
    });
  }
}

function parseCoordinate(value: string | undefined): number | null | undefined {
  if (isBlank(value)) return undefined;
  const n = Number(value!.trim());
  return Number.isFinite(n) ? n : null;
}
