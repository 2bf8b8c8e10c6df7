/**
 * The page of a slide as it is exported (PNG, PDF, print): a list of things to draw in design
 * units — the title with a red rule under it, the period, the briefing's title and the page, the
 * map with its legend, scale bar and north arrow drawn over it, a column of key figures and the
 * note, and a footer with the data source and the generation time. The PNG, the PDF and the
 * printed page draw the same list, so they look the same. Pure: text widths come from `measure`.
 */
import { fitText, wrapText, type Measure } from './text-fit.ts';

/** A page 1920 design units wide: 16:9 (1080 high) or landscape A4 (1358 high). */
export const PAPERS = { '16:9': { width: 1920, height: 1080 }, a4: { width: 1920, height: 1358 } };
export type Paper = keyof typeof PAPERS;

/** The widest a scale bar is drawn, in design units (the map is drawn one CSS pixel a unit). */
export const SCALE_BAR_MAX = 220;

export interface SheetFigure {
  label: string;
  value: string;
  detail?: string;
}

export interface LegendSection {
  title: string;
  rows: { color: string; label: string }[];
}

/** What a page says; every text already in the reader's language. */
export interface SheetContent {
  title: string;
  note: string;
  /** The period and scope under the title (考核月, 方案 …). */
  period: string;
  briefingTitle: string;
  /** "3 / 10". */
  page: string;
  figures: SheetFigure[];
  legend: LegendSection[];
  /** The scale bar's width in design units and its label ("500 米"). */
  scale: { px: number; label: string };
  /** The map's bearing in degrees (the north arrow turns with it) and the arrow's letter. */
  bearing: number;
  north: string;
  source: string;
  generated: string;
}

export type SheetItem =
  | { kind: 'map'; x: number; y: number; w: number; h: number }
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: string;
      stroke?: string;
      lineWidth?: number;
      opacity?: number;
    }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | { kind: 'polygon'; points: [number, number][]; fill: string }
  | {
      kind: 'text';
      x: number;
      /** The baseline. */
      y: number;
      text: string;
      size: number;
      color: string;
      align: 'left' | 'right' | 'center';
    };

export interface SheetLayout {
  width: number;
  height: number;
  items: SheetItem[];
  /** Where the map goes: the map is drawn at this size in CSS pixels. */
  map: { x: number; y: number; w: number; h: number };
  /** Texts cut to fit (their end replaced by "…"). */
  cut: ('title' | 'note')[];
}

const COLORS = {
  ink: '#13263f',
  muted: '#4b5563',
  faint: '#6b7280',
  rule: '#c8102e',
  line: '#d1d5db',
  panel: '#f3f4f6',
  white: '#ffffff',
};
const MARGIN = 48;
const COLUMN = 500;
const GAP = 28;
const LEADING = 1.3;
/** A figure's value: the largest size at which it fits one line, else wrapped at the last. */
const VALUE_SIZES = [40, 34, 28];
const WRAPPED_VALUE_SIZE = 24;

/**
 * The page of one slide.
 * @example
 * const page = layoutSheet(content, '16:9', measure);
 * page.map; // { x: 48, y: 186, w: 1296, h: 818 } for a one-line title
 */
export function layoutSheet(content: SheetContent, paper: Paper, measure: Measure): SheetLayout {
  const { width, height } = PAPERS[paper];
  const items: SheetItem[] = [];
  const cut: SheetLayout['cut'] = [];
  const text = (
    x: number,
    y: number,
    value: string,
    size: number,
    color: string,
    align: 'left' | 'right' | 'center' = 'left',
  ) => items.push({ kind: 'text', x, y, text: value, size, color, align });

  // Header: title (up to two lines), period; the briefing's title and the page on the right.
  const side = 420;
  const title = fitText(
    content.title,
    width - 2 * MARGIN - side,
    2 * 56 * LEADING,
    [52, 46, 40, 34],
    measure,
    LEADING,
  );
  if (title.cut) cut.push('title');
  let y = MARGIN;
  for (const line of title.lines) {
    y += title.size;
    text(MARGIN, y, line, title.size, COLORS.ink);
    y += title.size * (LEADING - 1);
  }
  y += 30;
  text(MARGIN, y, content.period, 24, COLORS.muted);
  const brief = fitText(content.briefingTitle, side - 20, 24, [20, 18, 16], measure, 1.2);
  text(
    width - MARGIN,
    MARGIN + brief.size,
    brief.lines[0] ?? '',
    brief.size,
    COLORS.faint,
    'right',
  );
  text(width - MARGIN, MARGIN + 58, content.page, 26, COLORS.ink, 'right');
  y += 18;
  items.push({
    kind: 'line',
    x1: MARGIN,
    y1: y,
    x2: width - MARGIN,
    y2: y,
    color: COLORS.rule,
    width: 3,
  });

  // Body: the map on the left, the figures and the note on the right.
  const top = y + 24;
  const bottom = height - 76;
  const map = { x: MARGIN, y: top, w: width - 2 * MARGIN - COLUMN - GAP, h: bottom - top };
  items.push({ kind: 'map', ...map });
  items.push({ kind: 'rect', ...map, stroke: COLORS.line, lineWidth: 1 });
  items.push(...legendItems(content.legend, map, measure));
  items.push(...scaleItems(content.scale, map));
  items.push(...northItems(content.bearing, content.north, map));

  const columnX = width - MARGIN - COLUMN;
  let fy = top;
  for (const figure of content.figures) {
    fy += 20;
    text(columnX, fy, figure.label, 20, COLORS.faint);
    // One line in large type when it fits, else up to three lines in smaller type.
    const large = VALUE_SIZES.find((size) => measure(figure.value, size) <= COLUMN);
    const size = large ?? WRAPPED_VALUE_SIZE;
    const lines = large
      ? [figure.value]
      : wrapText(figure.value, COLUMN, measure, size).slice(0, 3);
    for (const line of lines) {
      fy += size * 1.15;
      text(columnX, fy, line, size, COLORS.ink);
    }
    if (figure.detail) {
      fy += 28;
      text(columnX, fy, figure.detail, 20, COLORS.muted);
    }
    fy += 22;
  }
  if (content.note.trim()) {
    const boxTop = fy + 8;
    const pad = 18;
    const note = fitText(
      content.note,
      COLUMN - 2 * pad,
      bottom - boxTop - 2 * pad,
      [26, 24, 22, 20, 18, 16],
      measure,
      1.45,
    );
    if (note.cut) cut.push('note');
    // The box holds the note's lines (1.45 × size apart), no more.
    const boxHeight = Math.min(bottom - boxTop, note.lines.length * note.size * 1.45 + 2 * pad);
    items.push({
      kind: 'rect',
      x: columnX,
      y: boxTop,
      w: COLUMN,
      h: boxHeight,
      fill: COLORS.panel,
    });
    items.push({ kind: 'rect', x: columnX, y: boxTop, w: 5, h: boxHeight, fill: COLORS.rule });
    let ny = boxTop + pad;
    for (const line of note.lines) {
      ny += note.size * 1.1;
      text(columnX + pad, ny, line, note.size, COLORS.ink);
      ny += note.size * 0.35;
    }
  }

  // Footer: the data source on the left, the generation time on the right.
  items.push({
    kind: 'line',
    x1: MARGIN,
    y1: height - 56,
    x2: width - MARGIN,
    y2: height - 56,
    color: COLORS.line,
    width: 1,
  });
  const source = fitText(content.source, width - 2 * MARGIN - 560, 24, [18, 16, 14], measure, 1.2);
  text(MARGIN, height - 26, source.lines[0] ?? '', source.size, COLORS.faint);
  text(width - MARGIN, height - 26, content.generated, 18, COLORS.faint, 'right');
  return { width, height, items, map, cut };
}

type Box = { x: number; y: number; w: number; h: number };

/** The legend in a white box in the map's lower left corner. */
function legendItems(sections: readonly LegendSection[], map: Box, measure: Measure): SheetItem[] {
  if (sections.length === 0) return [];
  const pad = 14;
  const row = 26;
  const swatch = { w: 26, h: 16 };
  const widths = sections.flatMap((s) => [
    measure(s.title, 18),
    ...s.rows.map((r) => swatch.w + 10 + measure(r.label, 17)),
  ]);
  const w = Math.min(map.w / 2, Math.max(...widths) + 2 * pad);
  const h = sections.reduce((sum, s) => sum + 30 + s.rows.length * row, 0) + 2 * pad - 6;
  const x = map.x + 16;
  let y = map.y + map.h - 16 - h;
  const items: SheetItem[] = [
    { kind: 'rect', x, y, w, h, fill: COLORS.white, opacity: 0.9 },
    { kind: 'rect', x, y, w, h, stroke: COLORS.line, lineWidth: 1 },
  ];
  y += pad;
  for (const section of sections) {
    y += 20;
    items.push({
      kind: 'text',
      x: x + pad,
      y,
      text: section.title,
      size: 18,
      color: COLORS.ink,
      align: 'left',
    });
    y += 10;
    for (const r of section.rows) {
      items.push({
        kind: 'rect',
        x: x + pad,
        y: y + 4,
        w: swatch.w,
        h: swatch.h,
        fill: r.color,
        stroke: '#9ca3af',
        lineWidth: 0.5,
      });
      items.push({
        kind: 'text',
        x: x + pad + swatch.w + 10,
        y: y + 18,
        text: r.label,
        size: 17,
        color: COLORS.muted,
        align: 'left',
      });
      y += row;
    }
  }
  return items;
}

/** The scale bar in the map's lower right corner. */
function scaleItems(scale: SheetContent['scale'], map: Box): SheetItem[] {
  const right = map.x + map.w - 24;
  const base = map.y + map.h - 26;
  const left = right - scale.px;
  return [
    {
      kind: 'rect',
      x: left - 14,
      y: base - 44,
      w: scale.px + 28,
      h: 56,
      fill: COLORS.white,
      opacity: 0.85,
    },
    {
      kind: 'text',
      x: (left + right) / 2,
      y: base - 16,
      text: scale.label,
      size: 18,
      color: COLORS.ink,
      align: 'center',
    },
    { kind: 'line', x1: left, y1: base, x2: right, y2: base, color: COLORS.ink, width: 3 },
    {
      kind: 'line',
      x1: left,
      y1: base - 10,
      x2: left,
      y2: base + 1.5,
      color: COLORS.ink,
      width: 3,
    },
    {
      kind: 'line',
      x1: right,
      y1: base - 10,
      x2: right,
      y2: base + 1.5,
      color: COLORS.ink,
      width: 3,
    },
  ];
}

/** The north arrow in the map's upper right corner, turned against the map's bearing. */
function northItems(bearing: number, letter: string, map: Box): SheetItem[] {
  const cx = map.x + map.w - 52;
  const cy = map.y + 70;
  const turn = (-bearing * Math.PI) / 180;
  const at = ([x, y]: [number, number]): [number, number] => [
    cx + x * Math.cos(turn) - y * Math.sin(turn),
    cy + x * Math.sin(turn) + y * Math.cos(turn),
  ];
  return [
    { kind: 'rect', x: cx - 30, y: cy - 58, w: 60, h: 96, fill: COLORS.white, opacity: 0.85 },
    { kind: 'text', x: cx, y: cy - 34, text: letter, size: 20, color: COLORS.ink, align: 'center' },
    {
      kind: 'polygon',
      points: [at([0, -26]), at([13, 24]), at([0, 14]), at([-13, 24])],
      fill: COLORS.ink,
    },
  ];
}
