// The check CLI run as a child process (tsx scripts/check.ts): exit codes, console text and the
// report.json / report.md it writes, on tiny street folders written here and on the sample street
// in data/ with its four deliberate faults.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageProblem, CoverageReport } from '../../src/analysis/coverage/report.ts';
import type { CheckVerdict } from '../../src/reports/verdict.ts';
import type { ProblemGroup } from '../../src/domain/problems.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CHECK = join(ROOT, 'scripts', 'check.ts');
const TMP = mkdtempSync(join(tmpdir(), 'gridatlas-check-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

type ReportJson = CoverageReport & {
  sourceFiles: string[];
  verdict: CheckVerdict;
  loadProblems: ProblemGroup[];
};

function check(args: string[], cwd = TMP) {
  const run = spawnSync(TSX, [CHECK, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function readReport(dir: string): { json: ReportJson; md: string } {
  return {
    json: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReportJson,
    md: readFileSync(join(dir, 'report.md'), 'utf8'),
  };
}

// A tiny street: one community (0.01° × 0.006°) split into a west and an east grid at 116.305°E.
const W = 116.3;
const E = 116.31;
const S = 39.83;
const N = 39.836;
const rect = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const collection = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (properties: Record<string, unknown>, geometry: object) => ({
  type: 'Feature',
  id: properties.id,
  properties,
  geometry,
});
const building = (id: string, x: number, households: number, residents = households * 2.5) =>
  feature(
    {
      id,
      name: `西园${id}号楼`,
      address: `丰台区西园路${id}号楼`,
      communityId: '110106012001',
      yearBuilt: 1998,
      property: '物业',
      floors: 6,
      units: 3,
      households,
      residents,
      difficultHouseholds: 3,
      specialHouseholds: 1,
    },
    rect(x, 39.833, x + 0.0006, 39.8332),
  );

/** Writes a street folder; `eastEdge` is where the east grid begins (116.305 tiles the community). */
function writeStreet(name: string, eastEdge = 116.305, extra: Record<string, string> = {}) {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'street.geojson': collection([
      feature({ id: '110106012', name: '测试街道', district: '丰台区' }, rect(W, S, E, N)),
    ]),
    'communities.geojson': collection([
      feature({ id: '110106012001', name: '西园社区', streetId: '110106012' }, rect(W, S, E, N)),
    ]),
    'grids.geojson': collection([
      feature(
        {
          id: '110106012001001',
          name: '西园001',
          communityId: '110106012001',
          type: '综合网格',
          workers: 2,
          leader: '张001',
        },
        rect(W, S, 116.305, N),
      ),
      feature(
        {
          id: '110106012001002',
          name: '西园002',
          communityId: '110106012001',
          type: '综合网格',
          workers: 2,
          leader: '张002',
        },
        rect(eastEdge, S, E, N),
      ),
    ]),
    'buildings.geojson': collection([
      building('B01', 116.301, 400),
      building('B02', 116.307, 200),
      building('B03', 116.3085, 200),
    ]),
    'README.md': '# not a layer',
    ...extra,
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('check CLI on tiny streets', () => {
  it('passes a clean plan (exit 0) and writes both reports with its figures', () => {
    const dir = writeStreet('clean');
    const out = join(TMP, 'clean-out');
    const run = check([dir, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('网格覆盖与工作量检查报告 — 测试街道');
    expect(run.stdout).toContain('结论：规则通过');
    expect(run.stdout).toContain('户数 800');
    expect(run.stdout).toContain(`报告已写入 ${out}`);
    const { json, md } = readReport(out);
    expect(json.verdict).toMatchObject({ passed: true, violations: 0, loadErrors: 0 });
    expect(json.sourceFiles.map((f) => f.slice(dir.length + 1))).toEqual([
      'buildings.geojson',
      'communities.geojson',
      'grids.geojson',
      'street.geojson',
    ]);
    expect(json.street).toMatchObject({ grids: 2, households: 800, residents: 2000 });
    expect(json.street.gapAreaM2).toBeLessThan(1);
    expect(json.problems).toEqual([]);
    expect(json.loadProblems).toEqual([]);
    const [community] = json.communities;
    expect(community!.gridAreaInsideM2).toBeCloseTo(community!.areaM2, 0);
    // 0.01° × 0.006° at 39.83°N: about 855 m × 666 m.
    expect(community!.areaM2).toBeGreaterThan(560_000);
    expect(community!.areaM2).toBeLessThan(580_000);
    expect(json.assignments.map((a) => [a.buildingId, a.gridId, a.status])).toEqual([
      ['B01', '110106012001001', 'inside'],
      ['B02', '110106012001002', 'inside'],
      ['B03', '110106012001002', 'inside'],
    ]);
    expect(md).toContain('**结论：规则通过**');
    expect(md).toContain('| 户数 | 800 |');
    expect(md).toContain('| 西园社区（110106012001） | 2 |');
    // Deterministic: a second run writes the same bytes.
    const again = join(TMP, 'clean-again');
    expect(check([dir, `--out=${again}`]).code).toBe(0);
    expect(readFileSync(join(again, 'report.json'), 'utf8')).toBe(
      readFileSync(join(out, 'report.json'), 'utf8'),
    );
  });

  it('fails a plan with a gap (exit 1), lists it in both reports, and speaks English on request', () => {
    const dir = writeStreet('gap', 116.3055);
    const out = join(TMP, 'gap-out');
    const run = check([dir, '--lang', 'en', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Verdict: 1 rule violation');
    expect(run.stdout).toMatch(
      /\[error\] Gap of 28,\d{3} m²: In community 西园社区 \(110106012001\)/,
    );
    expect(run.stdout).toContain('between grids 110106012001001 and 110106012001002');
    expect(run.stdout).not.toMatch(/[结论问题]/);
    const { json, md } = readReport(out);
    const gaps = json.problems.filter((p: CoverageProblem) => p.kind === 'gap');
    expect(gaps).toHaveLength(1);
    // A 0.0005° × 0.006° strip: about 42.7 m × 666 m.
    expect(gaps[0]!.areaM2).toBeGreaterThan(28_000);
    expect(gaps[0]!.areaM2).toBeLessThan(28_900);
    expect(gaps[0]!.gridIds).toEqual(['110106012001001', '110106012001002']);
    expect(json.verdict).toMatchObject({ passed: false, violations: 1 });
    expect(json.communities[0]!.gapAreaM2).toBeCloseTo(gaps[0]!.areaM2!, 3);
    expect(md).toContain('**Verdict: 1 rule violation**');
    expect(md).toContain('### Gaps between grids (1)');
    expect(md).toMatch(/- \*\*error\*\* Gap of 28,\d{3} m²/);
  });

  it('reports bad features with file, feature and reason, and fails (exit 1)', () => {
    const bad = collection([
      building('B01', 116.301, 400),
      building('B02', 116.307, -5, 12),
      building('B03', 116.3085, 200),
    ]);
    const dir = writeStreet('bad-feature', 116.305, { 'buildings.geojson': bad });
    const run = check([dir, '--out', join(TMP, 'bad-feature-out')]);
    expect(run.code).toBe(1);
    // B02 is set aside, so the east grid keeps 200 households: below the band.
    expect(run.stdout).toContain('结论：1 项违规（另有 1 个输入错误）');
    expect(run.stdout).toContain(
      `[错误] ${join(dir, 'buildings.geojson')} 第 2 个要素（B02）：字段 households 为负数（-5），户数不能为负。`,
    );
    expect(run.stdout).toContain('综合网格 110106012001002 只有 200 户');
  });

  it('names a file that is not JSON and stops when the grids cannot be read (exit 2)', () => {
    const dir = writeStreet('not-json', 116.305, {
      'grids.geojson': '{"type": "FeatureCollection",',
    });
    const out = join(TMP, 'not-json-out');
    const run = check([dir, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`文件 ${join(dir, 'grids.geojson')} 不是有效的 JSON`);
    expect(run.stderr).toContain('无法检查：没有可用的网格图层');
    expect(existsSync(out)).toBe(false);
    const en = check([dir, '--lang=en', '--out', out]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`${join(dir, 'grids.geojson')} is not valid JSON`);
    expect(en.stderr).toContain('The check cannot run: no usable grid layer');
  });

  it('checks the rest but fails when one extra file is not JSON (exit 1)', () => {
    const dir = writeStreet('extra-file', 116.305, { 'notes.json': 'not json at all' });
    const run = check([dir, '--lang', 'en', '--out', join(TMP, 'extra-out')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Not passed: 1 input error');
    expect(run.stdout).toContain(`[error] File ${join(dir, 'notes.json')} is not valid JSON`);
  });

  it('gives usage errors and unreadable paths exit 2 with a clear message', () => {
    const none = check([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有给出要检查的文件夹或文件');
    const lang = check(['data', '--lang', 'fr']);
    expect([lang.code, lang.stderr.split('\n')[0]]).toEqual([
      2,
      '不支持的语言“fr”，--lang 只能是 zh 或 en。',
    ]);
    const missing = check([join(TMP, 'nowhere'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `Cannot read ${join(TMP, 'nowhere')}: no such file or folder (ENOENT)`,
    );
    const empty = join(TMP, 'empty');
    mkdirSync(empty);
    expect(check([empty]).stderr).toContain(`文件夹 ${empty} 中没有 .geojson 或 .json 文件`);
    const help = check(['--help', '--lang=en']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run check -- <folder or files…>');
  });
});

describe('check CLI on the sample street (data/)', () => {
  const out = join(TMP, 'sample-out');
  let run: ReturnType<typeof check>;
  let json: ReportJson;
  let md: string;
  beforeAll(() => {
    run = check([join(ROOT, 'data'), '--out', out]);
    ({ json, md } = readReport(out));
  });
  const ofKind = (kind: CoverageProblem['kind']) => json.problems.filter((p) => p.kind === kind);

  it('fails with the four deliberate faults and nothing else', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('结论：5 项违规');
    expect(json.verdict).toMatchObject({ passed: false, violations: 5, loadErrors: 0 });
    expect(json.problems.map((p) => p.kind).sort()).toEqual([
      'gap',
      'gap',
      'households-above',
      'overlap',
      'unassigned-building',
    ]);
  });

  it('finds the gap between 110106090008001 and 110106090008002 (about 302 m²)', () => {
    const gap = ofKind('gap').find((p) => p.communityId === '110106090008')!;
    expect(gap.gridIds).toEqual(['110106090008001', '110106090008002']);
    expect(Math.abs(gap.areaM2! - 302)).toBeLessThan(10);
    expect(md).toMatch(
      /网格缺口 30\d m²：嘉禾里社区（110106090008）内 110106090008001 与 110106090008002 之间有 30\d m²/,
    );
  });

  it('finds 110106090004005 reaching over 110106090004004 (about 345 m²)', () => {
    const [overlap] = ofKind('overlap');
    expect(overlap!.communityId).toBe('110106090004');
    expect([...overlap!.gridIds].sort()).toEqual(['110106090004004', '110106090004005']);
    expect(Math.abs(overlap!.areaM2! - 345)).toBeLessThan(10);
    expect(run.stdout).toMatch(
      /网格重叠 3[45]\d m²：桃源里社区（110106090004）内 11010609000400[45]/,
    );
  });

  it('finds grid 110106090005003 above the band with 964 households', () => {
    const [above] = ofKind('households-above');
    expect(above).toMatchObject({ gridIds: ['110106090005003'], value: 964 });
    const grid = json.grids.find((g) => g.gridId === '110106090005003')!;
    expect(grid).toMatchObject({ households: 964, band: 'above', householdsDeviation: 464 });
    expect(md).toContain('| 110106090005003 | 槐花社区（110106090005） | 964 |');
    expect(run.stdout).toContain('综合网格 110106090005003 有 964 户，高于 300–500 户的规范上限');
  });

  it('finds B0001 unassigned in the corner gap of 110106090001 (about 4,894 m²)', () => {
    const [unassigned] = ofKind('unassigned-building');
    expect(unassigned).toMatchObject({ buildingIds: ['B0001'], communityId: '110106090001' });
    const corner = ofKind('gap').find((p) => p.communityId === '110106090001')!;
    expect(Math.abs(corner.areaM2! - 4894)).toBeLessThan(4894 * 0.01);
    const community = json.communities.find((c) => c.communityId === '110106090001')!;
    expect(community.unassignedBuildingIds).toEqual(['B0001']);
    expect(md).toContain('| 安澜里社区（110106090001） | 4 |');
    expect(md).toContain('1（B0001）');
    expect(run.stdout).toContain('安澜里社区（110106090001）的楼栋 B0001（36 户）不在任何网格内');
    expect(json.street.unassignedBuildings).toBe(1);
  });
});
