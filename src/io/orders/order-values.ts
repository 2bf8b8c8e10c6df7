/**
 * Values of 12345 exports as they come: times in the usual Chinese spellings (`2026/3/5 8:07`,
 * `2026-03-05 08:07:00`, `2026年3月5日`, `2026年3月5日 8时7分`, Excel day numbers), read as Beijing
 * time unless they carry a zone; yes/no answers (是/否, Y/N, 1/0); satisfaction and status words
 * with their common variants; time limits given as a deadline or as a duration (`24小时`, `7天`,
 * `15个工作日`). Each reader returns null for a value it cannot read and undefined for a blank.
 */
import {
  SATISFACTION_LEVELS,
  WORK_ORDER_STATUSES,
  type Satisfaction,
  type WorkOrderStatus,
} from '../../domain/types.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** Excel's day 0 (1899-12-30), in the export's local time, here Beijing. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30) - BEIJING_OFFSET_MS;

/** Whether a cell is empty, or holds one of the usual stand-ins for nothing. */
export function isBlank(value: string | undefined): boolean {
  if (value === undefined) return true;
  if (value.length > 6) return false;
  const text = value.trim();
  return text === '' || /^(null|nan|无|-|—)$/i.test(text);
}

const DATE_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})\s*[:时點点]\s*(\d{1,2})\s*(?:[:分]\s*(\d{1,2}(?:\.\d+)?)\s*秒?|分)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2})(\d{2})(\d{2})?)?$/;

/**
 * Epoch milliseconds of a time as exports write it, Beijing time when no zone is given.
 * @example
 * parseOrderTime('2026/3/5 8:07'); // Date.parse('2026-03-05T08:07:00+08:00')
 * parseOrderTime('2026年3月5日'); // Date.parse('2026-03-05T00:00:00+08:00')
 * parseOrderTime('2026-02-30 08:00'); // null
 */
export function parseOrderTime(value: string | undefined): number | null | undefined {
  if (isBlank(value)) return undefined;
  const text = value!.trim();
  const plain = plainTime(text);
  if (plain !== undefined) return plain;
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelDay(Number(text));
  const m = DATE_TIME.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  const [, y, mo, d, hh = '0', mi = '0', ss = '0', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second >= 60) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, 0) + Math.round(second * 1000);
  return local - zoneOffsetMs(zone);
}

/** A day number of Excel (days since 1899-12-30, fractions of a day for the time). */
export function excelDay(days: number): number | null {
  if (!Number.isFinite(days) || days < 1 || days > 2_958_465) return null;
  return EXCEL_EPOCH_MS + Math.round(days * DAY_MS);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined) return BEIJING_OFFSET_MS;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * HOUR_MS + Number(digits.slice(3, 5)) * 60_000);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The most common spellings, `2026/3/5 8:07`, `2026-03-05 08:07:00` (and without the time), read
 * without a regular expression: a million rows hold two times each. Undefined when the text is
 * spelled otherwise (the general reader takes it), null when it is spelled so but impossible.
 */
function plainTime(text: string): number | null | undefined {
  let i = 0;
  const number = (maxDigits: number): number => {
    let value = 0;
    const start = i;
    while (i < text.length && i - start < maxDigits) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
      i++;
    }
    return i === start ? -1 : value;
  };
  const year = number(4);
  if (i !== 4) return undefined;
  const separator = text[i];
  if (separator !== '/' && separator !== '-') return undefined;
  i++;
  const month = number(2);
  if (month < 0 || text[i] !== separator) return undefined;
  i++;
  const day = number(2);
  if (day < 0) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (i < text.length) {
    if (text[i] !== ' ' && text[i] !== 'T') return undefined;
    i++;
    hour = number(2);
    if (hour < 0 || text[i] !== ':') return undefined;
    i++;
    minute = number(2);
    if (minute < 0) return undefined;
    if (text[i] === ':') {
      i++;
      second = number(2);
      if (second < 0) return undefined;
    }
    if (i !== text.length) return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
}

const YES = /^(是|有|已|y|yes|true|1|已联系|已解决|已回访|联系|解决|回访)$/i;
const NO = /^(否|无|未|n|no|false|0|未联系|未解决|未回访)$/i;

/**
 * @example
 * parseYesNo('是'); // true
 * parseYesNo('未解决'); // false
 */
export function parseYesNo(value: string | undefined): boolean | null | undefined {
  if (isBlank(value)) return undefined;
  const text = value!.trim();
  if (YES.test(text)) return true;
  if (NO.test(text)) return false;
  return null;
}

const SATISFACTION_ALIASES: Readonly<Record<string, Satisfaction>> = {
  非常满意: '满意',
  很满意: '满意',
  比较满意: '基本满意',
  一般: '基本满意',
  非常不满意: '不满意',
  很不满意: '不满意',
};

/**
 * @example
 * parseSatisfaction('比较满意'); // '基本满意'
 */
export function parseSatisfaction(value: string | undefined): Satisfaction | null | undefined {
  if (isBlank(value)) return undefined;
  const text = value!.trim();
  if ((SATISFACTION_LEVELS as readonly string[]).includes(text)) return text as Satisfaction;
  return SATISFACTION_ALIASES[text] ?? null;
}

const STATUS_ALIASES: readonly (readonly [RegExp, WorkOrderStatus])[] = [
  [/办结|结案|已完成|已办理完毕|完结|关闭/, '办结'],
  [/回访/, '回访'],
  [/反馈/, '反馈'],
  [/办理|处理中|承办/, '办理'],
  [/派单|派发|转办|交办/, '派单'],
  [/受理|登记|新建|待处理/, '受理'],
];

/**
 * @example
 * parseStatus('已办结'); // '办结'
 * parseStatus('处理中'); // '办理'
 */
export function parseStatus(value: string | undefined): WorkOrderStatus | null | undefined {
  if (isBlank(value)) return undefined;
  const text = value!.trim();
  if ((WORK_ORDER_STATUSES as readonly string[]).includes(text)) return text as WorkOrderStatus;
  for (const [pattern, status] of STATUS_ALIASES) if (pattern.test(text)) return status;
  return null;
}

/**
 * The channel an order came by, with the spellings of exports brought to the app's names.
 * @example
 * parseSource('市民热线'); // '12345热线'
 */
export function parseSource(value: string | undefined): string | undefined {
  if (isBlank(value)) return undefined;
  const text = value!.trim();
  if (/12345|热线|电话/.test(text)) return '12345热线';
  if (/网格|巡查/.test(text)) return '网格巡查';
  if (/视频|AI|智能/i.test(text)) return '视频AI';
  if (/群|微信|小程序|网络|网站/.test(text)) return '居民群';
  return text;
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(个)?\s*(小时|时|h|天|日|d|工作日)$/i;

/**
 * The due time from a time-limit cell: a deadline, or a duration after `createdAt` (working days
 * skip Saturdays and Sundays, Beijing time).
 * @example
 * parseDueAt('24小时', created); // created + 24 h
 * parseDueAt('2026/3/12 8:07', created); // that time
 */
export function parseDueAt(
  value: string | undefined,
  createdAt: number | null,
): number | null | undefined {
  if (isBlank(value)) return undefined;
  const text = value!.trim().replace(/\s+/g, '');
  const m = DURATION.exec(text);
  if (!m) return parseOrderTime(value) ?? null;
  if (createdAt === null) return null;
  const amount = Number(m[1]);
  const unit = m[3]!.toLowerCase();
  if (unit === '小时' || unit === '时' || unit === 'h') return createdAt + amount * HOUR_MS;
  if (unit === '工作日') return addWorkingDays(createdAt, Math.round(amount));
  return createdAt + amount * DAY_MS;
}

function addWorkingDays(start: number, days: number): number {
  let time = start;
  for (let left = days; left > 0;) {
    time += DAY_MS;
    const weekday = new Date(time + BEIJING_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return time;
}
