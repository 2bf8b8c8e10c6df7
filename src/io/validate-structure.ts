/**
 * Structural checks of one feature against GeoJSON (RFC 7946): that it is a Feature with a
 * properties object and a geometry member, and that the geometry has a known type and well-nested
 * numeric coordinates. geojson-validation decides whether a geometry conforms; when it does not,
 * a small walk finds the first malformed coordinate so the problem can name its exact place.
 * Ring closure and ring length are left to validate-geometry.ts, which reports them per ring.
 */
import { isGeometryObject } from 'geojson-validation';
import type { Problem } from '../domain/problems.ts';
import { kindOf, makeProblem, type ProblemWhere } from './messages.ts';

/** The outcome of the structure check of one feature. */
export interface StructureResult {
  problems: Problem[];
  /** The properties object, or null when there is none to validate. */
  properties: Record<string, unknown> | null;
  /** The geometry (possibly null) when it is sound enough for validate-geometry.ts, else undefined. */
  geometry: unknown;
  geometryReady: boolean;
  /** What geojson-validation said about the geometry (empty when it conforms). */
  geojsonErrors: string[];
}

const GEOMETRY_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
  GeometryCollection: -1,
};

/**
 * Checks that `raw` is a GeoJSON Feature with properties and a well-formed geometry member.
 * @example
 * validateFeatureStructure(42, { file: 'grids.geojson', featureIndex: 3, featureId: null }).problems[0].code;
 * // 'not-a-feature'
 */
export function validateFeatureStructure(raw: unknown, where: ProblemWhere): StructureResult {
  const result: StructureResult = {
    problems: [],
    properties: null,
    geometry: undefined,
    geometryReady: false,
    geojsonErrors: [],
  };
  if (!isPlainObject(raw) || raw.type !== 'Feature') {
    result.problems.push(
      makeProblem(where, 'not-a-feature', 'error', null, { found: kindOf(raw) }),
    );
    return result;
  }
  if (isPlainObject(raw.properties)) result.properties = raw.properties;
  else {
    const found = 'properties' in raw ? kindOf(raw.properties) : 'undefined';
    result.problems.push(
      makeProblem(where, 'properties-not-object', 'error', 'properties', { found }),
    );
  }
  if ('bbox' in raw && !isBbox(raw.bbox)) {
    result.problems.push(makeProblem(where, 'bbox-invalid', 'warning', 'bbox', { field: 'bbox' }));
  }
  if (!('geometry' in raw)) {
    result.problems.push(makeProblem(where, 'geometry-missing', 'error', 'geometry'));
    return result;
  }
  const geometry = raw.geometry;
  if (geometry === null) {
    result.geometry = null;
    result.geometryReady = true;
    return result;
  }
  const type = isPlainObject(geometry) ? geometry.type : geometry;
  if (!isPlainObject(geometry) || typeof type !== 'string' || !(type in GEOMETRY_DEPTH)) {
    result.problems.push(
      makeProblem(where, 'geometry-type-unknown', 'error', 'geometry.type', { type }),
    );
    return result;
  }
  if ('bbox' in geometry && !isBbox(geometry.bbox)) {
    result.problems.push(
      makeProblem(where, 'bbox-invalid', 'warning', 'geometry.bbox', { field: 'geometry.bbox' }),
    );
  }
  result.geometry = geometry;
  if (type === 'GeometryCollection') {
    // No layer takes one; validate-geometry.ts says so. Its members are not worth walking.
    result.geometryReady = true;
    return result;
  }
  result.geojsonErrors = geojsonErrors(geometry);
  if (result.geojsonErrors.length === 0) {
    result.geometryReady = true;
    return result;
  }
  const malformed: Malformed | null =
    'coordinates' in geometry
      ? findMalformed(geometry.coordinates, GEOMETRY_DEPTH[type] ?? 0, 'geometry.coordinates', true)
      : { field: 'geometry.coordinates', reason: 'missing', value: undefined };
  if (malformed) {
    const { field, reason, value } = malformed;
    result.problems.push(
      makeProblem(where, 'coordinates-malformed', 'error', field, { field, reason, value }),
    );
  } else {
    result.geometryReady = true;
  }
  return result;
}

/**
 * geojson-validation's complaints about the geometry without its bbox (a bad bbox is only a
 * warning, reported above). It throws on some inputs (an empty ring): that counts as a complaint.
 */
function geojsonErrors(geometry: Record<string, unknown>): string[] {
  if (plainlyValid(geometry)) return [];
  try {
    const withoutBbox = { ...geometry };
    delete withoutBbox.bbox;
    return isGeometryObject(withoutBbox, true);
  } catch (error) {
    return [`geojson-validation failed: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/**
 * True when the geometry is plainly what geojson-validation accepts: a simple type whose
 * coordinates nest as they should around positions of two or three numbers, lines of at least
 * two positions, rings of at least four that close exactly. Most features of a real layer are,
 * and this answers for them without walking them twice; anything else goes to geojson-validation.
 */
function plainlyValid(geometry: Record<string, unknown>): boolean {
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      return isPosition(c);
    case 'MultiPoint':
      return Array.isArray(c) && c.every(isPosition);
    case 'LineString':
      return isLine(c);
    case 'MultiLineString':
      return Array.isArray(c) && c.every(isLine);
    case 'Polygon':
      return isPolygon(c);
    case 'MultiPolygon':
      return Array.isArray(c) && c.every(isPolygon);
    default:
      return false;
  }
}

function isPosition(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function isLine(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 2 && value.every(isPosition);
}

function isPolygon(value: unknown): boolean {
  return Array.isArray(value) && value.every(isClosedRing);
}

function isClosedRing(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 4 || !value.every(isPosition)) return false;
  const [first, last] = [value[0] as number[], value[value.length - 1] as number[]];
  return first.length === last.length && first.every((n, i) => n === last[i]);
}

interface Malformed {
  field: string;
  reason: 'not-array' | 'not-number' | 'too-short' | 'wrong-nesting' | 'missing';
  value: unknown;
}

/**
 * The first place where `value` is not an array nested `depth` deep around numeric positions.
 * Empty arrays pass: emptiness is a geometry problem, reported with its meaning there.
 */
function findMalformed(
  value: unknown,
  depth: number,
  field: string,
  top = false,
): Malformed | null {
  if (!Array.isArray(value)) {
    return { field, reason: typeof value === 'number' ? 'wrong-nesting' : 'not-array', value };
  }
  if (depth === 0) {
    if (top && value.length === 0) return null;
    if (value.some((c) => typeof c !== 'number')) {
      return { field, reason: Array.isArray(value[0]) ? 'wrong-nesting' : 'not-number', value };
    }
    if (value.length < 2) return { field, reason: 'too-short', value };
    return null;
  }
  for (let i = 0; i < value.length; i++) {
    const found = findMalformed(value[i], depth - 1, `${field}[${i}]`);
    if (found) return found;
  }
  return null;
}

function isBbox(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 4 &&
    value.length % 2 === 0 &&
    value.every((v) => typeof v === 'number')
  );
}

/** A JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
