// Importing real-looking 12345 exports into the sample street: a GBK CSV with a title row above
// its header, GCJ-02 positions, slash and 年月日 dates, a broken date, a repeated 工单号, rows
// without coordinates placed by address, and a UTF-8 CSV with a byte-order mark and BD-09
// positions. Each file's outcome is compared with <name>.expected.json (REGEN=1 rewrites them;
// read the diff), and the facts that matter are asserted by hand besides.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OrderTableBuilder,
  orderRecord,
  type OrderRecord,
} from '../../src/analysis/complaints/order-table.ts';
import type { OrderPlacer } from '../../src/analysis/complaints/place-orders.ts';
import { orderPlacerFor } from '../../src/analysis/complaints/street-orders.ts';
import { CoverageEngine, inputFromLoad } from '../../src/analysis/coverage/engine.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { loadFiles } from '../../src/io/load-files.ts';
import {
  importOrderRows,
  type OrderImport,
  type OrderImportOptions,
} from '../../src/io/orders/import-orders.ts';
import { orderProblemText } from '../../src/io/orders/order-problems.ts';
import { readTableRows } from '../../src/io/orders/read-table.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/orders/', import.meta.url));
const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const REGEN = process.env.REGEN === '1';

let placer: OrderPlacer;
let gridIds: string[];

beforeAll(() => {
  const files = ['communities', 'grids', 'buildings'].map((layer) => ({
    name: `${layer}.geojson`,
    text: readFileSync(`${DATA}${layer}.geojson`, 'utf8'),
  }));
  const loaded = loadFiles(files, DEFAULT_SETTINGS);
  const report = new CoverageEngine(inputFromLoad(loaded), DEFAULT_SETTINGS).report();
  const grids = loaded.dataset.grids!.features;
  gridIds = grids.map((g) => g.properties.id);
  placer = orderPlacerFor(loaded.dataset.buildings!.features, grids, report);
});

interface Imported {
  imported: OrderImport;
  encoding: string | null;
  /** The orders appended, as records. */
  records: OrderRecord[];
}

async function importFixture(
  name: string,
  options: Partial<OrderImportOptions> = {},
): Promise<Imported> {
  const bytes = readFileSync(FIXTURES + name);
  const rows = await readTableRows(bytes);
  const builder = new OrderTableBuilder();
  const imported = importOrderRows(name, rows, placer, builder, {
    settings: DEFAULT_SETTINGS,
    system: 'auto',
    ...options,
  });
  const table = builder.build();
  const records = Array.from({ length: table.size }, (_, i) => orderRecord(table, i));
  return { imported, encoding: rows.encoding, records };
}

/** What a fixture is compared on: the file's reading, each order's place, each problem. */
function outcome({ imported, encoding, records }: Imported) {
  return {
    encoding,
    headerRows: imported.header.headerRows,
    system: imported.system,
    counts: imported.counts,
    orders: records.map((r, i) => ({
      row: imported.rows[i],
      id: r.id,
      createdAt: new Date(r.createdAt).toISOString(),
      dueAt: new Date(r.dueAt).toISOString(),
      closedAt: r.closedAt === null ? null : new Date(r.closedAt).toISOString(),
      status: r.status,
      flags: [r.followedUp, r.contacted, r.resolved],
      satisfaction: r.satisfaction,
      building: r.building < 0 ? null : placer.buildingId(r.building),
      grid: imported.grids[i]! < 0 ? null : gridIds[imported.grids[i]!],
    })),
    problems: imported.problems.map((g) => ({
      code: g.code,
      severity: g.severity,
      count: g.count,
      rows: g.examples.map((p) => p.row),
    })),
  };
}

describe.each(['orders-gbk-gcj02.csv', 'orders-bd09.csv', 'orders-two-row-header.xlsx'])(
  '%s',
  (name) => {
    it('imports as expected', async () => {
      const actual = outcome(await importFixture(name));
      const path = `${FIXTURES}${name.replace(/\.(csv|xlsx)$/, '')}.expected.json`;
      if (REGEN) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  },
);

describe('the GBK export with GCJ-02 positions', () => {
  it('is read as GBK below its title row, and its positions as GCJ-02', async () => {
    const { imported, encoding } = await importFixture('orders-gbk-gcj02.csv');
    expect(encoding).toBe('gbk');
    expect(imported.header.headerRows).toBe(2);
    expect(imported.system).toBe('GCJ02');
    expect(imported.fit!.shares.GCJ02).toBeGreaterThan(imported.fit!.shares.WGS84 + 0.25);
    const shifted = imported.problems.find((g) => g.code === 'order-coordinates-shifted')!;
    expect(orderProblemText(shifted.examples[0]!, 'zh')).toContain(
      '坐标很可能是 GCJ-02（高德、腾讯），已按它转换为 WGS-84',
    );
  });

  it('places converted positions in their buildings, and addresses without positions', async () => {
    const { imported, records } = await importFixture('orders-gbk-gcj02.csv');
    const byId = new Map(records.map((r, i) => [r.id, { r, grid: imported.grids[i]! }]));
    // The first twelve rows sit at the centres of B0011, B0041, … in GCJ-02.
    expect(placer.buildingId(byId.get('GD26100001')!.r.building)).toBe('B0011');
    expect(placer.buildingId(byId.get('GD26100012')!.r.building)).toBe('B0701');
    // An address with entrance and flat numbers finds its building.
    expect(placer.buildingId(byId.get('GD2610A001')!.r.building)).toBe('B0002');
    // A compound alone gives no building, and no grid when its buildings lie in several.
    const compound = byId.get('GD2610A002')!;
    expect([compound.r.building, compound.grid]).toEqual([-1, -1]);
    expect(imported.counts.placedBy.address).toBe(1);
  });

  it('reads Chinese dates and durations as Beijing time', async () => {
    const { records } = await importFixture('orders-gbk-gcj02.csv');
    const first = records.find((r) => r.id === 'GD26100001')!;
    expect(first.createdAt).toBe(Date.parse('2026-10-01T08:07:00+08:00'));
    expect(first.dueAt).toBe(first.createdAt + 24 * 3_600_000);
    const chinese = records.find((r) => r.id === 'GD2610A001')!;
    expect(chinese.createdAt).toBe(Date.parse('2026-10-14T10:20:00+08:00'));
  });

  it('names every row left out or not placed, with its row number', async () => {
    const { imported } = await importFixture('orders-gbk-gcj02.csv');
    const rows = imported.rowProblems.map((p) => [p.row, p.code]);
    expect(rows).toEqual([
      [15, 'order-bad-value'],
      [16, 'order-duplicate'],
      [18, 'order-unplaced'],
      [19, 'order-unplaced'],
      [20, 'order-missing-value'],
    ]);
    const texts = imported.rowProblems.map((p) => orderProblemText(p, 'zh'));
    expect(texts[0]).toBe(
      'orders-gbk-gcj02.csv 第 15 行（GD2610X001）：来电时间“2026/2/30 9:00”无法识别，该行未导入。',
    );
    expect(texts[1]).toContain('工单号 GD26100001 已在第 3 行出现，本行未重复导入');
    expect(texts[2]).toContain('地址“锦程大街4号院”只确定到院落，院内楼栋分属多个网格');
    expect(orderProblemText(imported.rowProblems[3]!, 'en')).toContain(
      'the address “不存在路99号” matched no building',
    );
  });

  it('adds nothing when the same file is imported again', async () => {
    const first = await importFixture('orders-gbk-gcj02.csv');
    const again = await importFixture('orders-gbk-gcj02.csv', { known: first.imported.ids });
    expect(again.records).toEqual([]);
    expect(again.imported.counts.duplicates).toBe(first.records.length + 1);
  });
});

describe('the XLSX export with a two-row header', () => {
  it('finds the field names below the group row, a merged 是否回访 from the row above', async () => {
    const { imported } = await importFixture('orders-two-row-header.xlsx');
    expect(imported.header.headerRows).toBe(3);
    expect(imported.header.mapping[11]).toBe('followedUp');
    expect(imported.counts).toMatchObject({ rows: 8, imported: 8, unreadable: 0, unplaced: 0 });
  });

  it('reads date cells as the Beijing times written in the sheet', async () => {
    const { records } = await importFixture('orders-two-row-header.xlsx');
    const second = records.find((r) => r.id === 'XL2')!;
    expect(second.createdAt).toBe(Date.parse('2026-10-04T09:15:00+08:00'));
    expect(second.closedAt).toBe(Date.parse('2026-10-05T16:00:00+08:00'));
    expect(records.map((r) => placer.buildingId(r.building))).toEqual([
      'B0016',
      'B0056',
      'B0096',
      'B0136',
      'B0176',
      'B0216',
      'B0256',
      'B0296',
    ]);
    const open = records.find((r) => r.id === 'XL4')!;
    expect([open.status, open.closedAt, open.followedUp]).toEqual(['办理', null, false]);
  });
});

describe('the BD-09 export', () => {
  it('is read as UTF-8 despite its byte-order mark, its positions as BD-09', async () => {
    const { imported, encoding, records } = await importFixture('orders-bd09.csv');
    expect(encoding).toBe('utf-8');
    expect(imported.header.headers[0]).toBe('工单号');
    expect(imported.system).toBe('BD09');
    expect(imported.counts).toMatchObject({ rows: 10, imported: 10, unplaced: 0 });
    expect(records.filter((r) => r.building >= 0)).toHaveLength(10);
  });

  it('with the system declared as WGS-84, keeps it and names the likely one', async () => {
    const { imported } = await importFixture('orders-bd09.csv', { system: 'WGS84' });
    expect(imported.system).toBe('WGS84');
    const shifted = imported.problems.find((g) => g.code === 'order-coordinates-shifted')!;
    expect(orderProblemText(shifted.examples[0]!, 'en')).toContain(
      'most likely BD09; check the coordinate system chosen',
    );
  });
});
