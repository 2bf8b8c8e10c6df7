/**
 * The entry point of loading: files in, a street data set out. Each file is parsed, its layer
 * detected, each feature checked (structure, geometry, properties, duplicate ids), then the layers
 * are checked against each other. Features with an error are set aside with their problems, never
 * dropped; features with warnings only are loaded. Problems are kept grouped (problem-groups.ts):
 * the same warning on every feature of a large layer is one group with its count. A loaded
 * feature is the parsed object itself unless its properties were normalised, so a large file is
 * not held twice. Pure and synchronous, so it runs the same in Node, the browser and the data
 * worker; it never throws and never modifies its input.
 */
import type { Feature } from 'geojson';
import type { Problem, ProblemGroup, SetAsideFeature } from '../domain/problems.ts';
import { DEFAULT_SETTINGS, type GridSettings } from '../domain/settings.ts';
import type { LayerKind, StreetDataset } from '../domain/types.ts';
import { detectLayer } from './detect-layer.ts';
import { makeProblem, type ProblemWhere } from './messages.ts';
import { ProblemLog } from './problem-groups.ts';
import { readJson } from './read-json.ts';
import {
  validateCrossLayer,
  type CrossLayerFeature,
  type CrossLayerFile,
} from './validate-cross-layer.ts';
import { validateGeometry } from './validate-geometry.ts';
import {
  duplicateIdProblems,
  featureIdOf,
  validateFeatureProperties,
  type PropertyOptions,
} from './validate-properties.ts';
import { isPlainObject, validateFeatureStructure } from './validate-structure.ts';

export interface InputFile {
  name: string;
  text: string;
}

export interface LoadResult {
  /** Valid features per layer found (FeatureCollections); a layer with no file is absent. */
  dataset: Partial<StreetDataset>;
  /** One row per input file, in input order; `layer` is null when the file was not recognised. */
  files: {
    name: string;
    layer: LayerKind | null;
    total: number;
    loaded: number;
    setAside: number;
  }[];
  /**
   * Every problem, errors and warnings, grouped by file, code, field and severity; groups in the
   * order their first problem comes (file then feature order, whole-file problems first).
   */
  problems: ProblemGroup[];
  /** Features with at least one error, as the user gave them, with their problems. */
  setAside: SetAsideFeature[];
}

interface FeatureRecord extends CrossLayerFeature {
  raw: unknown;
  problems: Problem[];
  /** The feature as the domain gets it: raw members, normalised properties. */
  feature: Feature | null;
}

interface FileRecord {
  name: string;
  layer: LayerKind | null;
  total: number;
  fileProblems: Problem[];
  /** Empty when the file as a whole was not loaded. */
  records: FeatureRecord[];
}

/**
 * Loads and validates a set of files (one per layer) into a street data set.
 * @example
 * const result = loadFiles([{ name: 'grids.geojson', text }, { name: 'communities.geojson', text: text2 }]);
 * result.dataset.grids?.features.length; // the grids that passed
 * result.problems.filter((p) => p.severity === 'error'); // what kept the others aside
 */
export function loadFiles(
  files: InputFile[],
  settings: GridSettings = DEFAULT_SETTINGS,
): LoadResult {
  const log = new ProblemLog();
  const result: LoadResult = { dataset: {}, files: [], problems: log.groups, setAside: [] };
  if (!Array.isArray(files)) {
    const where = { file: '(input)', featureIndex: null, featureId: null };
    log.add(makeProblem(where, 'invalid-input', 'error', null, { index: 0 }));
    return result;
  }
  const options: PropertyOptions = { facilityTypes: facilityTypesOf(settings) };
  const records: FileRecord[] = [];
  const byLayer: Partial<Record<LayerKind, FileRecord>> = {};

  for (let index = 0; index < files.length; index++) {
    let name = `(input ${index + 1})`;
    try {
      const input: unknown = files[index];
      name = inputName(input, index);
      records.push(loadOne(input, index, name, byLayer, options));
    } catch (error) {
      records.push(failed(name, null, 0, 'internal-error', { detail: describe(error) }));
    }
  }

  try {
    const layers: Partial<Record<LayerKind, CrossLayerFile<FeatureRecord>>> = {};
    for (const [layer, file] of Object.entries(byLayer) as [LayerKind, FileRecord][]) {
      layers[layer] = { file: file.name, features: file.records };
    }
    for (const { feature, problem } of validateCrossLayer(layers)) feature.problems.push(problem);
  } catch (error) {
    const where = { file: '(cross-layer)', featureIndex: null, featureId: null };
    log.add(makeProblem(where, 'internal-error', 'error', null, { detail: describe(error) }));
  }

  for (const file of records) assemble(file, result, log);
  return result;
}

function loadOne(
  input: unknown,
  index: number,
  name: string,
  byLayer: Partial<Record<LayerKind, FileRecord>>,
  options: PropertyOptions,
): FileRecord {
  const text = isPlainObject(input) ? input.text : undefined;
  if (!isPlainObject(input) || typeof input.name !== 'string' || typeof text !== 'string') {
    return failed(name, null, 0, 'invalid-input', { index });
  }
  const read = readJson(name, text);
  if (!read.ok) return { ...failed(name, null, 0), fileProblems: [read.problem] };
  const detected = detectLayer(name, read.value);
  if (detected.layer === null) {
    const features = isPlainObject(read.value) ? read.value.features : undefined;
    const total = Array.isArray(features) ? features.length : 0;
    return { ...failed(name, null, total), fileProblems: [detected.problem] };
  }
  const { layer, features } = detected;
  const first = byLayer[layer];
  if (first) {
    return failed(name, layer, features.length, 'duplicate-layer', {
      layer,
      firstFile: first.name,
      count: features.length,
    });
  }
  const file: FileRecord = {
    name,
    layer,
    total: features.length,
    fileProblems: [],
    records: features.map((raw, i) => validateFeature(raw, i, name, layer, options)),
  };
  if (features.length === 0) {
    file.fileProblems.push(
      makeProblem(
        { file: name, featureIndex: null, featureId: null },
        'no-features',
        'warning',
        null,
        {
          layer,
        },
      ),
    );
  }
  const duplicates = duplicateIdProblems(file.records, (r) => r.properties?.id);
  for (const { item, problem } of duplicates) file.records[item]?.problems.push(problem);
  byLayer[layer] = file;
  return file;
}

function validateFeature(
  raw: unknown,
  index: number,
  file: string,
  layer: LayerKind,
  options: PropertyOptions,
): FeatureRecord {
  const where: ProblemWhere = { file, featureIndex: index, featureId: featureIdOf(raw) };
  const structure = validateFeatureStructure(raw, where);
  const problems = structure.problems;
  if (structure.geometryReady) {
    const geometryProblems = validateGeometry(structure.geometry, layer, where);
    problems.push(...geometryProblems);
    // geojson-validation is the reference: if it objects and nothing above explained why, say so.
    if (
      structure.geojsonErrors.length > 0 &&
      !geometryProblems.some((p) => p.severity === 'error')
    ) {
      problems.push(
        makeProblem(where, 'geometry-invalid', 'error', 'geometry', {
          detail: structure.geojsonErrors.slice(0, 3).join('; '),
        }),
      );
    }
  }
  let properties: Record<string, unknown> | null = null;
  if (structure.properties) {
    const checked = validateFeatureProperties(layer, structure.properties, where, options);
    problems.push(...checked.problems);
    properties = checked.properties;
  }
  let feature: Feature | null = null;
  if (properties && structure.geometryReady && isPlainObject(raw)) {
    feature = (raw.properties === properties && raw.geometry === structure.geometry
      ? raw
      : { ...raw, geometry: structure.geometry, properties }) as unknown as Feature;
  }
  return { where, raw, problems, feature, properties };
}

function assemble(file: FileRecord, result: LoadResult, log: ProblemLog): void {
  for (const p of file.fileProblems) log.add(p);
  const loaded: Feature[] = [];
  let setAside = 0;
  for (const record of file.records) {
    for (const p of record.problems) log.add(p);
    if (record.feature && !record.problems.some((p) => p.severity === 'error')) {
      loaded.push(record.feature);
    } else {
      setAside++;
      result.setAside.push({
        file: file.name,
        featureIndex: record.where.featureIndex ?? 0,
        feature: record.raw,
        problems: record.problems,
      });
    }
  }
  result.files.push({
    name: file.name,
    layer: file.layer,
    total: file.total,
    loaded: loaded.length,
    setAside,
  });
  if (file.layer && file.fileProblems.every(isKept)) {
    (result.dataset as Record<string, unknown>)[file.layer] = {
      type: 'FeatureCollection',
      features: loaded,
    };
  }
}

/** Whole-file problems that still leave the file's layer in the data set. */
function isKept(problem: Problem): boolean {
  return problem.code === 'no-features';
}

function failed(
  name: string,
  layer: LayerKind | null,
  total: number,
  code?: 'invalid-input' | 'internal-error' | 'duplicate-layer',
  params: Record<string, unknown> = {},
): FileRecord {
  const where = { file: name, featureIndex: null, featureId: null };
  return {
    name,
    layer,
    total,
    fileProblems: code ? [makeProblem(where, code, 'error', null, params)] : [],
    records: [],
  };
}

function inputName(input: unknown, index: number): string {
  const name = isPlainObject(input) ? input.name : undefined;
  return typeof name === 'string' && name !== '' ? name : `(input ${index + 1})`;
}

/** The facility types the settings give a service radius to; the defaults if they cannot be read. */
function facilityTypesOf(settings: GridSettings): readonly string[] | undefined {
  try {
    const radii = isPlainObject(settings) ? settings.serviceRadiiM : undefined;
    return isPlainObject(radii) ? Object.keys(radii) : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
