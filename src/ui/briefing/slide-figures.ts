/**
 * The key figures of a slide's scope and period, in words, for the presentation's strip and the
 * exported pages: on a complaint slide the month's orders with their change against the month
 * before, the three rates and the composite score, the leading categories, the grid with the
 * lowest score and the one whose orders fell most; on a planning slide the grids, the grids off
 * the household band and the coverage problems of the plan shown. Read from the figures the app
 * holds for the view on screen.
 */
import { rankAreas } from '../../analysis/complaints/rankings.ts';
import type { SheetFigure } from '../../briefing/sheet-layout.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { changeText } from '../../reports/complaint-report.ts';
import { app } from '../app-state.svelte.ts';
import { complaints } from '../complaints.svelte.ts';

/** A figure with a name for tests to find it by. */
export interface SlideFigure extends SheetFigure {
  key: string;
}

const rate = (value: number | null) => (value === null ? '—' : i18n.percent(value));
const score = (value: number | null) => (value === null ? '—' : i18n.number(value, 1));
const gridName = (id: string) => app.plan.gridOf(id)?.properties.name ?? id;

/** The figures of the view on screen, for a slide of `tab`. */
export function slideFigures(tab: string): SlideFigure[] {
  const view = tab === 'complaints' ? complaints.view : null;
  if (view) {
    const street = view.current.street;
    const figures: SlideFigure[] = [
      {
        key: 'orders',
        label: `${i18n.t('orders.orders')} · ${view.month}`,
        value: i18n.number(street.orders),
        detail: `${i18n.t('orders.mom')} ${changeText(street.orders, view.previous.street.orders, i18n.lang)}`,
      },
      {
        key: 'rates',
        label: `${i18n.t('orders.response')} / ${i18n.t('orders.resolution')} / ${i18n.t('orders.satisfaction')}`,
        value: [street.responseRate, street.resolutionRate, street.satisfactionRate]
          .map(rate)
          .join(' / '),
      },
      { key: 'score', label: i18n.t('orders.score'), value: score(street.compositeScore) },
      {
        key: 'categories',
        label: i18n.t('orders.categories'),
        value: view.breakdown.category2
          .slice(0, 3)
          .map((c) => `${c.category2} ${i18n.number(c.orders)}`)
          .join(' · '),
      },
    ];
    const worst = rankAreas(view.current.grids, view.previous.grids, 'compositeScore')[0];
    const improved = rankAreas(view.current.grids, view.previous.grids, 'change').at(-1);
    if (worst)
      figures.push({
        key: 'worst',
        label: i18n.t('present.worst'),
        value: `${gridName(worst.id)} ${score(worst.compositeScore)}`,
      });
    if (improved && improved.change < 0)
      figures.push({
        key: 'improved',
        label: i18n.t('present.improved'),
        value: `${gridName(improved.id)} ${i18n.number(improved.change)}`,
      });
    return figures;
  }
  const coverage = app.coverage;
  if (!coverage) return [];
  return [
    { key: 'grids', label: i18n.t('summary.grids'), value: i18n.number(coverage.street.grids) },
    {
      key: 'off-band',
      label: i18n.t('present.offBand'),
      value: i18n.number(coverage.street.outOfBandGrids),
    },
    {
      key: 'problems',
      label: i18n.t('present.problems'),
      value: i18n.number(coverage.problems.length),
    },
  ];
}
