/**
 * Assessment months (考核月) of 接诉即办: month "YYYY-MM" holds the orders created, Beijing time
 * (UTC+8), from the start day (the 19th) of the previous month 00:00 up to, not including, the
 * start day of that month 00:00. "2026-10" = 2026-09-19 … 2026-10-18.
 */
import type { GridSettings } from '../../domain/settings.ts';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** A period as epoch milliseconds, start included, end excluded. */
export interface Period {
  start: number;
  end: number;
}

type StartDay = Pick<GridSettings, 'assessmentMonthStartDay'>;

/**
 * The period of an assessment month.
 * @example
 * assessmentPeriod('2026-10', DEFAULT_SETTINGS); // 2026-09-19T00:00+08:00 … 2026-10-19T00:00+08:00
 */
export function assessmentPeriod(month: string, settings: StartDay): Period {
  const { year, monthIndex } = parseMonth(month);
  const day = settings.assessmentMonthStartDay;
  return {
    start: Date.UTC(year, monthIndex - 1, day) - BEIJING_OFFSET_MS,
    end: Date.UTC(year, monthIndex, day) - BEIJING_OFFSET_MS,
  };
}

/**
 * The assessment month an instant falls in.
 * @example
 * assessmentMonthOf(Date.parse('2026-10-18T23:59:59+08:00'), DEFAULT_SETTINGS); // '2026-10'
 * assessmentMonthOf(Date.parse('2026-10-19T00:00:00+08:00'), DEFAULT_SETTINGS); // '2026-11'
 */
export function assessmentMonthOf(time: number, settings: StartDay): string {
  const local = new Date(time + BEIJING_OFFSET_MS);
  const year = local.getUTCFullYear();
  const monthIndex =
    local.getUTCMonth() + (local.getUTCDate() >= settings.assessmentMonthStartDay ? 1 : 0);
  return monthName(year, monthIndex);
}

/**
 * The month `count` months after (or before, when negative) `month`.
 * @example
 * shiftMonth('2026-01', -1); // '2025-12'
 */
export function shiftMonth(month: string, count: number): string {
  const { year, monthIndex } = parseMonth(month);
  return monthName(year, monthIndex + count);
}

/**
 * The latest assessment month that has ended by `time`.
 * @example
 * lastCompleteMonth(Date.parse('2026-10-31T12:00:00+08:00'), DEFAULT_SETTINGS); // '2026-10'
 */
export function lastCompleteMonth(time: number, settings: StartDay): string {
  return shiftMonth(assessmentMonthOf(time, settings), -1);
}

/** Whether a text is a month "YYYY-MM". */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

function parseMonth(month: string): { year: number; monthIndex: number } {
  if (!isMonth(month)) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return { year: Number(month.slice(0, 4)), monthIndex: Number(month.slice(5, 7)) - 1 };
}

/** "YYYY-MM" of a month index that may run past December or before January. */
function monthName(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * The Beijing date of an instant, as YYYY-MM-DD.
 * @example
 * beijingDate(Date.parse('2026-10-18T16:30:00Z')); // '2026-10-19'
 */
export function beijingDate(time: number): string {
  return new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
