/**
 * The street's briefings on the UI side: the list (from the plan store, in the worker), the one
 * being built, and every change to it (a view added as a slide, slides moved, copied, deleted,
 * retitled, annotated) saved at once, so nothing is lost on reload. Showing a slide puts its view
 * back on the map. A briefing goes to another machine as one file.
 */
import {
  addSlide,
  deleteSlide,
  duplicateSlide,
  editSlide,
  moveSlide,
  newBriefing,
  renameBriefing,
  type Briefing,
  type Slide,
  type SlideView,
} from '../../briefing/briefing.ts';
import { beijingDate } from '../../analysis/complaints/assessment-period.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { briefingFileText, readBriefingFile } from '../../briefing/briefing-file.ts';
import { callDataWorker } from '../../workers/data-client.ts';
import { downloadText } from '../download.ts';
import { planChannel } from '../editing/plan-channel.svelte.ts';
import { applyView, captureView } from './slide-view.svelte.ts';

const now = () => new Date().toISOString();
const newId = () => crypto.randomUUID();

class Briefings {
  list = $state.raw<Briefing[]>([]);
  currentId = $state<string | null>(null);
  /** The slide shown last, for the list to mark. */
  shownId = $state<string | null>(null);
  /** The slide being presented and the view to go back to, or null when not presenting. */
  presenting = $state.raw<{ index: number; before: SlideView | null } | null>(null);
  theme = $state<'dark' | 'light'>('dark');
  /** Why the last briefing file could not be read, or null. */
  problem = $state<string | null>(null);
  /** A short confirmation after a view was added ("已加入汇报：第 3 页"). */
  notice = $state<string | null>(null);
  #noticeTimer: ReturnType<typeof setTimeout> | null = null;

  get current(): Briefing | null {
    return this.list.find((b) => b.id === this.currentId) ?? this.list.at(-1) ?? null;
  }

  /** Reads the street's briefings from the store. */
  async refresh(): Promise<void> {
    const { briefings, problems } = await callDataWorker((w) => w.listBriefings());
    this.list = briefings;
    if (!briefings.some((b) => b.id === this.currentId))
      this.currentId = briefings.at(-1)?.id ?? null;
    if (problems.length > 0) planChannel.storageProblem(problems);
  }

  /** Starts a new, empty briefing and makes it the current one. */
  async create(
    title = i18n.t('briefing.defaultTitle', { date: beijingDate(Date.now()) }),
  ): Promise<Briefing> {
    const briefing = newBriefing(newId(), '', title, now());
    await this.#save(briefing);
    this.currentId = briefing.id;
    return briefing;
  }

  /** Adds the view on screen as a slide of the current briefing (a new one if there is none). */
  async addCurrentView(title: string): Promise<void> {
    const view = captureView();
    if (!view) return;
    const briefing = this.current ?? (await this.create());
    const slide: Slide = { id: newId(), title, note: '', view };
    await this.#save(addSlide(briefing, slide, now()));
    this.#tell(i18n.t('briefing.added', { page: briefing.slides.length + 1 }));
  }

  move = (from: number, to: number) => this.#change((b) => moveSlide(b, from, to, now()));
  duplicate = (slideId: string) => this.#change((b) => duplicateSlide(b, slideId, newId(), now()));
  remove = (slideId: string) => this.#change((b) => deleteSlide(b, slideId, now()));
  edit = (slideId: string, change: Partial<Pick<Slide, 'title' | 'note'>>) =>
    this.#change((b) => editSlide(b, slideId, change, now()));
  rename = (title: string) => this.#change((b) => renameBriefing(b, title, now()));

  /** Downloads the current briefing as one file, to open on another machine with the same data. */
  exportCurrent(): void {
    const briefing = this.current;
    if (briefing)
      downloadText(
        `${briefing.title}.gridatlas-briefing.json`,
        briefingFileText(briefing),
        'application/json',
      );
  }

  /** Adds a briefing from a file (under a new id) and makes it the current one; false when unreadable. */
  async importFile(file: File): Promise<boolean> {
    const read = readBriefingFile(await file.text());
    if (!read.ok) {
      this.problem = i18n.t(`briefing.file.${read.problem.code}`, {
        file: file.name,
        reason: read.problem.reason,
      });
      return false;
    }
    this.problem = null;
    const briefing = { ...read.briefing, id: newId(), updatedAt: now() };
    await this.#save(briefing);
    this.currentId = briefing.id;
    return true;
  }

  /** Deletes the current briefing. */
  async deleteCurrent(): Promise<void> {
    const briefing = this.current;
    if (!briefing) return;
    const problem = await callDataWorker((w) => w.deleteBriefing(briefing.id));
    if (problem) planChannel.storageProblem([problem]);
    this.list = this.list.filter((b) => b.id !== briefing.id);
    this.currentId = this.list.at(-1)?.id ?? null;
  }

  /** Puts a slide's view back on the map. */
  async show(slide: Slide): Promise<void> {
    this.shownId = slide.id;
    await applyView(slide.view);
  }

  /** Presents the current briefing from slide `index`, full screen where the browser allows. */
  async present(index = 0): Promise<void> {
    const briefing = this.current;
    if (!briefing || briefing.slides.length === 0) return;
    this.presenting = { index, before: captureView() };
    await document.documentElement.requestFullscreen?.().catch(() => undefined);
    await applyView(briefing.slides[index]!.view);
  }

  /** Moves `by` slides (kept within the briefing). */
  async step(by: number): Promise<void> {
    const briefing = this.current;
    const presenting = this.presenting;
    if (!briefing || !presenting) return;
    const index = Math.max(0, Math.min(briefing.slides.length - 1, presenting.index + by));
    if (index === presenting.index) return;
    this.presenting = { ...presenting, index };
    await applyView(briefing.slides[index]!.view);
  }

  /** Leaves the presentation and puts back the view from before it. */
  async leave(): Promise<void> {
    const before = this.presenting?.before ?? null;
    this.presenting = null;
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    if (before) await applyView(before);
  }

  toggleTheme(): void {
    this.theme = this.theme === 'dark' ? 'light' : 'dark';
  }

  clear(): void {
    this.presenting = null;
    this.list = [];
    this.currentId = null;
    this.shownId = null;
  }

  async #change(change: (briefing: Briefing) => Briefing): Promise<void> {
    const briefing = this.current;
    if (briefing) await this.#save(change(briefing));
  }

  /** Keeps the briefing in the list at once and stores it. */
  async #save(briefing: Briefing): Promise<void> {
    const known = this.list.some((b) => b.id === briefing.id);
    this.list = known
      ? this.list.map((b) => (b.id === briefing.id ? briefing : b))
      : [...this.list, briefing];
    const problem = await callDataWorker((w) => w.saveBriefing(briefing));
    if (problem) planChannel.storageProblem([problem]);
  }

  #tell(text: string): void {
    this.notice = text;
    if (this.#noticeTimer !== null) clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => (this.notice = null), 3000);
  }
}

export const briefings = new Briefings();
