/**
 * How coverage figures are written for people, in zh-CN or en: counts with thousands separators,
 * areas in whole square metres (tiny slivers keep two decimals so they do not read as 0), shares
 * as percentages. Shared by the problem wording, the Markdown report and the CLI.
 */

export type ReportLang = 'zh' | 'en';

const LOCALES: Record<ReportLang, string> = { zh: 'zh-CN', en: 'en' };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: ReportLang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(LOCALES[lang], options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * A count or any figure, with at most `digits` decimals.
 * @example
 * formatNumber(18530, 'en'); // '18,530'
 */
export function formatNumber(value: number, lang: ReportLang, digits = 0): string {
  return formatter(lang, { maximumFractionDigits: digits }).format(value);
}

/**
 * An area in m²: whole square metres, two decimals below 1 m².
 * @example
 * formatArea(301.6, 'zh'); // '302 m²'
 * formatArea(0.234, 'en'); // '0.23 m²'
 */
export function formatArea(areaM2: number, lang: ReportLang): string {
  const digits = Math.abs(areaM2) < 1 && areaM2 !== 0 ? 2 : 0;
  return `${formatNumber(areaM2, lang, digits)} m²`;
}

/**
 * A 0–1 share as a percentage with one decimal.
 * @example
 * formatShare(0.8421, 'en'); // '84.2%'
 */
export function formatShare(share: number, lang: ReportLang): string {
  return formatter(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
