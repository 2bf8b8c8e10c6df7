/**
 * Every load problem's wording, in Chinese and English, from one table keyed by problem code.
 * Validators only choose a code, a severity, a field and parameters; the sentences a street
 * planner reads are written here, so both languages stay in step and each code has exactly one
 * explanation.
 */
import type { Problem, ProblemSeverity } from '../domain/problems.ts';
import type { LayerKind } from '../domain/types.ts';

/** Codes of problems about a whole file (featureIndex null): the message names the file itself. */
export const WHOLE_FILE_CODES = [
  'empty-file',
  'not-json',
  'table-not-geojson',
  'not-feature-collection',
  'unknown-layer',
  'layer-content-mismatch',
  'duplicate-layer',
  'no-features',
  'invalid-input',
  'internal-error',
] as const;

/** The stable machine codes of load problems, grouped by the stage that finds them. */
export const PROBLEM_CODES = [
  ...WHOLE_FILE_CODES,
  // feature structure
  'not-a-feature',
  'properties-not-object',
  'geometry-missing',
  'geometry-type-unknown',
  'coordinates-malformed',
  'geometry-invalid',
  'bbox-invalid',
  // geometry
  'geometry-null',
  'geometry-empty',
  'geometry-type-not-allowed',
  'ring-too-few-positions',
  'ring-unclosed',
  'line-too-few-positions',
  'self-intersection',
  'coordinates-swapped',
  'coordinate-out-of-range',
  'outside-beijing',
  // properties
  'missing-id',
  'duplicate-id',
  'missing-property',
  'wrong-type',
  'negative-number',
  'not-integer',
  'not-positive',
  'invalid-code',
  'unknown-value',
  'invalid-date',
  'date-without-offset',
  'date-order',
  'closed-without-date',
  'difficult-exceeds-households',
  'implausible-year',
  'no-workers',
  // across layers
  'grid-code-community-mismatch',
  'community-code-street-mismatch',
  'unknown-community',
  'unknown-street',
  'unknown-building',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Where a problem is: the file, and the feature (0-based index and id) unless it is the whole file. */
export interface ProblemWhere {
  file: string;
  featureIndex: number | null;
  featureId: string | null;
}

/** Values a message may quote; anything missing prints as “?” rather than “undefined”. */
export type MessageParams = Readonly<Record<string, unknown>>;

type Text = (p: Params, severity: ProblemSeverity) => string;
interface Template {
  zh: Text;
  en: Text;
}

const LAYER_ZH: Record<LayerKind, string> = {
  street: '街道',
  communities: '社区',
  grids: '网格',
  buildings: '楼栋',
  facilities: '设施',
  workOrders: '诉求工单',
  basemap: '底图',
};
const LAYER_EN: Record<LayerKind, string> = {
  street: 'street',
  communities: 'community',
  grids: 'grid',
  buildings: 'building',
  facilities: 'facility',
  workOrders: 'work-order',
  basemap: 'basemap',
};

/** What a property means, for explanations like 「户数不能为负」. */
const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  id: { zh: '编号', en: 'id' },
  'grids.type': { zh: '网格类型', en: 'grid type' },
  'facilities.type': { zh: '设施类型', en: 'facility type' },
  name: { zh: '名称', en: 'name' },
  district: { zh: '所属区', en: 'district' },
  streetId: { zh: '所属街道编号', en: 'street code' },
  communityId: { zh: '所属社区编号', en: 'community code' },
  type: { zh: '类型', en: 'type' },
  workers: { zh: '网格员人数', en: 'grid worker count' },
  leader: { zh: '网格长', en: 'grid leader' },
  address: { zh: '地址', en: 'address' },
  floors: { zh: '层数', en: 'floor count' },
  units: { zh: '单元数', en: 'entrance count' },
  households: { zh: '户数', en: 'household count' },
  residents: { zh: '居民人数', en: 'resident count' },
  yearBuilt: { zh: '建成年份', en: 'year built' },
  property: { zh: '物业管理方式', en: 'property management' },
  difficultHouseholds: { zh: '困难户数', en: 'households in difficulty' },
  specialHouseholds: { zh: '特殊困难户数', en: 'special-hardship households' },
  serviceRadiusM: { zh: '服务半径', en: 'service radius' },
  source: { zh: '工单来源', en: 'order source' },
  category1: { zh: '一级分类', en: 'category (level 1)' },
  category2: { zh: '二级分类', en: 'category (level 2)' },
  category3: { zh: '三级分类', en: 'category (level 3)' },
  createdAt: { zh: '受理时间', en: 'creation time' },
  dueAt: { zh: '办理时限', en: 'due time' },
  closedAt: { zh: '办结时间', en: 'closing time' },
  status: { zh: '工单状态', en: 'order status' },
  followedUp: { zh: '是否回访', en: 'follow-up flag' },
  contacted: { zh: '是否联系', en: 'contacted flag' },
  resolved: { zh: '是否解决', en: 'resolved flag' },
  satisfaction: { zh: '满意度', en: 'satisfaction' },
  buildingId: { zh: '关联楼栋编号', en: 'building id' },
  kind: { zh: '底图要素类别', en: 'basemap kind' },
  roadClass: { zh: '道路等级', en: 'road class' },
};

const KIND_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
  null: '空值（null）',
  undefined: '空缺',
  date: 'ISO 8601 日期时间文本',
  Feature: '单个要素（Feature）',
  FeatureCollection: '要素集合（FeatureCollection）',
  geometry: '几何对象',
  'object-without-features': '没有 features 数组的对象',
  'collection-without-features': '没有 features 数组的要素集合',
};
const KIND_EN: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true/false)',
  object: 'an object',
  array: 'an array',
  null: 'null',
  undefined: 'missing',
  date: 'an ISO 8601 date-time text',
  Feature: 'a single Feature',
  FeatureCollection: 'a FeatureCollection',
  geometry: 'a bare geometry',
  'object-without-features': 'an object without a features array',
  'collection-without-features': 'a FeatureCollection without a features array',
};

const COORD_REASON_ZH: Record<string, string> = {
  'not-array': '应为数组',
  'not-number': '含有不是数字的值',
  'too-short': '每个坐标至少要有经度和纬度两个数',
  missing: '缺少 coordinates',
  'wrong-nesting': '数组嵌套层数与几何类型不符',
};
const COORD_REASON_EN: Record<string, string> = {
  'not-array': 'it should be an array',
  'not-number': 'it holds a value that is not a number',
  'too-short': 'each position needs at least a longitude and a latitude',
  missing: 'coordinates is missing',
  'wrong-nesting': 'its arrays are not nested as the geometry type requires',
};

/** Reads message parameters with safe defaults. */
class Params {
  constructor(private readonly values: MessageParams) {}
  /** A parameter as plain text (“?” when missing). */
  s(key: string): string {
    const v = this.values[key];
    if (v === undefined || v === null || v === '') return '?';
    return String(v);
  }
  /** A 0-based index as a 1-based ordinal. */
  n1(key: string): string {
    const v = this.values[key];
    return typeof v === 'number' && Number.isFinite(v) ? String(v + 1) : '?';
  }
  /** A value quoted as the user wrote it: text in quotes, numbers as they are. */
  zhValue(key: string): string {
    return quote(this.values[key], '“', '”');
  }
  enValue(key: string): string {
    return quote(this.values[key], '"', '"');
  }
  layerZh(key = 'layer'): string {
    return LAYER_ZH[this.values[key] as LayerKind] ?? this.s(key);
  }
  layerEn(key = 'layer'): string {
    return LAYER_EN[this.values[key] as LayerKind] ?? this.s(key);
  }
  kindZh(key: string): string {
    return KIND_ZH[String(this.values[key])] ?? this.s(key);
  }
  kindEn(key: string): string {
    return KIND_EN[String(this.values[key])] ?? this.s(key);
  }
  /** What the field means, layer-specific first (a grid's `type` is its 网格类型). */
  labelZh(): string {
    return this.label()?.zh ?? this.s('field');
  }
  labelEn(): string {
    return this.label()?.en ?? this.s('field');
  }
  private label(): { zh: string; en: string } | undefined {
    return FIELD_LABELS[`${this.s('layer')}.${this.s('field')}`] ?? FIELD_LABELS[this.s('field')];
  }
  has(key: string): boolean {
    const v = this.values[key];
    return v !== undefined && v !== null && v !== '';
  }
  raw(key: string): unknown {
    return this.values[key];
  }
  /** A list parameter joined for reading, e.g. “road、water、green”. */
  list(key: string, separator: string): string {
    const v = this.values[key];
    return Array.isArray(v) ? v.map(String).join(separator) : this.s(key);
  }
  /** Alternatives: “A、B 或 C” / “A, B or C”. */
  either(key: string, lang: 'zh' | 'en'): string {
    const v = this.values[key];
    if (!Array.isArray(v) || v.length < 2) return this.list(key, '');
    const items = v.map(String);
    const last = items.pop() as string;
    return lang === 'zh' ? `${items.join('、')} 或 ${last}` : `${items.join(', ')} or ${last}`;
  }
}

function quote(value: unknown, open: string, close: string): string {
  if (value === undefined) return '?';
  if (typeof value === 'string') return open + truncate(value) + close;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    // Too deep (or cyclic) to print: its shape is enough.
    text = Array.isArray(value) ? '[…]' : '{…}';
  }
  return truncate(text);
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A position as “[116.3200, 39.8400]”. */
function position(value: unknown): string {
  if (!Array.isArray(value)) return quote(value, '"', '"');
  return `[${value.map((c) => (typeof c === 'number' ? String(c) : quote(c, '"', '"'))).join(', ')}]`;
}

/** 外环 / 第 2 个内环, with the polygon number for MultiPolygons. */
function ringZh(p: Params): string {
  const ring = p.raw('ring');
  const name = ring === 0 ? '外环' : `第 ${typeof ring === 'number' ? ring : '?'} 个内环（洞）`;
  return p.has('polygon') ? `第 ${p.n1('polygon')} 个多边形的${name}` : name;
}
function ringEn(p: Params): string {
  const ring = p.raw('ring');
  const name =
    ring === 0 ? 'the outer ring' : `inner ring ${typeof ring === 'number' ? ring : '?'}`;
  return p.has('polygon') ? `${name} of polygon ${p.n1('polygon')}` : name;
}

const BEIJING_ZH = '北京的经度约 115.4–117.6、纬度约 39.4–41.1';
const BEIJING_EN = 'Beijing lies near 115.4–117.6°E, 39.4–41.1°N';

const TEMPLATES: Record<ProblemCode, Template> = {
  'empty-file': {
    zh: (p) => `文件 ${p.s('file')} 是空的，没有任何内容，未加载。`,
    en: (p) => `File ${p.s('file')} is empty; nothing was loaded.`,
  },
  'not-json': {
    zh: (p) =>
      p.has('line')
        ? `文件 ${p.s('file')} 不是有效的 JSON：第 ${p.s('line')} 行第 ${p.s('column')} 列附近有语法错误（可能缺少逗号、引号或括号），整个文件未加载。`
        : `文件 ${p.s('file')} 不是有效的 JSON（可能缺少逗号、引号或括号，或文件不完整），整个文件未加载。`,
    en: (p) =>
      p.has('line')
        ? `File ${p.s('file')} is not valid JSON: syntax error near line ${p.s('line')}, column ${p.s('column')} (${p.s('detail')}); the whole file was not loaded.`
        : `File ${p.s('file')} is not valid JSON (${p.s('detail')}); the whole file was not loaded.`,
  },
  'table-not-geojson': {
    zh: (p) =>
      `文件 ${p.s('file')} 是 ${p.s('format')} 表格，不是 GeoJSON 图层，未加载；请先把表格（含经度、纬度列）转换为 GeoJSON 再加载。`,
    en: (p) =>
      `File ${p.s('file')} is a ${p.s('format')} table, not a GeoJSON layer, and was not loaded; convert the table (with longitude and latitude columns) to GeoJSON first.`,
  },
  'not-feature-collection': {
    zh: (p) =>
      `文件 ${p.s('file')} 不是 GridAtlas 可识别的图层：图层文件必须是 GeoJSON 要素集合（FeatureCollection），而它是${p.kindZh('found')}，整个文件未加载。`,
    en: (p) =>
      `File ${p.s('file')} is not a layer GridAtlas recognises: a layer file must be a GeoJSON FeatureCollection, but it is ${p.kindEn('found')}; the whole file was not loaded.`,
  },
  'unknown-layer': {
    zh: (p) =>
      `文件 ${p.s('file')} 不是 GridAtlas 可识别的图层：从文件名和内容都看不出它是街道、社区、网格、楼栋、设施、诉求工单还是底图，整个文件未加载；可把文件改名为 grids.geojson、buildings.geojson 等图层名后再试。`,
    en: (p) =>
      `File ${p.s('file')} is not a layer GridAtlas recognises: neither its name nor its content shows whether it holds the street, communities, grids, buildings, facilities, work orders or basemap; the whole file was not loaded. Rename it after its layer (grids.geojson, buildings.geojson, …) and try again.`,
  },
  'layer-content-mismatch': {
    zh: (p) =>
      `文件 ${p.s('file')} 不是 GridAtlas 可识别的图层：文件名表明是${p.layerZh()}图层，但${
        p.has('guess')
          ? `内容更像${p.layerZh('guess')}图层`
          : `没有一个要素的几何类型是 ${p.either('allowed', 'zh')}`
      }，整个文件未加载；请检查是否选错了文件。`,
    en: (p) =>
      `File ${p.s('file')} is not a layer GridAtlas recognises: its name says ${p.layerEn()} layer, but ${
        p.has('guess')
          ? `its content looks like the ${p.layerEn('guess')} layer`
          : `none of its features is a ${p.either('allowed', 'en')}`
      }; the whole file was not loaded. Check that the right file was chosen.`,
  },
  'duplicate-layer': {
    zh: (p) =>
      `文件 ${p.s('file')} 也是${p.layerZh()}图层，而${p.layerZh()}图层已从 ${p.s('firstFile')} 加载；两个文件不会合并，本文件的 ${p.s('count')} 个要素都未加载。如需使用本文件，请只选择它重新加载。`,
    en: (p) =>
      `File ${p.s('file')} is a ${p.layerEn()} layer too, but the ${p.layerEn()} layer was already loaded from ${p.s('firstFile')}; the files are not merged and none of this file's ${p.s('count')} features was loaded. To use this file, load it on its own.`,
  },
  'no-features': {
    zh: (p) => `文件 ${p.s('file')} 是${p.layerZh()}图层，但没有任何要素。`,
    en: (p) => `File ${p.s('file')} is a ${p.layerEn()} layer but holds no features.`,
  },
  'invalid-input': {
    zh: (p) =>
      `第 ${p.n1('index')} 个输入（${p.s('file')}）不是可读取的文件（缺少文件名或文本内容），已跳过。`,
    en: (p) =>
      `Input ${p.n1('index')} (${p.s('file')}) is not a readable file (no name or no text); it was skipped.`,
  },
  'internal-error': {
    zh: (p) => `文件 ${p.s('file')} 处理时发生意外错误，整个文件未加载；请把此文件反馈给开发人员。`,
    en: (p) =>
      `An unexpected error occurred while reading file ${p.s('file')} (${p.s('detail')}); the whole file was not loaded. Please report this file to the developers.`,
  },
  'not-a-feature': {
    zh: (p) => `不是 GeoJSON 要素（Feature），而是${p.kindZh('found')}。`,
    en: (p) => `it is not a GeoJSON Feature but ${p.kindEn('found')}.`,
  },
  'properties-not-object': {
    zh: (p) => `没有属性表（properties 为${p.kindZh('found')}），无法读取编号和其他字段。`,
    en: (p) =>
      `it has no properties object (properties is ${p.kindEn('found')}), so its id and fields cannot be read.`,
  },
  'geometry-missing': {
    zh: () => `缺少 geometry 字段，无法确定它在地图上的位置。`,
    en: () => `it has no geometry member, so its place on the map is unknown.`,
  },
  'geometry-type-unknown': {
    zh: (p) => `几何类型 ${p.zhValue('type')} 不是 GeoJSON 的几何类型。`,
    en: (p) => `geometry type ${p.enValue('type')} is not a GeoJSON geometry type.`,
  },
  'coordinates-malformed': {
    zh: (p) =>
      `字段 ${p.s('field')} 的坐标格式不对：${COORD_REASON_ZH[p.s('reason')] ?? p.s('reason')}（值为 ${p.zhValue('value')}）。`,
    en: (p) =>
      `the coordinates at ${p.s('field')} are malformed: ${COORD_REASON_EN[p.s('reason')] ?? p.s('reason')} (value ${p.enValue('value')}).`,
  },
  'geometry-invalid': {
    zh: () => `几何图形不符合 GeoJSON 规范。`,
    en: (p) => `the geometry does not conform to GeoJSON (${p.s('detail')}).`,
  },
  'bbox-invalid': {
    zh: (p) => `字段 ${p.s('field')} 不是有效的外包框（应为偶数个数字），已忽略。`,
    en: (p) =>
      `${p.s('field')} is not a valid bounding box (an even count of numbers); it is ignored.`,
  },
  'geometry-null': {
    zh: () => `没有几何图形（geometry 为 null），无法在地图上显示，也不能参与分析。`,
    en: () => `it has no geometry (geometry is null), so it cannot be drawn or analysed.`,
  },
  'geometry-empty': {
    zh: (p) => `几何图形 ${p.s('type')} 是空的，没有任何坐标。`,
    en: (p) => `its ${p.s('type')} geometry is empty: it has no coordinates.`,
  },
  'geometry-type-not-allowed': {
    zh: (p) => `几何类型为 ${p.s('type')}，而${p.layerZh()}图层要求 ${p.either('allowed', 'zh')}。`,
    en: (p) =>
      `its geometry is a ${p.s('type')}, but the ${p.layerEn()} layer requires ${p.either('allowed', 'en')}.`,
  },
  'ring-too-few-positions': {
    zh: (p) => `${ringZh(p)}只有 ${p.s('count')} 个坐标点，闭合的环至少需要 4 个（首尾两个相同）。`,
    en: (p) =>
      `${ringEn(p)} has only ${p.s('count')} positions; a closed ring needs at least 4 (first and last the same).`,
  },
  'ring-unclosed': {
    zh: (p) =>
      `${ringZh(p)}没有闭合：第一个坐标 ${position(p.raw('first'))} 与最后一个坐标 ${position(p.raw('last'))} 不同。`,
    en: (p) =>
      `${ringEn(p)} is not closed: its first position ${position(p.raw('first'))} differs from its last ${position(p.raw('last'))}.`,
  },
  'line-too-few-positions': {
    zh: (p) => `线只有 ${p.s('count')} 个坐标点，至少需要 2 个。`,
    en: (p) => `the line has only ${p.s('count')} position(s); it needs at least 2.`,
  },
  'self-intersection': {
    zh: (p) => `${ringZh(p)}自相交（约在 ${position(p.raw('at'))} 处），面的边界不能交叉。`,
    en: (p) =>
      `${ringEn(p)} intersects itself (near ${position(p.raw('at'))}); a polygon's boundary must not cross itself.`,
  },
  'coordinates-swapped': {
    zh: (p) =>
      `坐标 ${position(p.raw('position'))} 的经纬度顺序颠倒了：GeoJSON 要求 [经度, 纬度]，${BEIJING_ZH}。`,
    en: (p) =>
      `position ${position(p.raw('position'))} has latitude and longitude swapped: GeoJSON wants [longitude, latitude], and ${BEIJING_EN}.`,
  },
  'coordinate-out-of-range': {
    zh: (p) =>
      `坐标 ${position(p.raw('position'))} 超出经纬度范围（经度 −180 到 180、纬度 −90 到 90），可能是以米为单位的投影坐标，而不是 WGS-84 经纬度。`,
    en: (p) =>
      `position ${position(p.raw('position'))} is outside longitude −180…180 / latitude −90…90; it may be projected metres rather than WGS-84 degrees.`,
  },
  'outside-beijing': {
    zh: (p) =>
      `坐标 ${position(p.raw('position'))} 不在北京范围内（${BEIJING_ZH}），请确认数据的地点和坐标系（WGS-84）。`,
    en: (p) =>
      `position ${position(p.raw('position'))} is outside Beijing (${BEIJING_EN}); check the data's place and coordinate system (WGS-84).`,
  },
  'missing-id': {
    zh: () => `缺少编号（properties.id）或编号为空，无法识别和引用这个要素。`,
    en: () =>
      `it has no id (properties.id missing or empty), so it cannot be identified or referred to.`,
  },
  'duplicate-id': {
    zh: (p) =>
      `编号 ${p.s('id')} 与第 ${p.n1('firstIndex')} 个要素重复；保留第 ${p.n1('firstIndex')} 个要素，本要素未加载。`,
    en: (p) =>
      `id ${p.s('id')} repeats that of feature ${p.n1('firstIndex')}; feature ${p.n1('firstIndex')} is kept and this one is not loaded.`,
  },
  'missing-property': {
    zh: (p, sev) =>
      `缺少字段 ${p.s('field')}（${p.labelZh()}）${sev === 'error' ? '，无法参与分析' : '，要素仍已加载'}。`,
    en: (p, sev) =>
      `field ${p.s('field')} (${p.labelEn()}) is missing${sev === 'error' ? ', so the feature cannot be analysed' : '; the feature is still loaded'}.`,
  },
  'wrong-type': {
    zh: (p) =>
      `字段 ${p.s('field')} 的值 ${p.zhValue('value')} 是${p.kindZh('actual')}，${p.labelZh()}应为${p.kindZh('expected')}。`,
    en: (p) =>
      `field ${p.s('field')} holds ${p.enValue('value')}, which is ${p.kindEn('actual')}; the ${p.labelEn()} must be ${p.kindEn('expected')}.`,
  },
  'negative-number': {
    zh: (p) => `字段 ${p.s('field')} 为负数（${p.s('value')}），${p.labelZh()}不能为负。`,
    en: (p) =>
      `field ${p.s('field')} is negative (${p.s('value')}); the ${p.labelEn()} cannot be negative.`,
  },
  'not-integer': {
    zh: (p) => `字段 ${p.s('field')} 为 ${p.s('value')}，不是整数；${p.labelZh()}必须是整数。`,
    en: (p) =>
      `field ${p.s('field')} is ${p.s('value')}, not a whole number; the ${p.labelEn()} must be an integer.`,
  },
  'not-positive': {
    zh: (p) => `字段 ${p.s('field')} 为 ${p.s('value')}，${p.labelZh()}必须大于 0。`,
    en: (p) =>
      `field ${p.s('field')} is ${p.s('value')}; the ${p.labelEn()} must be greater than 0.`,
  },
  'invalid-code': {
    zh: (p) =>
      `字段 ${p.s('field')} 的值 ${p.zhValue('value')} 不是有效的${p.s('codeZh')}：应为 ${p.s('digits')} 位数字${
        p.raw('digits') === 15 ? '，且最后 3 位网格序号不能是 000' : ''
      }。`,
    en: (p) =>
      `field ${p.s('field')} holds ${p.enValue('value')}, which is not a valid ${p.s('codeEn')}: it must be ${p.s('digits')} digits${
        p.raw('digits') === 15 ? ', with a grid sequence (last 3 digits) other than 000' : ''
      }.`,
  },
  'unknown-value': {
    zh: (p) =>
      `字段 ${p.s('field')} 的值 ${p.zhValue('value')} 不是可识别的${p.labelZh()}，可选值为：${p.list('allowed', '、')}。`,
    en: (p) =>
      `field ${p.s('field')} holds ${p.enValue('value')}, which is not a known ${p.labelEn()}; allowed values: ${p.list('allowed', ', ')}.`,
  },
  'invalid-date': {
    zh: (p) =>
      `字段 ${p.s('field')} 的值 ${p.zhValue('value')} 不是有效的日期时间，应为 ISO 8601 格式，例如 2024-03-01T08:30:00+08:00。`,
    en: (p) =>
      `field ${p.s('field')} holds ${p.enValue('value')}, which is not a valid date-time; use ISO 8601, e.g. 2024-03-01T08:30:00+08:00.`,
  },
  'date-without-offset': {
    zh: (p) =>
      `字段 ${p.s('field')} 的时间 ${p.zhValue('value')} 没有注明时区，已按北京时间（+08:00）读取为 ${p.s('normalised')}。`,
    en: (p) =>
      `field ${p.s('field')} holds ${p.enValue('value')} without a time zone; it was read as Beijing time: ${p.s('normalised')}.`,
  },
  'date-order': {
    zh: (p) =>
      `字段 ${p.s('field')}（${p.labelZh()}，${p.s('value')}）早于受理时间 createdAt（${p.s('createdAt')}），请核对。`,
    en: (p) =>
      `field ${p.s('field')} (${p.s('value')}) is earlier than createdAt (${p.s('createdAt')}); please check.`,
  },
  'closed-without-date': {
    zh: () => `工单状态为“办结”，但没有办结时间 closedAt，无法判断是否超期。`,
    en: () =>
      `the order's status is 办结 (closed) but it has no closedAt, so overdue cannot be judged.`,
  },
  'difficult-exceeds-households': {
    zh: (p) =>
      `困难户（${p.s('difficult')}）与特殊困难户（${p.s('special')}）合计 ${p.s('sum')} 户，多于总户数 ${p.s('households')} 户，请核对。`,
    en: (p) =>
      `households in difficulty (${p.s('difficult')}) plus special-hardship households (${p.s('special')}) make ${p.s('sum')}, more than all ${p.s('households')} households; please check.`,
  },
  'implausible-year': {
    zh: (p) =>
      `建成年份 ${p.s('value')} 不合理（应在 ${p.s('min')} 年到 ${p.s('max')} 年之间），请核对。`,
    en: (p) =>
      `year built ${p.s('value')} is implausible (expected ${p.s('min')}–${p.s('max')}); please check.`,
  },
  'no-workers': {
    zh: () => `网格员人数为 0，无法计算每名网格员负责的户数。`,
    en: () => `the grid has 0 grid workers, so households per worker cannot be computed.`,
  },
  'grid-code-community-mismatch': {
    zh: (p) =>
      `网格编码 ${p.s('id')} 的前 12 位 ${p.s('prefix')} 与所属社区编号 communityId（${p.s('communityId')}）不一致。`,
    en: (p) =>
      `the first 12 digits of grid code ${p.s('id')} (${p.s('prefix')}) differ from its communityId (${p.s('communityId')}).`,
  },
  'community-code-street-mismatch': {
    zh: (p) =>
      `社区编码 ${p.s('id')} 的前 9 位 ${p.s('prefix')} 与所属街道编号 streetId（${p.s('streetId')}）不一致。`,
    en: (p) =>
      `the first 9 digits of community code ${p.s('id')} (${p.s('prefix')}) differ from its streetId (${p.s('streetId')}).`,
  },
  'unknown-community': {
    zh: (p) => `所属社区编号 communityId（${p.s('value')}）在社区文件 ${p.s('refFile')} 中不存在。`,
    en: (p) =>
      `its communityId (${p.s('value')}) does not exist in the communities file ${p.s('refFile')}.`,
  },
  'unknown-street': {
    zh: (p) =>
      `所属街道编号 streetId（${p.s('value')}）与街道文件 ${p.s('refFile')} 中的街道编号（${p.s('known')}）不符。`,
    en: (p) =>
      `its streetId (${p.s('value')}) is not the street in ${p.s('refFile')} (${p.s('known')}).`,
  },
  'unknown-building': {
    zh: (p) =>
      `关联楼栋编号 buildingId（${p.s('value')}）在楼栋文件 ${p.s('refFile')} 中不存在，该工单无法归到楼栋，但仍已加载。`,
    en: (p) =>
      `its buildingId (${p.s('value')}) does not exist in the buildings file ${p.s('refFile')}; the order cannot be tied to a building but is still loaded.`,
  },
};

/**
 * The zh and en sentences for a problem. Feature problems are prefixed with where they are
 * (1-based feature number, id or 无编号); whole-file problems name the file themselves.
 * @example
 * problemMessage('negative-number', { file: 'grids.geojson', featureIndex: 11, featureId: '110106012003004' },
 *   { field: 'households', value: -5 }, 'error').zh;
 * // 'grids.geojson 第 12 个要素（110106012003004）：字段 households 为负数（-5），户数不能为负。'
 */
export function problemMessage(
  code: ProblemCode,
  where: ProblemWhere,
  params: MessageParams = {},
  severity: ProblemSeverity = 'error',
): { zh: string; en: string } {
  const p = new Params({ file: where.file, ...params });
  const template = TEMPLATES[code];
  const zh = template.zh(p, severity);
  const en = template.en(p, severity);
  if (where.featureIndex === null) return { zh, en };
  const n = where.featureIndex + 1;
  return {
    zh: `${where.file} 第 ${n} 个要素（${where.featureId ?? '无编号'}）：${zh}`,
    en: `${where.file}, feature ${n} (${where.featureId ?? 'no id'}): ${en}`,
  };
}

/**
 * A problem in words, in one language.
 * @example
 * loadProblemText(problem, 'en'); // 'grids.geojson, feature 12 (110106012003004): field households is negative (-5)…'
 */
export function loadProblemText(problem: Problem, lang: 'zh' | 'en'): string {
  return problemMessage(problem.code as ProblemCode, problem, problem.params, problem.severity)[
    lang
  ];
}

/**
 * Builds a Problem: where, the code and its parameters (worded by loadProblemText when shown).
 * @example
 * makeProblem({ file: 'a.geojson', featureIndex: 0, featureId: 'b1' }, 'missing-id', 'error', 'properties.id');
 */
export function makeProblem(
  where: ProblemWhere,
  code: ProblemCode,
  severity: ProblemSeverity,
  field: string | null,
  params: MessageParams = {},
): Problem {
  return {
    file: where.file,
    featureIndex: where.featureIndex,
    featureId: where.featureId,
    field,
    code,
    severity,
    params,
  };
}

/** The label of a layer in each language, e.g. 网格 / grid. */
export function layerLabel(layer: LayerKind): { zh: string; en: string } {
  return { zh: LAYER_ZH[layer], en: LAYER_EN[layer] };
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** What a JSON value is, as a key of the kind labels (string, number, array, Feature, …). */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const type = (value as { type?: unknown }).type;
    if (type === 'Feature' || type === 'FeatureCollection') return type;
    if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return 'geometry';
    return 'object';
  }
  return typeof value;
}
