/**
 * The exported page of a slide: the scale bar against metres per pixel worked out by hand, text
 * broken and fitted into boxes, the page's layout (map box, legend, scale bar, north arrow turned
 * with the bearing, texts, a note cut with "…"), and the PDF written from it with the shipped
 * font embedded.
 */
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from '../../src/briefing/scale-bar.ts';
import { layoutSheet, type SheetContent, type SheetItem } from '../../src/briefing/sheet-layout.ts';
import { sheetsPdf } from '../../src/briefing/sheet-pdf.ts';
import { fitText, wrapText, type Measure } from '../../src/briefing/text-fit.ts';

/** A CJK character is one em wide, anything else half an em. */
const measure: Measure = (text, size) =>
  [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(c) ? 1 : 0.5), 0) * size;

const content = (patch: Partial<SheetContent> = {}): SheetContent => ({
  title: '网格户数分布',
  note: '北部网格户数偏多，建议调整',
  period: '榆汀街道 · 方案：现状',
  briefingTitle: '10月接诉即办汇报',
  page: '1 / 3',
  figures: [
    { label: '网格', value: '46' },
    { label: '工单量 · 2026-10', value: '869', detail: '环比 −10.6%' },
  ],
  legend: [
    {
      title: '户数',
      rows: [
        { color: '#c6e5c1', label: '300 – 400' },
        { color: '#74c476', label: '400 – 500' },
      ],
    },
  ],
  scale: { px: 140, label: '500 米' },
  bearing: 0,
  north: '北',
  source: '数据来源：grids.geojson',
  generated: '生成时间：2026年12月1日 10:00',
  ...patch,
});

const texts = (items: SheetItem[]) => items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));

describe('scale bar', () => {
  it('spans the metres a pixel covers at the latitude and zoom', () => {
    // Equator, zoom 0: the ellipsoid's equator (2π × 6,378,137 m) over one 512-pixel tile.
    expect(metresPerPixel(0, 0)).toBeCloseTo((2 * Math.PI * 6_378_137) / 512, 3);
    // 39.95° N, zoom 15: 1.8337 m a pixel (the parallel's radius on WGS 84).
    expect(metresPerPixel(39.95, 15)).toBeCloseTo(1.83369, 4);
  });

  it('takes the longest 1, 2 or 5 × 10ⁿ metres that fits', () => {
    const bar = scaleBar(39.95, 15, 200); // 200 px = 366.7 m
    expect(bar.metres).toBe(200);
    expect(bar.px).toBeCloseTo(200 / 1.83369, 1);
    expect(scaleBar(39.95, 15, 300).metres).toBe(500); // 550 m
    expect(scaleBar(39.95, 12, 220).metres).toBe(2000); // 3,227 m
  });
});

describe('text fitting', () => {
  it('breaks Chinese between any characters and Latin text at spaces', () => {
    expect(wrapText('网格员每日巡查', 3, measure, 1)).toEqual(['网格员', '每日巡', '查']);
    expect(wrapText('grid 12 of 46', 4, measure, 1)).toEqual(['grid 12', 'of 46']);
    expect(wrapText('第一行\n第二行', 10, measure, 1)).toEqual(['第一行', '第二行']);
  });

  it('takes the largest size whose lines fit, and cuts with "…" when none does', () => {
    expect(fitText('网格员每日巡查', 7, 1.4, [2, 1], measure)).toEqual({
      size: 1,
      lines: ['网格员每日巡查'],
      cut: false,
    });
    const cut = fitText('网格员每日巡查走访', 3, 2.8, [1], measure);
    expect(cut).toEqual({ size: 1, lines: ['网格员', '每日…'], cut: true });
  });
});

describe('sheet layout', () => {
  it('puts the map left of the figure column, between the title and the footer', () => {
    const page = layoutSheet(content(), '16:9', measure);
    expect([page.width, page.height]).toEqual([1920, 1080]);
    expect(page.map.x).toBe(48);
    expect(page.map.w).toBe(1920 - 96 - 500 - 28);
    expect(page.map.y + page.map.h).toBe(1080 - 76);
    const all = texts(page.items);
    for (const words of [
      '网格户数分布',
      '1 / 3',
      '869',
      '环比 −10.6%',
      '500 米',
      '北',
      '300 – 400',
    ])
      expect(all).toContain(words);
    expect(page.cut).toEqual([]);
    // A4 landscape: the same width, a taller map.
    const a4 = layoutSheet(content(), 'a4', measure);
    expect(a4.height).toBe(1358);
    expect(a4.map.h - page.map.h).toBeCloseTo(1358 - 1080, 6);
  });

  it('draws the scale bar at its width and turns the north arrow against the bearing', () => {
    const page = layoutSheet(content({ bearing: 90 }), '16:9', measure);
    const bar = page.items.find(
      (i): i is Extract<SheetItem, { kind: 'line' }> =>
        i.kind === 'line' && i.width === 3 && i.y1 === i.y2 && i.x2 - i.x1 === 140,
    );
    expect(bar).toBeDefined();
    const arrow = page.items.find((i) => i.kind === 'polygon');
    if (arrow?.kind !== 'polygon') throw new Error('no north arrow');
    const [tip, left] = arrow.points;
    // Map turned 90° (east up): north points to the left of the page.
    expect(tip![0]).toBeLessThan(left![0] - 20);
  });

  it('cuts a note that cannot fit even at the smallest size, and says so', () => {
    const note = Array.from({ length: 60 }, (_, i) => `第${i + 1}条意见`).join('\n');
    const page = layoutSheet(content({ note }), '16:9', measure);
    expect(page.cut).toEqual(['note']);
    expect(texts(page.items).some((t) => t.endsWith('…'))).toBe(true);
  });
});

describe('PDF', () => {
  it('writes one 16:9 page a slide with the map and the shipped font embedded', async () => {
    const font = new Uint8Array(readFileSync('public/fonts/wqy-microhei.ttf'));
    const mapJpeg = new Uint8Array(readFileSync('tests/fixtures/briefing/map-16x9.jpg'));
    const pages = [content(), content({ title: '人口 · 现状', page: '2 / 3' })].map((c) => ({
      layout: layoutSheet(c, '16:9', measure),
      mapJpeg,
    }));
    const bytes = await sheetsPdf(pages, '16:9', font, {
      title: '10月接诉即办汇报',
      lang: 'zh-CN',
      creator: '网格治理地图',
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(0).getSize()).toEqual({ width: 960, height: 540 });
    expect(doc.getTitle()).toBe('10月接诉即办汇报');
    // The TrueType glyphs embedded, with a map back to Unicode so the text can be searched.
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((o): o is PDFDict => o instanceof PDFDict);
    const descriptor = fonts.find((d) => d.has(PDFName.of('FontFile2')));
    expect(descriptor?.get(PDFName.of('FontName'))?.toString()).toMatch(/^\/WenQuanYiMicroHei/);
    expect(fonts.some((d) => d.has(PDFName.of('ToUnicode')))).toBe(true);
    // A subset: far smaller than the 4.6 MB font.
    expect(bytes.length).toBeLessThan(200_000);
  });
});
