/**
 * A briefing (汇报): an ordered list of slides, each a view of the street captured from the app
 * (camera, visible layers, grid colouring, the tab, the plan, the complaint month, filter and map
 * mode, a playback's settings) with an editable title and a short note. A slide stores the view,
 * never an image: shown or exported, it is drawn again from the data of the day. Pure and
 * immutable: every change returns a new briefing.
 */

/** How a layer group is shown. */
export interface SlideLayer {
  visible: boolean;
  opacity: number;
}

export interface SlideCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The complaint side of a view: which month, which orders, drawn how, played how. */
export interface SlideComplaints {
  month: string | null;
  /** An order filter as the complaint analysis takes it (plain data). */
  filter: Record<string, unknown>;
  mapMode: 'heatmap' | 'hexagons';
  hexagonM: number;
  playback: { step: string; mode: string; months: number } | null;
}

/** Everything a slide draws again. */
export interface SlideView {
  camera: SlideCamera;
  layers: Record<string, SlideLayer>;
  metric: string;
  tab: string;
  /** The plan shown (null: the baseline, 现状). */
  planId: string | null;
  complaints: SlideComplaints | null;
}

export interface Slide {
  id: string;
  title: string;
  note: string;
  view: SlideView;
}

export interface Briefing {
  id: string;
  /** The street data the briefing is about (its grids file's key). */
  datasetKey: string;
  title: string;
  slides: Slide[];
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

/** Longest title and note kept (a note is a few lines under a map, not a document). */
export const TITLE_MAX = 80;
export const NOTE_MAX = 500;

/**
 * @example
 * newBriefing('b1', datasetKey, '10月接诉即办汇报', '2026-11-30T08:00:00.000Z').slides; // []
 */
export function newBriefing(id: string, datasetKey: string, title: string, now: string): Briefing {
  return {
    id,
    datasetKey,
    title: clip(title, TITLE_MAX),
    slides: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Appends a slide of `view` (after `afterId` when given).
 * @example
 * addSlide(briefing, { id: 's1', title: '网格工作量', note: '', view }, now).slides.length; // 1
 */
export function addSlide(
  briefing: Briefing,
  slide: Slide,
  now: string,
  afterId?: string,
): Briefing {
  const slides = [...briefing.slides];
  const at = afterId === undefined ? slides.length : indexOf(briefing, afterId) + 1;
  slides.splice(at, 0, cleanSlide(slide));
  return { ...briefing, slides, updatedAt: now };
}

/** Moves the slide at `from` to position `to` (both kept within the list). */
export function moveSlide(briefing: Briefing, from: number, to: number, now: string): Briefing {
  const last = briefing.slides.length - 1;
  const [a, b] = [clamp(from, 0, last), clamp(to, 0, last)];
  if (a === b) return briefing;
  const slides = [...briefing.slides];
  const [moved] = slides.splice(a, 1);
  slides.splice(b, 0, moved!);
  return { ...briefing, slides, updatedAt: now };
}

/** A copy of a slide, under a new id, right after it. */
export function duplicateSlide(
  briefing: Briefing,
  slideId: string,
  newId: string,
  now: string,
): Briefing {
  const slide = briefing.slides[indexOf(briefing, slideId)]!;
  return addSlide(briefing, { ...structuredClone(slide), id: newId }, now, slideId);
}

export function deleteSlide(briefing: Briefing, slideId: string, now: string): Briefing {
  indexOf(briefing, slideId);
  return { ...briefing, slides: briefing.slides.filter((s) => s.id !== slideId), updatedAt: now };
}

/** Changes a slide's title or note (kept within TITLE_MAX and NOTE_MAX). */
export function editSlide(
  briefing: Briefing,
  slideId: string,
  change: Partial<Pick<Slide, 'title' | 'note'>>,
  now: string,
): Briefing {
  const at = indexOf(briefing, slideId);
  const slides = [...briefing.slides];
  slides[at] = cleanSlide({ ...slides[at]!, ...change });
  return { ...briefing, slides, updatedAt: now };
}

export function renameBriefing(briefing: Briefing, title: string, now: string): Briefing {
  return { ...briefing, title: clip(title, TITLE_MAX), updatedAt: now };
}

function indexOf(briefing: Briefing, slideId: string): number {
  const at = briefing.slides.findIndex((s) => s.id === slideId);
  if (at < 0) throw new RangeError(`no slide ${slideId} in briefing ${briefing.id}`);
  return at;
}

function cleanSlide(slide: Slide): Slide {
  return { ...slide, title: clip(slide.title, TITLE_MAX), note: clip(slide.note, NOTE_MAX) };
}

function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return [...trimmed].length > max ? [...trimmed].slice(0, max).join('') : trimmed;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
