// The change report (调整说明): the Markdown summary and tables in Chinese and English, and the
// CSV of buildings that change grid (BOM, header, RFC 4180 quoting), on a small comparison made
// by comparePlans from hand-made figures.
import { describe, expect, it } from 'vitest';
import { changeReportCsv, changeReportMarkdown } from '../../src/reports/change-report.ts';
import type { GridWorkload } from '../../src/analysis/coverage/report.ts';
import { comparePlans, type ComparedBuilding } from '../../src/analysis/plan-compare.ts';
import { deepFreeze } from '../../src/domain/deep-freeze.ts';
import { assignedTo } from './support/plan-figures.ts';

const C1 = '110106090001';
const A = `${C1}001`;
const B = `${C1}002`;
const N = `${C1}003`;

const grid = (
  gridId: string,
  households: number,
  workers: number,
  over: Partial<GridWorkload> = {},
): GridWorkload => ({
  gridId,
  communityId: C1,
  type: 'comprehensive',
  households,
  residents: households * 2,
  buildings: 3,
  difficultHouseholds: 0,
  specialHouseholds: 0,
  workers,
  householdsPerWorker: workers > 0 ? households / workers : null,
  monthlyVisits: households / 6,
  areaM2: 80_000,
  perimeterM: 1200,
  compactness: 0.7,
  parts: 1,
  workOrders: 0,
  band: households > 500 ? 'above' : households < 300 ? 'below' : 'within',
  householdsDeviation:
    households > 500 ? households - 500 : households < 300 ? households - 300 : 0,
  residentsOver: 0,
  ...over,
});

const building = (name: string, households: number, address?: string): ComparedBuilding => ({
  name,
  address: address ?? `丰台区安澜路${name}`,
  communityId: C1,
  households,
  residents: households * 2,
});

// Grid A (1,200 households, far above the band) is split: B0003 and B0004 go to the new grid N,
// and the building in no grid (B0005) joins N too. Grid B keeps its buildings.
const comparison = deepFreeze(
  comparePlans(
    {
      grids: [grid(A, 1200, 2), grid(B, 420, 2)],
      assignments: [
        assignedTo('B0001', A),
        assignedTo('B0002', B),
        assignedTo('B0003', A),
        assignedTo('B0004', A),
        assignedTo('B0005', null),
      ],
    },
    {
      grids: [grid(A, 650, 2), grid(B, 420, 2), grid(N, 586, 1)],
      assignments: [
        assignedTo('B0001', A),
        assignedTo('B0002', B),
        assignedTo('B0003', N),
        assignedTo('B0004', N),
        assignedTo('B0005', N),
      ],
    },
    {
      buildings: new Map([
        ['B0001', building('1号楼', 650)],
        ['B0002', building('2号楼', 420)],
        ['B0003', building('3号楼,"东"', 300, '丰台区安澜路3号\n东门')],
        ['B0004', building('=HYPERLINK("x")', 250)],
        ['B0005', building('5号楼 | 商住', 36)],
      ]),
      communities: new Map([[C1, '安澜里社区']]),
    },
  ),
);
const gridNames = new Map([
  [A, '安澜里第1网格'],
  [B, '安澜里第2网格'],
  [N, '安澜里第3网格'],
]);

describe('changeReportMarkdown', () => {
  const md = changeReportMarkdown(comparison, {
    beforeName: '现状',
    afterName: '方案A',
    gridNames,
  });
  const lines = md.split('\n');

  it('opens with the title, the plans compared and a summary with the counts', () => {
    expect(lines[0]).toBe('# 网格调整说明');
    expect(md).toContain('对比方案：现状（调整前）→ 方案A（调整后）');
    expect(md).toContain('- 调整网格的楼栋 3 栋，涉及 586 户、1,172 人。');
    expect(md).toContain('- 新增网格 1 个，撤销 0 个，调整 1 个，未变 1 个。');
    expect(md).toContain('- 户数或人口超出规范的综合网格：1 个 → 2 个。');
    expect(md).toContain('- 未入格楼栋：1 栋 → 0 栋。');
  });

  it('writes the street totals with the plan names as columns', () => {
    expect(md).toContain('| 指标 | 现状 | 方案A | 变化 |');
    expect(md).toContain('| 网格 | 2 | 3 | +1 |');
    expect(md).toContain('| 户数 | 1,620 | 1,656 | +36 |');
    expect(md).toContain('| 网格员 | 4 | 5 | +1 |');
    expect(md).toContain('| 人均户数（每名网格员） | 405 | 331 | -74 |');
  });

  it('writes a row per community and per grid: before → after (difference)', () => {
    expect(md).toContain(
      '| 安澜里社区（110106090001） | 2 → 3（+1） | 1,620 → 1,656（+36） | 3,240 → 3,312（+72） | 4 → 5（+1） | 6 → 9（+3） | 405 → 331（-74） |',
    );
    expect(md).toContain(
      '| 安澜里第1网格（110106090001001） | 安澜里社区（110106090001） | 调整 | 1,200 → 650（-550） | 2,400 → 1,300（-1,100） | 2 | 3 | 600 → 325（-275） | 80,000 | 高于规范 |',
    );
    expect(md).toContain(
      '| 安澜里第2网格（110106090001002） | 安澜里社区（110106090001） | 未变 | 420 | 840 | 2 | 3 | 210 | 80,000 | 符合规范 |',
    );
    expect(md).toContain(
      '| 安澜里第3网格（110106090001003） | 安澜里社区（110106090001） | 新增 | — → 586（+586） | — → 1,172（+1,172） | — → 1（+1） | — → 3（+3） | — → 586 | — → 80,000（+80,000） | — → 高于规范 |',
    );
  });

  it('lists every building that changes grid, a name with a pipe escaped', () => {
    const start = lines.indexOf('## 调整网格的楼栋（3）');
    expect(start).toBeGreaterThan(0);
    const rows = lines.slice(start + 4).filter((l) => l.startsWith('| B'));
    expect(rows).toHaveLength(3);
    // Sorted by old grid (none first), then building id.
    expect(rows[0]).toBe(
      '| B0005 | 5号楼 \\| 商住 | 丰台区安澜路5号楼 \\| 商住 | 安澜里社区（110106090001） | 36 | 72 | 未入格 | 安澜里第3网格（110106090001003） |',
    );
    expect(rows[1]).toContain('| B0003 | 3号楼,"东" | 丰台区安澜路3号 东门 |');
    expect(rows[1]).toContain(
      '| 300 | 600 | 安澜里第1网格（110106090001001） | 安澜里第3网格（110106090001003） |',
    );
  });

  it('speaks English on request and names grids by id without names', () => {
    const en = changeReportMarkdown(comparison, {
      lang: 'en',
      beforeName: 'Baseline',
      afterName: 'Plan A',
    });
    expect(en.split('\n')[0]).toBe('# Grid change report');
    expect(en).toContain('- 3 buildings change grid, with 586 households and 1,172 residents.');
    expect(en).toContain('| Grids | 2 | 3 | +1 |');
    expect(en).toContain(
      `| ${N} | 安澜里社区 (${C1}) | added | — → 586 (+586) | — → 1,172 (+1,172) |`,
    );
    expect(en).toContain(`| 36 | 72 | no grid | ${N} |`);
    expect(en).not.toMatch(/[调整网格户数]/);
  });

  it('says so when no building changes grid', () => {
    const same = comparePlans(
      { grids: [grid(A, 400, 2)], assignments: [assignedTo('B0001', A)] },
      { grids: [grid(A, 400, 2)], assignments: [assignedTo('B0001', A)] },
      { buildings: new Map(), communities: new Map() },
    );
    const md0 = changeReportMarkdown(same, { beforeName: '现状', afterName: '方案B' });
    expect(md0).toContain('## 调整网格的楼栋（0）\n\n没有楼栋调整网格。');
    expect(md0).toContain('- 调整网格的楼栋 0 栋，涉及 0 户、0 人。');
  });
});

describe('changeReportCsv', () => {
  const csv = changeReportCsv(comparison, { gridNames });

  it('starts with a BOM and a Chinese header, one CRLF row per moved building', () => {
    expect(
      csv.startsWith(
        '\uFEFF楼栋编号,楼栋名称,地址,社区编号,社区名称,户数,人口,原网格编号,原网格名称,新网格编号,新网格名称\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toHaveLength(1 + 3 + 1);
    expect(csv).toContain(
      `\r\nB0005,5号楼 | 商住,丰台区安澜路5号楼 | 商住,${C1},安澜里社区,36,72,,,${N},安澜里第3网格\r\n`,
    );
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and defuses formulas', () => {
    expect(csv).toContain(
      `\r\nB0003,"3号楼,""东""","丰台区安澜路3号\n东门",${C1},安澜里社区,300,600,${A},安澜里第1网格,${N},安澜里第3网格\r\n`,
    );
    expect(csv).toContain(`\r\nB0004,"'=HYPERLINK(""x"")",`);
  });

  it('writes an English header on request, with empty names where none are known', () => {
    const en = changeReportCsv(comparison, { lang: 'en' });
    expect(en.split('\r\n')[0]).toBe(
      '\uFEFFBuilding id,Building name,Address,Community id,Community name,Households,Residents,Old grid id,Old grid name,New grid id,New grid name',
    );
    expect(en).toContain(`,36,72,,,${N},\r\n`);
  });
});
