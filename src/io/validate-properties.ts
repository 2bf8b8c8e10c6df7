/**
 * Per-layer property rules: ids and their code formats, required and recommended fields, value
 * types, counts that must be whole and non-negative, known enum values (with the Chinese aliases
 * of grid types), ISO dates, and a few plausibility checks. Returns the problems and the feature's
 * properties as the domain expects them: known fields normalised (综合 → 'comprehensive', a date
 * without zone → +08:00), every other property untouched. The input object is never modified.
 *
 * Severity follows how much a field matters: a missing or bad *required* field (used by analysis
 * or by links between layers) is an error and sets the feature aside; a *recommended* field (a
 * label such as a name or an address) only warns; an *optional* field is checked when present.
 */
import { isValidCommunityCode, isValidGridCode, isValidStreetCode } from '../domain/codes.ts';
import type { Problem, ProblemSeverity } from '../domain/problems.ts';
import {
  BASEMAP_KINDS,
  FACILITY_TYPES,
  GRID_TYPES,
  PROPERTY_MANAGEMENT,
  ROAD_CLASSES,
  SATISFACTION_LEVELS,
  WORK_ORDER_SOURCES,
  WORK_ORDER_STATUSES,
  type LayerKind,
} from '../domain/types.ts';
import {
  kindOf,
  makeProblem,
  type MessageParams,
  type ProblemCode,
  type ProblemWhere,
} from './messages.ts';

type Need = 'required' | 'recommended' | 'optional';

type FieldRule = { need: Need; bad?: ProblemSeverity } & (
  | { kind: 'string' }
  | { kind: 'count' }
  | { kind: 'integer' }
  | { kind: 'positive' }
  | { kind: 'boolean' }
  | { kind: 'date'; nullable?: boolean }
  | {
      kind: 'enum';
      values: readonly string[];
      aliases?: Readonly<Record<string, string>>;
      nullable?: boolean;
    }
  | { kind: 'code'; digits: 9 | 12 }
);

/** Accepted spellings of the grid types, matched after trimming and lower-casing. */
export const GRID_TYPE_ALIASES: Readonly<Record<string, (typeof GRID_TYPES)[number]>> = {
  comprehensive: 'comprehensive',
  dedicated: 'dedicated',
  综合: 'comprehensive',
  综合网格: 'comprehensive',
  专属: 'dedicated',
  专属网格: 'dedicated',
};

const req = 'required' as const;
const rec = 'recommended' as const;
const opt = 'optional' as const;

function layerRules(
  facilityTypes: readonly string[],
): Record<LayerKind, Record<string, FieldRule>> {
  return {
    street: {
      name: { need: rec, kind: 'string' },
      district: { need: rec, kind: 'string' },
    },
    communities: {
      name: { need: rec, kind: 'string' },
      streetId: { need: req, kind: 'code', digits: 9 },
    },
    grids: {
      name: { need: rec, kind: 'string' },
      communityId: { need: req, kind: 'code', digits: 12 },
      type: { need: req, kind: 'enum', values: GRID_TYPES, aliases: GRID_TYPE_ALIASES },
      workers: { need: req, kind: 'count' },
      leader: { need: rec, kind: 'string' },
    },
    buildings: {
      name: { need: rec, kind: 'string' },
      address: { need: rec, kind: 'string' },
      communityId: { need: req, kind: 'code', digits: 12 },
      floors: { need: req, kind: 'count' },
      units: { need: req, kind: 'count' },
      households: { need: req, kind: 'count' },
      residents: { need: req, kind: 'count' },
      yearBuilt: { need: rec, kind: 'integer' },
      property: { need: rec, kind: 'enum', values: PROPERTY_MANAGEMENT },
      difficultHouseholds: { need: req, kind: 'count' },
      specialHouseholds: { need: req, kind: 'count' },
    },
    facilities: {
      type: { need: req, kind: 'enum', values: facilityTypes },
      name: { need: rec, kind: 'string' },
      serviceRadiusM: { need: opt, kind: 'positive' },
    },
    workOrders: {
      source: { need: req, kind: 'enum', values: WORK_ORDER_SOURCES },
      category1: { need: req, kind: 'string' },
      category2: { need: req, kind: 'string' },
      category3: { need: rec, kind: 'string' },
      createdAt: { need: req, kind: 'date' },
      dueAt: { need: req, kind: 'date' },
      closedAt: { need: opt, kind: 'date', nullable: true },
      status: { need: req, kind: 'enum', values: WORK_ORDER_STATUSES },
      followedUp: { need: req, kind: 'boolean' },
      contacted: { need: req, kind: 'boolean' },
      resolved: { need: req, kind: 'boolean' },
      satisfaction: { need: opt, kind: 'enum', values: SATISFACTION_LEVELS, nullable: true },
      address: { need: rec, kind: 'string' },
      buildingId: { need: opt, kind: 'string', bad: 'warning' },
    },
    basemap: {
      kind: { need: req, kind: 'enum', values: BASEMAP_KINDS },
      name: { need: opt, kind: 'string', bad: 'warning' },
      roadClass: { need: opt, kind: 'enum', values: ROAD_CLASSES, bad: 'warning' },
    },
  };
}

type RuleList = readonly (readonly [string, FieldRule])[];

/**
 * A rule with every member present (absent ones undefined), so that all rules share one shape and
 * the checks of a large layer read them at full speed.
 */
function fullRule(rule: FieldRule): FieldRule {
  const blank = {
    need: rule.need,
    kind: rule.kind,
    bad: undefined,
    nullable: undefined,
    values: undefined,
    aliases: undefined,
    digits: undefined,
  };
  return Object.assign(blank, rule) as unknown as FieldRule;
}

const RULES_CACHE = new WeakMap<readonly string[], Record<LayerKind, RuleList>>();

/** Each layer's rules as a list, built once per list of facility types (not once per feature). */
function rulesFor(facilityTypes: readonly string[]): Record<LayerKind, RuleList> {
  let rules = RULES_CACHE.get(facilityTypes);
  if (!rules) {
    const table = layerRules(facilityTypes);
    rules = Object.fromEntries(
      Object.entries(table).map(([layer, fields]) => [
        layer,
        Object.entries(fields).map(([key, rule]) => [key, fullRule(rule)] as const),
      ]),
    ) as unknown as Record<LayerKind, RuleList>;
    RULES_CACHE.set(facilityTypes, rules);
  }
  return rules;
}

/** The code each layer's ids follow, if any (DB11/T 2157-2023 for the territory). */
const ID_CODES: Partial<Record<LayerKind, 9 | 12 | 15>> = { street: 9, communities: 12, grids: 15 };
const CODE_NAMES: Record<9 | 12 | 15, { zh: string; en: string }> = {
  9: { zh: '街道编码', en: 'street code' },
  12: { zh: '社区编码', en: 'community code' },
  15: { zh: '网格编码', en: 'grid code' },
};

export interface PropertyOptions {
  /** Facility types accepted besides none: by default those with a service radius in the settings. */
  facilityTypes?: readonly string[];
  /** The current year, for plausibility of yearBuilt (defaults to the clock). */
  currentYear?: number;
}

export interface PropertyResult {
  problems: Problem[];
  /** The properties for the loaded feature: the same object unless a known value was normalised. */
  properties: Record<string, unknown>;
}

/**
 * Validates one feature's properties for `layer`.
 * @example
 * const r = validateFeatureProperties('grids', { id: '110106012003004', communityId: '110106012003',
 *   type: '综合', workers: 2, name: '三号网格', leader: '王芳' }, where);
 * r.problems; // []
 * r.properties.type; // 'comprehensive'
 */
export function validateFeatureProperties(
  layer: LayerKind,
  properties: Readonly<Record<string, unknown>>,
  where: ProblemWhere,
  options: PropertyOptions = {},
): PropertyResult {
  const problems: Problem[] = [];
  let changes: Record<string, unknown> | null = null;
  /** Epoch milliseconds of the date fields that parsed, for the work orders' order checks. */
  const times: Record<string, number> | null = layer === 'workOrders' ? {} : null;
  const add = (code: ProblemCode, severity: ProblemSeverity, key: string, params?: MessageParams) =>
    problems.push(
      makeProblem(
        where,
        code,
        severity,
        fieldPath(key),
        params ? { field: key, layer, ...params } : bareParams(key, layer),
      ),
    );

  checkId(layer, properties.id, add);

  const rules = rulesFor(options.facilityTypes ?? FACILITY_TYPES)[layer];
  for (const [key, rule] of rules) {
    const value = Object.prototype.hasOwnProperty.call(properties, key)
      ? properties[key]
      : undefined;
    const normalised = checkField(key, value, rule, add, times);
    if (normalised !== undefined) (changes ??= {})[key] = normalised;
  }

  // Unchanged properties are passed on as they are: a large layer is not copied feature by feature.
  const merged = changes ? { ...properties, ...changes } : properties;
  if (layer === 'buildings')
    checkBuilding(merged, add, options.currentYear ?? new Date().getFullYear());
  if (layer === 'grids' && merged.workers === 0) add('no-workers', 'warning', 'workers');
  if (times) checkWorkOrder(merged, times, add);
  return { problems, properties: merged };
}

type Add = (
  code: ProblemCode,
  severity: ProblemSeverity,
  key: string,
  params?: MessageParams,
) => void;

function checkId(layer: LayerKind, id: unknown, add: Add): void {
  if (id === undefined || id === null || (typeof id === 'string' && id.trim() === '')) {
    add('missing-id', 'error', 'id');
    return;
  }
  if (typeof id !== 'string') {
    add('wrong-type', 'error', 'id', { value: id, actual: kindOf(id), expected: 'string' });
    return;
  }
  const digits = ID_CODES[layer];
  if (digits === undefined) return;
  const valid =
    digits === 9
      ? isValidStreetCode(id)
      : digits === 12
        ? isValidCommunityCode(id)
        : isValidGridCode(id);
  if (!valid) add('invalid-code', 'error', 'id', codeParams(id, digits));
}

// A warning on every feature of a large layer (an optional field missing throughout) would
// otherwise allocate the same path string and parameter object hundreds of thousands of times.
const fieldPaths = new Map<string, string>();
const fieldPath = (key: string): string => {
  let path = fieldPaths.get(key);
  if (path === undefined) fieldPaths.set(key, (path = `properties.${key}`));
  return path;
};
const sharedParams = new Map<LayerKind, Map<string, MessageParams>>();
/** The parameters of a problem that names only its field and layer, one object per pair. */
function bareParams(key: string, layer: LayerKind): MessageParams {
  let byKey = sharedParams.get(layer);
  if (!byKey) sharedParams.set(layer, (byKey = new Map()));
  let params = byKey.get(key);
  if (!params) byKey.set(key, (params = Object.freeze({ field: key, layer })));
  return params;
}

function codeParams(value: unknown, digits: 9 | 12 | 15): MessageParams {
  return { value, digits, codeZh: CODE_NAMES[digits].zh, codeEn: CODE_NAMES[digits].en };
}

/** Checks one field; returns its normalised value when it differs from the raw one. */
function checkField(
  key: string,
  value: unknown,
  rule: FieldRule,
  add: Add,
  times: Record<string, number> | null,
): unknown {
  const badSeverity: ProblemSeverity =
    rule.bad ?? (rule.need === 'recommended' ? 'warning' : 'error');
  const nullable = (rule.kind === 'date' || rule.kind === 'enum') && rule.nullable === true;
  const blank =
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  if (blank) {
    if (value === null && nullable) return undefined;
    if (rule.need !== 'optional')
      add('missing-property', rule.need === 'required' ? 'error' : 'warning', key);
    return undefined;
  }

  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') wrongTypeProblem(add, badSeverity, key, value, 'string');
      return undefined;
    case 'boolean':
      if (typeof value !== 'boolean') wrongTypeProblem(add, badSeverity, key, value, 'boolean');
      return undefined;
    case 'count':
    case 'integer':
    case 'positive': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        wrongTypeProblem(
          add,
          badSeverity,
          key,
          value,
          rule.kind === 'positive' ? 'number' : 'integer',
        );
      } else if (rule.kind === 'positive') {
        if (value <= 0) add('not-positive', badSeverity, key, { value });
      } else if (rule.kind === 'count' && value < 0) {
        add('negative-number', badSeverity, key, { value });
      } else if (!Number.isInteger(value)) {
        add('not-integer', badSeverity, key, { value });
      }
      return undefined;
    }
    case 'code':
      if (typeof value !== 'string') wrongTypeProblem(add, badSeverity, key, value, 'string');
      else if (!(rule.digits === 9 ? isValidStreetCode(value) : isValidCommunityCode(value)))
        add('invalid-code', badSeverity, key, codeParams(value, rule.digits));
      return undefined;
    case 'enum': {
      if (typeof value !== 'string') {
        wrongTypeProblem(add, badSeverity, key, value, 'string');
        return undefined;
      }
      if (rule.values.includes(value)) return undefined;
      const alias = rule.aliases?.[value.trim().toLowerCase()];
      if (alias !== undefined) return alias;
      const allowed = rule.aliases ? Object.keys(rule.aliases) : rule.values;
      add('unknown-value', badSeverity, key, { value, allowed });
      return undefined;
    }
    case 'date': {
      if (typeof value !== 'string') {
        wrongTypeProblem(add, badSeverity, key, value, 'date');
        return undefined;
      }
      const parsed = parseIsoDateTime(value);
      if (parsed && times) times[key] = parsed.time;
      if (!parsed) {
        add('invalid-date', badSeverity, key, { value });
        return undefined;
      }
      if (!parsed.hadZone) {
        add('date-without-offset', 'warning', key, { value, normalised: parsed.normalised });
      }
      return parsed.normalised === value ? undefined : parsed.normalised;
    }
  }
}

function wrongTypeProblem(
  add: Add,
  severity: ProblemSeverity,
  key: string,
  value: unknown,
  expected: string,
): void {
  add('wrong-type', severity, key, { value, actual: kindOf(value), expected });
}

function checkBuilding(p: Record<string, unknown>, add: Add, currentYear: number): void {
  const { households, difficultHouseholds: difficult, specialHouseholds: special, yearBuilt } = p;
  if (
    isCount(households) &&
    isCount(difficult) &&
    isCount(special) &&
    difficult + special > households
  ) {
    add('difficult-exceeds-households', 'warning', 'difficultHouseholds', {
      difficult,
      special,
      sum: difficult + special,
      households,
    });
  }
  const min = 1800;
  const max = currentYear + 1;
  if (
    typeof yearBuilt === 'number' &&
    Number.isInteger(yearBuilt) &&
    (yearBuilt < min || yearBuilt > max)
  ) {
    add('implausible-year', 'warning', 'yearBuilt', { value: yearBuilt, min, max });
  }
}

function checkWorkOrder(
  p: Record<string, unknown>,
  times: Readonly<Record<string, number>>,
  add: Add,
): void {
  const created = times.createdAt;
  if (created !== undefined) {
    for (const key of ['dueAt', 'closedAt'] as const) {
      const time = times[key];
      if (time !== undefined && time < created) {
        add('date-order', 'warning', key, { value: p[key], createdAt: p.createdAt });
      }
    }
  }
  if (
    p.status === '办结' &&
    (p.closedAt === undefined || p.closedAt === null || p.closedAt === '')
  ) {
    add('closed-without-date', 'warning', 'closedAt');
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?)?$/i;

/**
 * Parses an ISO 8601 date or date-time (a space for the T is tolerated). Returns its canonical
 * text (`YYYY-MM-DDTHH:mm:ss[.f]±HH:MM`, Beijing time +08:00 when no zone was given), whether a
 * zone was given, and its epoch milliseconds; null when it is not a real date.
 * @example
 * parseIsoDateTime('2024-03-01 08:30'); // { normalised: '2024-03-01T08:30:00+08:00', hadZone: false, … }
 * parseIsoDateTime('2024-02-30'); // null
 */
export function parseIsoDateTime(
  text: string,
): { normalised: string; hadZone: boolean; time: number } | null {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', fraction = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return null;
  let offset = '+08:00';
  if (zone !== undefined) {
    if (zone.toUpperCase() === 'Z') offset = 'Z';
    else {
      const digits = zone.replace(':', '');
      if (Number(digits.slice(1, 3)) > 23 || Number(digits.slice(3, 5)) > 59) return null;
      offset = `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
    }
  }
  const normalised = `${y}-${mo}-${d}T${hh}:${mi}:${ss}${fraction}${offset}`;
  const time = Date.parse(normalised);
  if (Number.isNaN(time)) return null;
  return { normalised, hadZone: zone !== undefined, time };
}

/**
 * The id a problem should name: `properties.id`, else the feature's own `id`, as text; null when
 * neither is there.
 * @example
 * featureIdOf({ type: 'Feature', properties: { id: 'b-17' }, geometry: null }); // 'b-17'
 */
export function featureIdOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const feature = raw as { id?: unknown; properties?: unknown };
  const props = feature.properties;
  const own =
    typeof props === 'object' && props !== null ? (props as { id?: unknown }).id : undefined;
  for (const candidate of [own, feature.id]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate;
    if (typeof candidate === 'number' && Number.isFinite(candidate)) return String(candidate);
  }
  return null;
}

/**
 * Marks every feature whose id was already used earlier in the same file. Features without a
 * usable string id are skipped (they have their own problem).
 * @example
 * duplicateIdProblems([{ id: 'a', where: w0 }, { id: 'a', where: w1 }], (f) => f.id); // [{ item: 1, problem: duplicate-id }]
 */
export function duplicateIdProblems<T extends { where: ProblemWhere }>(
  items: readonly T[],
  idOf: (item: T) => unknown,
): { item: number; problem: Problem }[] {
  const firstIndex = new Map<string, number>();
  const found: { item: number; problem: Problem }[] = [];
  items.forEach((entry, item) => {
    const id = idOf(entry);
    if (typeof id !== 'string' || id.trim() === '') return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, entry.where.featureIndex ?? item);
      return;
    }
    const problem = makeProblem(entry.where, 'duplicate-id', 'error', 'properties.id', {
      id,
      firstIndex: first,
    });
    found.push({ item, problem });
  });
  return found;
}
