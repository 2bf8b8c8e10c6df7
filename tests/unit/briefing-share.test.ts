// A view in a link and a briefing in a file: both read back exactly what was written (Chinese
// filter values included), and what is not a view or a briefing of this version is refused with
// the reason, never half-read.
import { describe, expect, it } from 'vitest';
import { briefingProblem, slideViewProblem } from '../../src/briefing/briefing-checks.ts';
import { briefingFileText, readBriefingFile } from '../../src/briefing/briefing-file.ts';
import { addSlide, newBriefing, type SlideView } from '../../src/briefing/briefing.ts';
import { viewFromHash, viewHash } from '../../src/briefing/view-link.ts';

const VIEW: SlideView = {
  camera: { center: [116.306, 39.849], zoom: 15.5, bearing: 0, pitch: 0 },
  layers: { grids: { visible: true, opacity: 1 }, buildings: { visible: false, opacity: 0.5 } },
  metric: 'compositeScore',
  tab: 'complaints',
  planId: 'plan-7',
  complaints: {
    month: '2026-10',
    filter: { category1: '交通管理', category2: '停车管理', sources: ['12345热线'] },
    mapMode: 'hexagons',
    hexagonM: 50,
    playback: { step: 'week', mode: 'cumulative', months: 6 },
  },
};
const T = '2026-11-30T08:00:00.000Z';

describe('a view in a link', () => {
  it('reads back the same view, and nothing from a hash that is not one', () => {
    const hash = viewHash(VIEW);
    expect(hash).toMatch(/^#view=[A-Za-z0-9_-]+$/);
    expect(viewFromHash(hash)).toEqual(VIEW);
    expect(viewFromHash('#plans')).toBeNull();
    expect(viewFromHash('#view=not-base64!')).toBeNull();
    const broken = viewHash({ ...VIEW, camera: { ...VIEW.camera, zoom: 99 } });
    expect(viewFromHash(broken)).toBeNull();
  });

  it('names the first thing wrong with a view', () => {
    expect(slideViewProblem(VIEW)).toBeNull();
    expect(slideViewProblem({ ...VIEW, camera: { center: [200, 0], zoom: 3 } })).toBe(
      'camera off the earth',
    );
    expect(slideViewProblem({ ...VIEW, layers: { grids: { visible: 'yes', opacity: 1 } } })).toBe(
      'layers are not shown or hidden',
    );
    expect(
      slideViewProblem({ ...VIEW, complaints: { ...VIEW.complaints!, mapMode: 'contour' } }),
    ).toBe('unknown map mode');
  });
});

describe('a briefing in a file', () => {
  const briefing = addSlide(
    newBriefing('b1', 'key', '十月汇报', T),
    { id: 's1', title: '停车管理', note: '北区集中', view: VIEW },
    T,
  );

  it('reads back the briefing it was written from', () => {
    expect(briefingProblem(briefing)).toBeNull();
    expect(readBriefingFile(briefingFileText(briefing))).toEqual({ ok: true, briefing });
  });

  it('refuses what is not a briefing of this version, with the reason', () => {
    expect(readBriefingFile('{')).toMatchObject({ ok: false, problem: { code: 'not-json' } });
    expect(readBriefingFile('{"format":"geojson"}')).toMatchObject({
      ok: false,
      problem: { code: 'not-briefing' },
    });
    const newer = JSON.stringify({ format: 'gridatlas-briefing', version: 9, briefing });
    expect(readBriefingFile(newer)).toMatchObject({ ok: false, problem: { code: 'too-new' } });
    const noCamera = JSON.parse(briefingFileText(briefing)) as { briefing: typeof briefing };
    (noCamera.briefing.slides[0]!.view as { camera: unknown }).camera = null;
    expect(readBriefingFile(JSON.stringify(noCamera))).toEqual({
      ok: false,
      problem: { code: 'not-briefing', reason: 'slide 1: no camera' },
    });
  });
});
