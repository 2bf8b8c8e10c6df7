/**
 * What an exported page of a slide says, taken from the app once the slide's view is back on
 * screen: the title and note, the period (the assessment month and its dates, a date filter, a
 * playback's months; the plan on a planning slide), the key figures, the legends, the scale bar
 * for the slide's camera, the north arrow, the data source and the time it was generated.
 */
import { shiftMonth } from '../../analysis/complaints/assessment-period.ts';
import type { Briefing, Slide } from '../../briefing/briefing.ts';
import { scaleBar } from '../../briefing/scale-bar.ts';
import { SCALE_BAR_MAX, type SheetContent } from '../../briefing/sheet-layout.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { app } from '../app-state.svelte.ts';
import { complaints } from '../complaints.svelte.ts';
import { monthPeriodText } from '../complaints/period-text.ts';
import { plans } from '../editing/plans.svelte.ts';
import { slideFigures } from './slide-figures.ts';
import { slideLegend } from './slide-legend.ts';

/** A length for the scale bar: metres below a kilometre, kilometres above. */
function distanceText(metres: number): string {
  return metres >= 1000
    ? i18n.t('sheet.km', { value: i18n.number(metres / 1000) })
    : i18n.t('sheet.m', { value: i18n.number(metres) });
}

/** The period and scope line under a slide's title. */
function periodText(slide: Slide): string {
  const side = slide.view.complaints;
  const plan = plans.nameOf(slide.view.planId);
  const street = app.street?.summary.streetName;
  const scope = [street, i18n.t('sheet.plan', { plan })].filter(Boolean).join(' · ');
  if (slide.view.tab !== 'complaints' || !side?.month) return scope;
  const filter = side.filter as { from?: string | null; to?: string | null };
  const dates =
    filter.from || filter.to
      ? i18n.t('orders.period', { from: filter.from ?? '…', to: filter.to ?? '…' })
      : monthPeriodText(side.month);
  const month = i18n.t('sheet.month', { month: side.month, dates });
  const played = side.playback
    ? i18n.t('sheet.playback', {
        from: shiftMonth(side.month, 1 - side.playback.months),
        to: side.month,
      })
    : null;
  return [month, played, scope].filter(Boolean).join(' · ');
}

/** The files the page's figures come from. */
function sourceText(tab: string): string {
  const files = (app.loaded.report?.files ?? []).map((f) => f.name);
  const orders = tab === 'complaints' ? complaints.imports.map((i) => i.file) : [];
  const named = [...files, ...orders.map((file) => i18n.t('sheet.ordersFile', { file }))];
  return i18n.t('sheet.source', { files: named.join('、') || i18n.t('sheet.noFiles') });
}

/**
 * The page of `slide`, the `index`-th of `briefing`, as the app now shows its view.
 * @example
 * sheetContent(briefing, 0, new Date()).page; // "1 / 3"
 */
export function sheetContent(briefing: Briefing, index: number, now: Date): SheetContent {
  const slide = briefing.slides[index]!;
  const { camera } = slide.view;
  const bar = scaleBar(camera.center[1], camera.zoom, SCALE_BAR_MAX);
  return {
    title: slide.title,
    note: slide.note,
    period: periodText(slide),
    briefingTitle: briefing.title,
    page: `${index + 1} / ${briefing.slides.length}`,
    figures: slideFigures(slide.view.tab),
    legend: slideLegend(slide.view.tab),
    scale: { px: bar.px, label: distanceText(bar.metres) },
    bearing: camera.bearing,
    north: i18n.t('sheet.north'),
    source: sourceText(slide.view.tab),
    generated: i18n.t('sheet.generated', { time: i18n.dateTime(now.toISOString()) }),
  };
}
