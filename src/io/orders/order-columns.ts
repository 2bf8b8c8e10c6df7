/**
 * The columns of a work-order table: which header names mean which field (the Chinese headers of
 * 12345 exports and the app's own English names), where the header is (exports from spreadsheets
 * often put a title or a group row above it, so the first few rows are tried), and a mapping the
 * user can correct and the app remembers for the next import.
 */

/** The fields an order table can fill. */
export const ORDER_FIELDS = [
  'id',
  'createdAt',
  'category1',
  'category2',
  'category3',
  'content',
  'address',
  'street',
  'community',
  'lng',
  'lat',
  'dueAt',
  'closedAt',
  'status',
  'source',
  'followedUp',
  'contacted',
  'resolved',
  'satisfaction',
  'buildingId',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** Each field's name for messages and the column dialog. */
export const FIELD_LABELS: Readonly<Record<OrderField, { zh: string; en: string }>> = {
  id: { zh: '工单号', en: 'order number' },
  createdAt: { zh: '受理时间', en: 'time received' },
  category1: { zh: '一级分类', en: 'category 1' },
  category2: { zh: '二级分类', en: 'category 2' },
  category3: { zh: '三级分类', en: 'category 3' },
  content: { zh: '诉求内容', en: 'request' },
  address: { zh: '地址', en: 'address' },
  street: { zh: '街道', en: 'street' },
  community: { zh: '社区', en: 'community' },
  lng: { zh: '经度', en: 'longitude' },
  lat: { zh: '纬度', en: 'latitude' },
  dueAt: { zh: '办理时限', en: 'time limit' },
  closedAt: { zh: '办结时间', en: 'time closed' },
  status: { zh: '状态', en: 'status' },
  source: { zh: '来源', en: 'source' },
  followedUp: { zh: '是否回访', en: 'follow-up visit' },
  contacted: { zh: '是否联系', en: 'contacted' },
  resolved: { zh: '是否解决', en: 'resolved' },
  satisfaction: { zh: '满意度', en: 'satisfaction' },
  buildingId: { zh: '楼栋编号', en: 'building id' },
};

/** Fields without which a row is not an order. */
export const REQUIRED_FIELDS: readonly OrderField[] = ['id', 'createdAt', 'category2'];

/** Header names per field, compared after normalising (see normaliseHeader). */
const HEADER_NAMES: Readonly<Record<OrderField, readonly string[]>> = {
  id: ['工单号', '工单编号', '工单id', '编号', '诉求编号', 'id', 'orderid'],
  createdAt: ['受理时间', '来电时间', '登记时间', '创建时间', '派单时间', 'createdat'],
  category1: ['一级分类', '一级类别', '问题大类', '大类', 'category1'],
  category2: ['二级分类', '二级类别', '问题小类', '小类', '问题分类', '诉求分类', 'category2'],
  category3: ['三级分类', '三级类别', '问题细类', '细类', 'category3'],
  content: ['诉求内容', '问题描述', '来电内容', '工单内容', '内容', 'content'],
  address: ['地址', '事发地址', '诉求地址', '问题地址', '详细地址', 'address'],
  street: ['街道', '被反映街乡镇', '街乡镇', '所属街道', 'street'],
  community: ['社区', '所属社区', '被反映社区', '社区村', 'community'],
  lng: ['经度', 'lng', 'lon', 'longitude', 'x'],
  lat: ['纬度', 'lat', 'latitude', 'y'],
  dueAt: ['承办时限', '办理时限', '办结时限', '截止时间', '时限', 'dueat'],
  closedAt: ['办结时间', '结案时间', '完成时间', 'closedat'],
  status: ['状态', '工单状态', '办理状态', 'status'],
  source: ['来源', '诉求来源', '工单来源', '渠道', 'source'],
  followedUp: ['是否回访', '回访', '是否有效回访', 'followedup'],
  contacted: ['是否联系', '是否响应', '联系', 'contacted'],
  resolved: ['是否解决', '解决', 'resolved'],
  satisfaction: ['满意度', '是否满意', '满意', '回访结果', 'satisfaction'],
  buildingId: ['楼栋编号', 'buildingid'],
};

const BY_NAME = new Map<string, OrderField>(
  ORDER_FIELDS.flatMap((field) => HEADER_NAMES[field].map((name) => [name, field] as const)),
);

/** A header cell without spaces, marks and bracketed notes, lower-cased. */
export function normaliseHeader(cell: string): string {
  return cell
    .normalize('NFKC')
    .replace(/[（(【[].*?[)）】\]]/g, '')
    .replace(/[\s*＊:：_\-·.]/g, '')
    .toLowerCase();
}

/** The field a header cell names, or null. */
export function fieldOfHeader(cell: string): OrderField | null {
  return BY_NAME.get(normaliseHeader(cell)) ?? null;
}

/** Which column holds which field (null for columns the app does not read). */
export type ColumnMapping = (OrderField | null)[];

export interface HeaderFound {
  /** Rows above the data: the header row and any title or group rows above it. */
  headerRows: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Required fields no column was found for. */
  missing: OrderField[];
}

/**
 * The header among the first rows: the row naming the most fields (ties: the upper one). A cell
 * left empty in it takes the name in the row above (a two-row header with merged cells).
 * @example
 * findHeader([['2026年10月工单'], ['工单号', '受理时间', '二级分类'], ['GD1', '2026/10/5 8:07', '供暖']]);
 * // { headerRows: 2, mapping: ['id', 'createdAt', 'category2'], missing: [], … }
 */
export function findHeader(rows: readonly (readonly string[])[], tried = 6): HeaderFound {
  let best = { index: 0, score: -1 };
  for (let r = 0; r < Math.min(tried, rows.length); r++) {
    const score = new Set(rows[r]!.map(fieldOfHeader).filter((f) => f !== null)).size;
    if (score > best.score) best = { index: r, score };
  }
  const row = rows[best.index] ?? [];
  const above = best.index > 0 ? rows[best.index - 1]! : [];
  const headers = row.map((cell, c) =>
    cell.trim() === '' ? (above[c] ?? '').trim() : cell.trim(),
  );
  const mapping = mappingOf(headers);
  return { headerRows: best.index + 1, headers, mapping, missing: missingFields(mapping) };
}

/** Each header's field; a field named twice is taken from its first column. */
export function mappingOf(headers: readonly string[]): ColumnMapping {
  const seen = new Set<OrderField>();
  return headers.map((header) => {
    const field = fieldOfHeader(header);
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/** Required fields that no column maps to. */
export function missingFields(mapping: ColumnMapping): OrderField[] {
  return REQUIRED_FIELDS.filter((field) => !mapping.includes(field));
}
