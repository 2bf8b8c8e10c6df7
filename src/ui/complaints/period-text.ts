/** The dates an assessment month runs over, in words ("2026-09-19 至 2026-10-18"). */
import { assessmentPeriod, beijingDate } from '../../analysis/complaints/assessment-period.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { app } from '../app-state.svelte.ts';

export function monthPeriodText(month: string): string {
  const p = assessmentPeriod(month, app.settings);
  return i18n.t('orders.period', { from: beijingDate(p.start), to: beijingDate(p.end - 1) });
}
