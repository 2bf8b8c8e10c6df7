/**
 * A column mapping the user chose, to be used again for the next file with the same columns: the
 * header's signature (its cells normalised as header names are compared, in their order), a
 * remembered mapping checked against the header before it is used, and a field given to one
 * column at a time. Pure: where the mappings are kept is src/io/order-mappings.ts.
 */
import {
  missingFields,
  normaliseHeader,
  ORDER_FIELDS,
  type ColumnMapping,
  type HeaderFound,
  type OrderField,
} from './order-columns.ts';

/**
 * The key a header's mapping is remembered by: the same columns in the same order give the same
 * signature, whatever their spacing, case or bracketed notes.
 * @example
 * headerSignature(['Ticket', 'Opened（北京时间）']) === headerSignature(['ticket', 'Opened']); // true
 */
export function headerSignature(headers: readonly string[]): string {
  return JSON.stringify(headers.map(normaliseHeader));
}

/**
 * The header read with another mapping, the required fields it leaves unmapped counted again.
 * @example
 * withMapping(findHeader(rows), ['id', 'createdAt', 'category2']).missing; // []
 */
export function withMapping(header: HeaderFound, mapping: ColumnMapping): HeaderFound {
  return { ...header, mapping, missing: missingFields(mapping) };
}

/**
 * The header with the mapping remembered for its columns, when that mapping still fits them (one
 * entry per column, known fields each named once, every required field mapped); else the header
 * as found.
 * @example
 * rememberedHeader(findHeader(rows), rememberedMapping(headerSignature(headers))).missing; // []
 */
export function rememberedHeader(header: HeaderFound, remembered: unknown): HeaderFound {
  return fits(remembered, header.headers.length) ? withMapping(header, remembered) : header;
}

function fits(value: unknown, columns: number): value is ColumnMapping {
  if (!Array.isArray(value) || value.length !== columns) return false;
  const fields: unknown[] = value.filter((field) => field !== null);
  return (
    fields.every((field) => (ORDER_FIELDS as readonly unknown[]).includes(field)) &&
    new Set(fields).size === fields.length &&
    missingFields(value as ColumnMapping).length === 0
  );
}

/**
 * The mapping with `field` given to `column` (null: the column is not imported). A field is read
 * from one column, so a column that had it gives it up.
 * @example
 * assignField(['id', null], 1, 'id'); // [null, 'id']
 */
export function assignField(
  mapping: readonly (OrderField | null)[],
  column: number,
  field: OrderField | null,
): ColumnMapping {
  return mapping.map((f, c) => (c === column ? field : f === field ? null : f));
}
