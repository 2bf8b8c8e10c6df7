// The suggest CLI run as a child process (tsx scripts/suggest.ts): on the sample street in data/
// it repairs the faults and splits the overfull grid (exit 0), and the grids it writes pass
// `npm run check` with the street's other layers; a street too small for one grid exits 1 naming
// the community and the reason; usage errors and missing layers exit 2.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SuggestionFigures } from '../../src/analysis/suggest/suggestion-figures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TMP = mkdtempSync(join(tmpdir(), 'gridatlas-suggest-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function cli(script: 'suggest' | 'check', args: string[]) {
  const run = spawnSync(TSX, [join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

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
const layer = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (properties: Record<string, unknown>, geometry: object) => ({
  type: 'Feature',
  properties,
  geometry,
});

/** One community of 210 households in two grids: fewer than one grid's minimum of 300. */
function writeSmallStreet(): string {
  const dir = join(TMP, 'small');
  mkdirSync(dir, { recursive: true });
  const community = '110106012001';
  const grid = (n: number, x0: number, x1: number) =>
    feature(
      {
        id: `${community}00${n}`,
        communityId: community,
        type: '综合网格',
        workers: 1,
        leader: '李',
      },
      rect(x0, 39.83, x1, 39.836),
    );
  const building = (id: string, x: number, households: number) =>
    feature(
      {
        id,
        communityId: community,
        floors: 6,
        units: 2,
        households,
        residents: households * 2,
        difficultHouseholds: 0,
        specialHouseholds: 0,
      },
      rect(x, 39.833, x + 0.0006, 39.8332),
    );
  const files = {
    'communities.geojson': layer([
      feature(
        { id: community, name: '西园社区', streetId: '110106012' },
        rect(116.3, 39.83, 116.31, 39.836),
      ),
    ]),
    'grids.geojson': layer([grid(1, 116.3, 116.305), grid(2, 116.305, 116.31)]),
    'buildings.geojson': layer([
      building('B01', 116.301, 100),
      building('B02', 116.307, 50),
      building('B03', 116.3085, 60),
    ]),
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('suggest CLI', () => {
  it('suggests a plan for the sample street that npm run check accepts (exit 0)', () => {
    const out = join(TMP, 'sample');
    const run = cli('suggest', ['data', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('户调整网格');
    expect(run.stdout).toContain('每个社区的综合网格都在规范之内。');
    expect(readdirSync(out).sort()).toEqual([
      'changes.csv',
      'changes.md',
      'grids.geojson',
      'suggestion.json',
    ]);
    const figures = JSON.parse(
      readFileSync(join(out, 'suggestion.json'), 'utf8'),
    ) as SuggestionFigures;
    expect(figures.meetsNorms).toBe(true);
    expect(figures.check).toMatchObject({ passed: true, violations: 0 });
    expect(figures.grids).toMatchObject({ before: 46, after: 47, added: 1 });
    // The change report lists every building that changes grid, with its households.
    const rows = readFileSync(join(out, 'changes.csv'), 'utf8').trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(figures.buildingsMoved);
    const households = rows.reduce((sum, row) => sum + Number(row.split(',')[5]), 0);
    expect(households).toBe(figures.householdsMoved);
    expect(readFileSync(join(out, 'changes.md'), 'utf8')).toContain(
      '对比方案：现状（调整前）→ 建议方案（调整后）',
    );

    const layers = readdirSync('data')
      .filter((f) => f.endsWith('.geojson') && f !== 'grids.geojson')
      .map((f) => join('data', f));
    const check = cli('check', [
      ...layers,
      join(out, 'grids.geojson'),
      '--out',
      join(TMP, 'check'),
    ]);
    expect(check.stdout).toContain('结论：规则通过');
    expect(check.code).toBe(0);
  });

  it('names a community that cannot meet the norms, with the reason (exit 1)', () => {
    const dir = writeSmallStreet();
    const zh = cli('suggest', [dir, '--out', join(TMP, 'small-out')]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('1 个社区无法全部达标：');
    expect(zh.stdout).toContain('1 栋楼、100 户调整网格。');
    expect(zh.stdout).toContain(
      '西园社区（110106012001）：全社区只有 210 户，不到一个网格的下限 300 户',
    );
    const en = cli('suggest', [dir, '--lang', 'en', '--out', join(TMP, 'small-out-en')]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('1 building with 100 households changes grid.');
    expect(en.stdout).toContain('One community cannot meet the norms:');
    expect(en.stdout).toContain(
      "西园社区 (110106012001): the whole community has 210 households, fewer than one grid's minimum of 300",
    );
    const figures = JSON.parse(
      readFileSync(join(TMP, 'small-out-en', 'suggestion.json'), 'utf8'),
    ) as SuggestionFigures;
    expect(figures.communities[0]).toMatchObject({
      gridsBefore: 2,
      gridsAfter: 1,
      shortfall: { code: 'too-few-households', params: { households: 210, min: 300 } },
    });
  });

  it('cannot run without buildings, or with an unknown option (exit 2)', () => {
    const dir = writeSmallStreet();
    const noBuildings = cli('suggest', [
      join(dir, 'communities.geojson'),
      join(dir, 'grids.geojson'),
    ]);
    expect(noBuildings.code).toBe(2);
    expect(noBuildings.stderr).toContain('无法计算建议方案：没有可用的楼栋图层');
    const unknown = cli('suggest', [dir, '--fast']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('无法识别的选项 --fast。');
  });
});
