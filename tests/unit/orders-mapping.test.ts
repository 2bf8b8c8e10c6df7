/**
 * Importing a work-order export whose header the app does not know ("Ticket", "Opened", "Type"),
 * with the columns the user maps: the preview the column dialog shows (header and first rows,
 * read no further), the header's signature, a remembered mapping checked before it is used, a
 * field moved between columns, the mappings kept in storage, and the orders the mapping imports,
 * directly and through the data worker's API with the file handed over as a Blob.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrderTableBuilder, orderRecord } from '../../src/analysis/complaints/order-table.ts';
import type { OrderPlacer } from '../../src/analysis/complaints/place-orders.ts';
import { orderPlacerFor } from '../../src/analysis/complaints/street-orders.ts';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { loadFiles } from '../../src/io/load-files.ts';
import { MAPPINGS_KEPT, rememberedMapping, rememberMapping } from '../../src/io/order-mappings.ts';
import { previewColumns } from '../../src/io/orders/column-preview.ts';
import { importOrderRows, type OrderImportOptions } from '../../src/io/orders/import-orders.ts';
import type { ColumnMapping } from '../../src/io/orders/order-columns.ts';
import { readCsvRows, readTableRows, type TableRows } from '../../src/io/orders/read-table.ts';
import {
  assignField,
  headerSignature,
  rememberedHeader,
} from '../../src/io/orders/remembered-columns.ts';
import { openPlanStore } from '../../src/io/plan-store.ts';
import { createDataApi } from '../../src/workers/data-api.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/orders/', import.meta.url));
const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const UNKNOWN = 'orders-unknown-header.csv';
const unknownBytes = () => new Uint8Array(readFileSync(FIXTURES + UNKNOWN));

/** The fixture's columns as a user maps them: Ticket, Opened, Topic, Type, Where, Lon, Lat, Closed. */
const MAPPED: ColumnMapping = Object.freeze([
  'id',
  'createdAt',
  'category1',
  'category2',
  'address',
  'lng',
  'lat',
  'closedAt',
]) as ColumnMapping;

let placer: OrderPlacer;

beforeAll(() => {
  const files = ['communities', 'grids', 'buildings'].map((layer) => ({
    name: `${layer}.geojson`,
    text: readFileSync(`${DATA}${layer}.geojson`, 'utf8'),
  }));
  const loaded = loadFiles(files, DEFAULT_SETTINGS);
  const report = new CoverageEngine(inputFromLoad(loaded), DEFAULT_SETTINGS).report();
  placer = orderPlacerFor(
    loaded.dataset.buildings!.features,
    loaded.dataset.grids!.features,
    report,
  );
});

function importUnknown(mapping?: OrderImportOptions['mapping']) {
  const builder = new OrderTableBuilder();
  const imported = importOrderRows(UNKNOWN, readCsvRows(unknownBytes()), placer, builder, {
    settings: DEFAULT_SETTINGS,
    system: 'auto',
    ...(mapping ? { mapping } : {}),
  });
  const table = builder.build();
  return { imported, records: Array.from({ length: table.size }, (_, i) => orderRecord(table, i)) };
}

/** A table that counts the rows its reader was asked for. */
function counted(table: TableRows): { table: TableRows; visited: () => number } {
  let visited = 0;
  return {
    table: {
      ...table,
      forEachRow: (visit) =>
        table.forEachRow((cells) => {
          visited++;
          return visit(cells);
        }),
    },
    visited: () => visited,
  };
}

/** localStorage as the browser gives it, in memory. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('the preview of a file’s columns', () => {
  it('shows an unknown header as it is, the positions found, and the first five rows', () => {
    const { table, visited } = counted(readCsvRows(unknownBytes()));
    const preview = previewColumns(table);
    expect(preview.headerRows).toBe(1);
    expect(preview.headers).toEqual([
      'Ticket',
      'Opened',
      'Topic',
      'Type',
      'Where',
      'Lon',
      'Lat',
      'Closed',
    ]);
    expect(preview.mapping).toEqual([null, null, null, null, null, 'lng', 'lat', null]);
    expect(preview.missing).toEqual(['id', 'createdAt', 'category2']);
    expect(preview.samples.map((cells) => cells[0])).toEqual(['EN1', 'EN2', 'EN3', 'EN4', 'EN5']);
    expect(preview.samples[2]![3]).toBe('停车管理');
    expect(visited()).toBe(7);
  });

  it('stops reading a large file after the rows it shows', () => {
    const lines = ['工单号,受理时间,二级分类'];
    for (let i = 0; i < 10_000; i++) lines.push(`P${i},2026/10/5 9:00,供暖`);
    const { table, visited } = counted(readCsvRows(new TextEncoder().encode(lines.join('\n'))));
    const preview = previewColumns(table);
    expect(preview.missing).toEqual([]);
    expect(preview.samples.map((cells) => cells[0])).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);
    expect(visited()).toBe(11);
  });

  it('finds a header below a spreadsheet’s title and group rows, as the import does', async () => {
    const table = await readTableRows(readFileSync(`${FIXTURES}orders-two-row-header.xlsx`));
    const preview = previewColumns(table);
    expect(preview.headerRows).toBe(3);
    expect(preview.mapping[11]).toBe('followedUp');
    expect(preview.samples[0]![0]).toBe('XL1');
  });
});

describe('the header’s signature', () => {
  it('is the same for the same columns however spaced, cased or annotated', () => {
    expect(headerSignature(['Ticket', ' Opened（北京时间）', 'TYPE'])).toBe(
      headerSignature(['ticket', 'Opened', 'type ']),
    );
  });

  it('differs when the columns differ or come in another order', () => {
    const signature = headerSignature(['Ticket', 'Opened', 'Type']);
    expect(headerSignature(['Opened', 'Ticket', 'Type'])).not.toBe(signature);
    expect(headerSignature(['Ticket', 'Opened', 'Type', 'Where'])).not.toBe(signature);
  });
});

describe('a remembered mapping', () => {
  const preview = Object.freeze(previewColumns(readCsvRows(unknownBytes())));

  it('is used for a header with the same columns, leaving no required field missing', () => {
    const header = rememberedHeader(preview, [...MAPPED]);
    expect(header.mapping).toEqual(MAPPED);
    expect(header.missing).toEqual([]);
    expect(header.headers).toEqual(preview.headers);
    expect(preview.missing).toEqual(['id', 'createdAt', 'category2']);
  });

  it('is not used when it does not fit the header', () => {
    const misfits: unknown[] = [
      null,
      'id,createdAt',
      MAPPED.slice(1),
      [...MAPPED.slice(0, 7), 'colour'],
      [...MAPPED.slice(0, 7), 'id'],
      [null, ...MAPPED.slice(1)],
    ];
    for (const misfit of misfits) expect(rememberedHeader(preview, misfit)).toBe(preview);
  });
});

describe('choosing a column’s field', () => {
  it('moves a field from the column that had it', () => {
    const before = Object.freeze(['id', null, 'category2'] as ColumnMapping);
    expect(assignField(before, 1, 'id')).toEqual([null, 'id', 'category2']);
    expect(assignField(before, 2, null)).toEqual(['id', null, null]);
    expect(assignField(before, 1, 'createdAt')).toEqual(['id', 'createdAt', 'category2']);
    expect(before).toEqual(['id', null, 'category2']);
  });
});

describe('the mappings kept', () => {
  const signature = headerSignature(['Ticket', 'Opened', 'Type']);

  it('give back the mapping chosen for a header, and none for another', () => {
    const storage = new MemoryStorage();
    expect(rememberedMapping(signature, storage)).toBeNull();
    rememberMapping(signature, ['id', 'createdAt', 'category2'], storage);
    expect(rememberedMapping(signature, storage)).toEqual(['id', 'createdAt', 'category2']);
    expect(rememberedMapping(headerSignature(['Ticket']), storage)).toBeNull();
    rememberMapping(signature, ['id', 'createdAt', 'category1'], storage);
    expect(rememberedMapping(signature, storage)).toEqual(['id', 'createdAt', 'category1']);
  });

  it('keep the most recent ones only', () => {
    const storage = new MemoryStorage();
    const signatures = Array.from({ length: MAPPINGS_KEPT + 1 }, (_, i) => `["c${i}"]`);
    for (const s of signatures) rememberMapping(s, ['id'], storage);
    expect(rememberedMapping(signatures[0]!, storage)).toBeNull();
    expect(rememberedMapping(signatures[1]!, storage)).toEqual(['id']);
    // Chosen again, the second is now the most recent: the third goes first.
    rememberMapping(signatures[1]!, ['id'], storage);
    rememberMapping('["another"]', ['id'], storage);
    expect(rememberedMapping(signatures[1]!, storage)).toEqual(['id']);
    expect(rememberedMapping(signatures[2]!, storage)).toBeNull();
  });

  it('read an unreadable or newer record as none, and replace it', () => {
    const storage = new MemoryStorage();
    storage.setItem('gridatlas-order-mappings', '{not json');
    expect(rememberedMapping(signature, storage)).toBeNull();
    rememberMapping(signature, ['id'], storage);
    expect(rememberedMapping(signature, storage)).toEqual(['id']);
    storage.setItem(
      'gridatlas-order-mappings',
      JSON.stringify({ schemaVersion: 99, mappings: { [signature]: ['id'] } }),
    );
    expect(rememberedMapping(signature, storage)).toBeNull();
  });

  it('never stop an import when storage refuses', () => {
    const refusing = new MemoryStorage();
    refusing.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => rememberMapping(signature, ['id'], refusing)).not.toThrow();
    expect(rememberedMapping(signature, refusing)).toBeNull();
  });
});

describe('importing a file with unknown headers', () => {
  it('reads no order without a mapping, naming the fields it lacks', () => {
    const { imported, records } = importUnknown();
    expect(records).toEqual([]);
    expect(imported.counts).toMatchObject({ rows: 6, imported: 0, unreadable: 6 });
    expect(imported.problems[0]).toMatchObject({
      code: 'order-no-header',
      examples: [{ params: { fields: '工单号、受理时间、二级分类' } }],
    });
  });

  it('reads every field through the columns the user mapped', () => {
    const { imported, records } = importUnknown({ headerRows: 1, mapping: MAPPED });
    expect(imported.counts).toMatchObject({
      rows: 6,
      imported: 5,
      unreadable: 1,
      duplicates: 0,
      unplaced: 0,
    });
    expect(imported.system).toBe('BD09');
    expect(records.map((r) => r.id)).toEqual(['EN1', 'EN2', 'EN3', 'EN4', 'EN5']);
    const first = records[0]!;
    expect(first.createdAt).toBe(Date.parse('2026-10-01T09:30:00+08:00'));
    expect(first.closedAt).toBe(Date.parse('2026-10-12T10:00:00+08:00'));
    expect([first.category1, first.category2, first.status]).toEqual(['城乡建设', '供水', '办结']);
    expect(first.address).toBe('锦程大街4号院11号楼');
    // The same BD-09 position as BD1 of orders-bd09.csv, placed in the same building.
    expect(placer.buildingId(first.building)).toBe('B0011');
    expect([records[2]!.category2, records[2]!.status, records[2]!.closedAt]).toEqual([
      '停车管理',
      '办理',
      null,
    ]);
    expect(imported.rowProblems).toMatchObject([
      { row: 7, code: 'order-bad-value', params: { label: 'Opened', value: '2026-02-30 09:00' } },
    ]);
  });

  it('reads the same orders with the mapping remembered for its columns', () => {
    const storage = new MemoryStorage();
    const preview = previewColumns(readCsvRows(unknownBytes()));
    rememberMapping(headerSignature(preview.headers), [...MAPPED], storage);
    const again = previewColumns(readCsvRows(unknownBytes()));
    const header = rememberedHeader(
      again,
      rememberedMapping(headerSignature(again.headers), storage),
    );
    expect(header.missing).toEqual([]);
    const { records } = importUnknown({ headerRows: header.headerRows, mapping: header.mapping });
    expect(records.map((r) => r.id)).toEqual(['EN1', 'EN2', 'EN3', 'EN4', 'EN5']);
  });
});

describe('the data API, handed the file as a Blob', () => {
  it('previews its columns, then imports it with the mapping chosen', async () => {
    const names = readdirSync(DATA).filter((name) => name.endsWith('.geojson'));
    const sample = names.map((name) => ({ name, blob: new Blob([readFileSync(DATA + name)]) }));
    const factory = new IDBFactory();
    const api = createDataApi({ openStore: () => openPlanStore({ factory }) });
    await api.load(sample, () => {}, DEFAULT_SETTINGS);
    const file = new Blob([unknownBytes()]);

    const preview = await api.previewOrderColumns(file);
    expect(preview.missing).toEqual(['id', 'createdAt', 'category2']);
    expect(preview.samples).toHaveLength(5);

    const unmapped = await api.importOrders(UNKNOWN, file, 'auto');
    expect(unmapped.counts).toMatchObject({ imported: 0, unreadable: 6 });
    const mapped = await api.importOrders(UNKNOWN, file, 'auto', undefined, {
      headerRows: preview.headerRows,
      mapping: [...MAPPED],
    });
    expect(mapped).toMatchObject({
      encoding: 'utf-8',
      system: 'BD09',
      counts: { rows: 6, imported: 5, unreadable: 1, unplaced: 0 },
      totalOrders: unmapped.totalOrders + 5,
    });
  });
});
