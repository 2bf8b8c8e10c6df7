/**
 * The title a new slide starts with, from what the view shows: on the complaint tab the month and
 * the category; elsewhere the grid colouring and the plan. The user can change it.
 */
import type { SlideView } from '../../briefing/briefing.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import type { MessageKey } from '../../i18n/zh.ts';

/**
 * @example
 * slideTitle(view, '方案二'); // '网格户数 · 方案二'
 */
export function slideTitle(view: SlideView, planName: string): string {
  const side = view.complaints;
  if (view.tab === 'complaints' && side) {
    const filter = side.filter as { category1?: string | null; category2?: string | null };
    const what = filter.category2 ?? filter.category1 ?? i18n.t('briefing.allOrders');
    return i18n.t('briefing.titleComplaints', { month: side.month ?? '', what });
  }
  return `${i18n.t(`metric.${view.metric}` as MessageKey)} · ${planName}`;
}
