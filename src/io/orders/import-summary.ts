/**
 * One line on an imported work-order file, in Chinese or English: rows read, orders imported,
 * rows left out as unreadable or repeated, orders not placed, and the encoding and coordinate
 * system the file was read in.
 */
import { formatNumber, type ReportLang } from '../../reports/number-format.ts';
import type { CoordinateSystem } from '../../analysis/complaints/coordinate-systems.ts';
import type { OrderImport } from './import-orders.ts';

const SYSTEM_NAMES: Record<CoordinateSystem, { zh: string; en: string }> = {
  WGS84: { zh: 'WGS-84', en: 'WGS-84' },
  GCJ02: { zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (Amap, Tencent)' },
  BD09: { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
};

/**
 * @example
 * importSummaryText(imported, 'GBK', 'zh');
 * // 'orders.csv：25,000 行，导入 24,990 件，5 行无法读取，5 行重复，3 件未能定位；编码 GBK，坐标 GCJ-02（高德、腾讯），已转换为 WGS-84'
 */
export function importSummaryText(
  imported: Pick<OrderImport, 'file' | 'counts' | 'system'>,
  encoding: string | null,
  lang: ReportLang,
): string {
  const c = imported.counts;
  const n = (value: number) => formatNumber(value, lang);
  const system = SYSTEM_NAMES[imported.system][lang];
  const converted = imported.system !== 'WGS84';
  if (lang === 'zh')
    return (
      `${imported.file}：${n(c.rows)} 行，导入 ${n(c.imported)} 件，${n(c.unreadable)} 行无法读取，` +
      `${n(c.duplicates)} 行重复，${n(c.unplaced)} 件未能定位；` +
      `${encoding ? `编码 ${encoding.toUpperCase()}，` : ''}坐标 ${system}${converted ? '，已转换为 WGS-84' : ''}`
    );
  return (
    `${imported.file}: ${n(c.rows)} rows, ${n(c.imported)} orders imported, ${n(c.unreadable)} rows unreadable, ` +
    `${n(c.duplicates)} repeated, ${n(c.unplaced)} orders not placed; ` +
    `${encoding ? `encoding ${encoding.toUpperCase()}, ` : ''}coordinates ${system}${converted ? ', converted to WGS-84' : ''}`
  );
}
