// The orders CLI run as a child process (tsx scripts/orders.ts): on the sample street with its own
// work-order layer, and with a GBK export of GCJ-02 positions beside it; exit codes, the console
// in both languages, orders.json and orders.md, and usage errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const ORDERS = join(ROOT, 'scripts', 'orders.ts');
const GBK = join(ROOT, 'tests', 'fixtures', 'orders', 'orders-gbk-gcj02.csv');
const XLSX = join(ROOT, 'tests', 'fixtures', 'orders', 'orders-two-row-header.xlsx');
const TMP = mkdtempSync(join(tmpdir(), 'gridatlas-orders-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function orders(args: string[]) {
  const run = spawnSync(TSX, [ORDERS, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface OrdersJson {
  month: string;
  files: {
    file: string;
    encoding: string | null;
    system: string;
    counts: Record<string, number>;
  }[];
  street: Record<string, number | null>;
  grids: { id: string; orders: number }[];
  communities: { id: string; orders: number }[];
  repeatComplaints: { buildingId: string; peak: number; orderIds: string[] }[];
  rowProblems: { row: number; code: string; text: string }[];
}

const readJson = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'orders.json'), 'utf8')) as OrdersJson;

describe('npm run orders', () => {
  it('analyses the sample street’s last complete month from its own work-order layer', () => {
    const out = join(TMP, 'sample');
    const run = orders(['data', '--out', out]);
    // The sample's planted gap leaves some orders outside every grid: each is listed.
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('考核月 2026-10（2026-09-19 至 2026-10-18）');
    expect(run.stdout).toMatch(/综合成绩：\d+(\.\d)?/);
    const json = readJson(out);
    expect(json.month).toBe('2026-10');
    expect(json.files[0]).toMatchObject({
      system: 'WGS84',
      counts: { rows: 25005, imported: 25005 },
    });
    const street = json.street;
    const inGrids = json.grids.reduce((sum, g) => sum + g.orders, 0);
    expect(inGrids + (street.outsideGrids as number)).toBe(street.orders);
    expect(json.communities.reduce((sum, c) => sum + c.orders, 0)).toBe(inGrids);
    expect(street.visits as number).toBeLessThanOrEqual(street.orders as number);
    expect(street.compositeScore).toBeCloseTo(
      100 *
        (0.1 * street.responseRate! +
          0.5 * street.resolutionRate! +
          0.4 * street.satisfactionRate!),
      9,
    );
    expect(json.repeatComplaints.length).toBeGreaterThan(0);
    expect(json.repeatComplaints.every((r) => r.peak >= 3 && r.orderIds.length >= r.peak)).toBe(
      true,
    );
    expect(json.rowProblems.length).toBe(json.files[0]!.counts.unplaced);
    const md = readFileSync(join(out, 'orders.md'), 'utf8');
    expect(md).toContain('## 重复投诉楼栋（30 天内同类诉求 ≥ 3 件）');
    // Two runs write the same bytes.
    const again = join(TMP, 'again');
    orders(['data', '--out', again]);
    expect(readFileSync(join(again, 'orders.json'), 'utf8')).toBe(
      readFileSync(join(out, 'orders.json'), 'utf8'),
    );
  });

  it('imports a GBK export beside the street, finds GCJ-02 and lists every row left out', () => {
    const out = join(TMP, 'gbk');
    const street = ['communities', 'grids', 'buildings', 'street'].map((l) => `data/${l}.geojson`);
    const run = orders([...street, GBK, '--month', '2026-10', '--lang', 'en', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Assessment month 2026-10 (2026-09-19 to 2026-10-18)');
    expect(run.stdout).toContain('coordinates GCJ-02 (Amap, Tencent), converted to WGS-84');
    const json = readJson(out);
    expect(json.files[0]).toMatchObject({ encoding: 'gbk', system: 'GCJ02' });
    expect(json.street.orders).toBe(15);
    expect(json.rowProblems.map((p) => [p.row, p.code])).toEqual([
      [15, 'order-bad-value'],
      [16, 'order-duplicate'],
      [18, 'order-unplaced'],
      [19, 'order-unplaced'],
      [20, 'order-missing-value'],
    ]);
    expect(json.rowProblems[0]!.text).toContain('row 15 (GD2610X001)');
  });

  it('exits 0 when every row of an XLSX export is imported and placed', () => {
    const out = join(TMP, 'xlsx');
    const street = ['communities', 'grids', 'buildings'].map((l) => `data/${l}.geojson`);
    const run = orders([...street, XLSX, '--month', '2026-10', '--out', out]);
    expect(run.code).toBe(0);
    const json = readJson(out);
    expect(json.files[0]).toMatchObject({
      encoding: null,
      counts: { rows: 8, imported: 8, unplaced: 0 },
    });
    expect(json.street.orders).toBe(8);
    expect(json.rowProblems).toEqual([]);
  });

  it('exits 2 on a bad month, a bad system or a street without buildings', () => {
    const month = orders(['data', '--month', '2026-13']);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('考核月“2026-13”无效');
    const system = orders(['data', '--system', 'mercator', '--lang', 'en']);
    expect(system.code).toBe(2);
    expect(system.stderr).toContain('Invalid coordinate system "mercator"');
    const bare = orders([
      'data/communities.geojson',
      'data/grids.geojson',
      GBK,
      '--out',
      join(TMP, 'bare'),
    ]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('无法分析：没有可用的楼栋图层');
  });
});
