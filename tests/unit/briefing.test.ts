// The briefing's slides as data: added after a given slide or at the end, moved within bounds,
// duplicated right after the original under a new id, edited within the length limits, deleted.
import { describe, expect, it } from 'vitest';
import {
  addSlide,
  deleteSlide,
  duplicateSlide,
  editSlide,
  moveSlide,
  newBriefing,
  NOTE_MAX,
  renameBriefing,
  TITLE_MAX,
  type Slide,
  type SlideView,
} from '../../src/briefing/briefing.ts';

const T0 = '2026-11-30T08:00:00.000Z';
const T1 = '2026-11-30T08:05:00.000Z';

const VIEW: SlideView = {
  camera: { center: [116.31, 39.85], zoom: 14.2, bearing: 0, pitch: 0 },
  layers: { grids: { visible: true, opacity: 1 }, workOrders: { visible: false, opacity: 0.6 } },
  metric: 'ordersPerThousand',
  tab: 'complaints',
  planId: null,
  complaints: {
    month: '2026-10',
    filter: { category2: '停车管理' },
    mapMode: 'hexagons',
    hexagonM: 100,
    playback: null,
  },
};

const slide = (id: string, title = id): Slide => ({ id, title, note: '', view: VIEW });

describe('a briefing', () => {
  const three = [slide('a'), slide('b'), slide('c')].reduce(
    (b, s) => addSlide(b, s, T0),
    newBriefing('br1', 'key', ' 10月接诉即办汇报 ', T0),
  );

  it('holds its slides in order, with the title trimmed', () => {
    expect(three.title).toBe('10月接诉即办汇报');
    expect(three.slides.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(addSlide(three, slide('x'), T1, 'a').slides.map((s) => s.id)).toEqual([
      'a',
      'x',
      'b',
      'c',
    ]);
  });

  it('moves, duplicates and deletes slides, stamping the change', () => {
    const moved = moveSlide(three, 2, 0, T1);
    expect(moved.slides.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(moved.updatedAt).toBe(T1);
    expect(moveSlide(three, 0, 99, T1).slides.map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(moveSlide(three, 1, 1, T1)).toBe(three);
    const copied = duplicateSlide(three, 'a', 'a2', T1);
    expect(copied.slides.map((s) => s.id)).toEqual(['a', 'a2', 'b', 'c']);
    expect(copied.slides[1]!.view).toEqual(VIEW);
    expect(copied.slides[1]!.view).not.toBe(VIEW);
    expect(deleteSlide(three, 'b', T1).slides.map((s) => s.id)).toEqual(['a', 'c']);
    expect(() => deleteSlide(three, 'zz', T1)).toThrow(RangeError);
    // The original is untouched.
    expect(three.slides.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps titles and notes within their limits', () => {
    const long = '网'.repeat(TITLE_MAX + 5);
    const edited = editSlide(three, 'b', { title: long, note: '注'.repeat(NOTE_MAX + 1) }, T1);
    expect([...edited.slides[1]!.title]).toHaveLength(TITLE_MAX);
    expect([...edited.slides[1]!.note]).toHaveLength(NOTE_MAX);
    expect(renameBriefing(three, '十一月汇报', T1).title).toBe('十一月汇报');
  });
});
