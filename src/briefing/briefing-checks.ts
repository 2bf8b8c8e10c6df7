/**
 * Whether a value read from outside (IndexedDB, a link, a briefing file from another machine) is
 * a slide's view or a briefing this version can draw: each check gives the first thing wrong as a
 * short reason, or null. One set of checks for the store, the link and the file.
 */
type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isTime = (value: unknown): boolean =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

function cameraProblem(value: unknown): string | null {
  if (!isObject(value)) return 'no camera';
  const { center, zoom, bearing, pitch } = value;
  if (!Array.isArray(center) || center.length !== 2 || !center.every(isNumber)) return 'no camera';
  const [lng, lat] = center as [number, number];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return 'camera off the earth';
  if (!isNumber(zoom) || zoom < 0 || zoom > 24) return 'camera zoom out of range';
  return isNumber(bearing) && isNumber(pitch) ? null : 'camera without bearing or pitch';
}

function complaintsProblem(value: unknown): string | null {
  if (value === null) return null;
  if (!isObject(value)) return 'complaints is not an object';
  if (value.month !== null && typeof value.month !== 'string') return 'complaint month is not text';
  if (!isObject(value.filter)) return 'complaint filter is missing';
  if (value.mapMode !== 'heatmap' && value.mapMode !== 'hexagons') return 'unknown map mode';
  if (!isNumber(value.hexagonM) || value.hexagonM <= 0) return 'hexagon size is not a size';
  const { playback } = value;
  if (playback === null) return null;
  return isObject(playback) &&
    typeof playback.step === 'string' &&
    typeof playback.mode === 'string' &&
    isNumber(playback.months)
    ? null
    : 'playback settings are incomplete';
}

/**
 * @example
 * slideViewProblem({ camera: null }); // 'no camera'
 */
export function slideViewProblem(value: unknown): string | null {
  if (!isObject(value)) return 'no view';
  const layers = value.layers;
  return (
    cameraProblem(value.camera) ??
    (isObject(layers) &&
    Object.values(layers).every(
      (l) => isObject(l) && typeof l.visible === 'boolean' && isNumber(l.opacity),
    )
      ? null
      : 'layers are not shown or hidden') ??
    (typeof value.metric === 'string' && typeof value.tab === 'string'
      ? null
      : 'no colouring or tab') ??
    (value.planId === null || typeof value.planId === 'string' ? null : 'plan is not an id') ??
    complaintsProblem(value.complaints)
  );
}

function slideProblem(value: unknown, at: number): string | null {
  const where = `slide ${at + 1}`;
  if (!isObject(value)) return `${where} is not an object`;
  if (!['id', 'title', 'note'].every((name) => typeof value[name] === 'string'))
    return `${where} has no id, title or note`;
  const problem = slideViewProblem(value.view);
  return problem === null ? null : `${where}: ${problem}`;
}

/**
 * @example
 * briefingProblem({ id: 'b1', datasetKey: 'k', title: '汇报', slides: [], createdAt: t, updatedAt: t }); // null
 */
export function briefingProblem(value: unknown): string | null {
  if (!isObject(value)) return 'briefing is not an object';
  const { slides } = value;
  if (!['id', 'datasetKey', 'title'].every((name) => typeof value[name] === 'string'))
    return 'briefing has no id, data set or title';
  if (!Array.isArray(slides)) return 'slides is not a list';
  return (
    slides.map(slideProblem).find((p) => p !== null) ??
    (isTime(value.createdAt) && isTime(value.updatedAt) ? null : 'a timestamp is not a date')
  );
}
