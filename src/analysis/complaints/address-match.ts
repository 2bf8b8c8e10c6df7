/**
 * Orders without a position placed by their address: the building whose address (or name)
 * matches, compared after normalising (full-width and Chinese numerals to digits, city, district
 * and street prefixes, entrance and flat numbers dropped). An address that names only a compound
 * (号院) matches all its buildings; the caller decides what such a match is worth.
 */

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Beijing's sixteen districts, as an address may begin. */
const DISTRICT_PREFIX =
  /^(东城|西城|朝阳|丰台|石景山|海淀|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆)区/;

/** A Chinese numeral up to 99 (三, 十二, 二十一) as digits. */
function chineseNumber(text: string): string {
  if (/^[零〇一二两三四五六七八九]$/.test(text)) return String(CHINESE_DIGITS[text]);
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (!m) return text;
  return String((m[1] ? CHINESE_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CHINESE_DIGITS[m[2]]! : 0));
}

/**
 * An address reduced to what identifies a building.
 * @example
 * normaliseAddress('北京市丰台区榆汀街道 锦程大街四号院2号楼3单元502室'); // '锦程大街4号院2号楼'
 */
export function normaliseAddress(address: string): string {
  return address
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^北京市?/, '')
    .replace(DISTRICT_PREFIX, '')
    .replace(/^[\p{Script=Han}]{1,6}(街道|地区)(办事处)?/u, '')
    .replace(/[零〇一二两三四五六七八九十]+(?=[号院楼栋单元])/g, chineseNumber)
    .replace(/(\d+)[#栋幢座](?!\d)/g, '$1号楼')
    .replace(/(\d+号楼).*$/, '$1')
    .replace(/(\d+)单元.*$/, '')
    .replace(/[-—](\d+)$/, '');
}

/** The compound part of a normalised address (up to 号院), or null when it names none. */
function compoundOf(normalised: string): string | null {
  const m = /^(.*?\d+号院)/.exec(normalised);
  return m ? m[1]! : null;
}

export interface AddressIndex {
  /** Buildings whose address or name normalises to the same text. */
  readonly exact: ReadonlyMap<string, readonly number[]>;
  /** Buildings by compound (…号院). */
  readonly compound: ReadonlyMap<string, readonly number[]>;
}

/**
 * @example
 * const index = addressIndex(buildings.map((b) => b.properties));
 */
export function addressIndex(
  buildings: readonly { address?: string | null; name?: string | null }[],
): AddressIndex {
  const exact = new Map<string, number[]>();
  const compound = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  buildings.forEach((b, i) => {
    for (const text of [b.address, b.name]) {
      if (!text) continue;
      const key = normaliseAddress(text);
      add(exact, key, i);
      const c = compoundOf(key);
      if (c) add(compound, c, i);
    }
  });
  return { exact, compound };
}

export type AddressMatch =
  | { kind: 'building'; building: number }
  | { kind: 'compound'; buildings: readonly number[] }
  | { kind: 'none' };

/**
 * @example
 * matchAddress(index, '锦程大街4号院2号楼3单元'); // { kind: 'building', building: 1 }
 * matchAddress(index, '锦程大街4号院'); // { kind: 'compound', buildings: [0, 1, 2, 3, 4] }
 */
export function matchAddress(index: AddressIndex, address: string): AddressMatch {
  const key = normaliseAddress(address);
  const exact = index.exact.get(key);
  if (exact?.length === 1) return { kind: 'building', building: exact[0]! };
  const compound = compoundOf(key);
  const inCompound = compound ? index.compound.get(compound) : undefined;
  if (inCompound?.length) return { kind: 'compound', buildings: inCompound };
  if (exact && exact.length > 1) return { kind: 'compound', buildings: exact };
  return { kind: 'none' };
}
