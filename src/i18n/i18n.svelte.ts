/**
 * The UI language (zh-CN by default, English on the switch) and locale-aware formatting of
 * text, numbers and dates. Components read `i18n.t(…)`, so they re-render when the locale changes.
 */
import { formatNumber, type ReportLang } from '../reports/number-format.ts';
import { en } from './en.ts';
import { zh, type MessageKey } from './zh.ts';

export type Locale = 'zh-CN' | 'en';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

/** Replaces `{name}` placeholders with the given values. */
export function interpolate(
  template: string,
  params: Record<string, string | number> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

class I18n {
  locale = $state<Locale>('zh-CN');

  /** The message for `key` in the current language, with its parameters filled in. */
  t = (key: MessageKey, params: Record<string, string | number> = {}): string => {
    const formatted: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params))
      formatted[name] = typeof value === 'number' ? this.number(value) : value;
    return interpolate(dictionaries[this.locale][key], formatted);
  };

  #formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

  /** One formatter per locale and kind, made on first use (they are costly to create). */
  #format<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, make: () => T): T {
    const key = `${this.locale}|${kind}`;
    let format = this.#formats.get(key) as T | undefined;
    if (!format) this.#formats.set(key, (format = make()));
    return format;
  }

  /** A number in the user's locale, with at most `digits` decimals, as the reports write it. */
  number = (value: number, digits = 0): string => formatNumber(value, this.lang, digits);

  /** A number in the user's locale with exactly `digits` decimals, for aligned table columns. */
  fixed = (value: number, digits: number): string =>
    this.#format(
      `fixed${digits}`,
      () =>
        new Intl.NumberFormat(this.locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
    ).format(value);

  /** A 0–1 share as a percentage in the user's locale, with exactly `digits` decimals. */
  percent = (share: number, digits = 1): string =>
    this.#format(
      `percent${digits}`,
      () =>
        new Intl.NumberFormat(this.locale, {
          style: 'percent',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
    ).format(share);

  /** The coverage wording's language for the current locale. */
  get lang(): ReportLang {
    return this.locale === 'en' ? 'en' : 'zh';
  }

  /** A date and time in the user's locale, in Beijing time. */
  dateTime = (iso: string): string =>
    this.#format(
      'dateTime',
      () =>
        new Intl.DateTimeFormat(this.locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Asia/Shanghai',
        }),
    ).format(new Date(iso));

  /**
   * The label of a data value (a facility type, an order's source or status, a satisfaction or
   * property-management value) in the current language; values the dictionary does not know, such
   * as a street's own facility types, show as they are.
   */
  term = (
    kind: 'facility' | 'source' | 'status' | 'satisfaction' | 'property',
    value: string,
  ): string => {
    const key = `${kind}.${value}`;
    return key in zh ? this.t(key as MessageKey) : value;
  };

  toggle = (): void => {
    this.locale = this.locale === 'zh-CN' ? 'en' : 'zh-CN';
    document.documentElement.lang = this.locale;
  };
}

export const i18n = new I18n();
