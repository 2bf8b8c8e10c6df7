/**
 * Reshaping grids vertex by vertex: move, insert and delete a boundary vertex in every grid that
 * holds it, so shared edges stay shared and no gap or overlap appears. A vertex on the community
 * border slides along the border, and the grids on either side gain or lose the border stretch
 * it passes. Every operation returns a patch of the grids it changed, or the problem that
 * refused it.
 */
import { polygonsOf } from '../analysis/coverage/prepared.ts';
import type { Position } from 'geojson';
import type { GridFeature } from '../domain/types.ts';
import { CommunityBorder, type BorderLocation } from './community-border.ts';
import {
  patchFrom,
  planGrids,
  type EditContext,
  type EditProblemCode,
  type EditResult,
  type Plan,
} from './plan.ts';
import {
  nearestOnSegment,
  planarDistance,
  positionKey,
  ringOrientation,
  samePosition,
  withPolygons,
} from './ring-geometry.ts';
import { reshapeIsValid, type ReshapedGrid } from './ring-validation.ts';
import { TOPOLOGY_TOLERANCE_DEG } from './topology.ts';

function refuse(code: EditProblemCode, params: Record<string, string | number> = {}): EditResult {
  return { ok: false, problem: { code, params } };
}

function atParams(p: Position): Record<string, number> {
  return { lng: p[0]!, lat: p[1]! };
}

function holds(grid: GridFeature, p: Position): boolean {
  return polygonsOf(grid.geometry).some((rings) =>
    rings.some((ring) => ring.some((q) => samePosition(p, q))),
  );
}

/** The grid with every ring passed through `rewrite` (null from it refuses the whole grid). */
function rewriteRings(
  grid: GridFeature,
  rewrite: (ring: Position[], outer: boolean) => Position[] | null,
): GridFeature | null {
  const polygons: Position[][][] = [];
  for (const rings of polygonsOf(grid.geometry)) {
    const out: Position[][] = [];
    for (const [r, ring] of rings.entries()) {
      const rewritten = rewrite(ring, r === 0);
      if (!rewritten) return null;
      out.push(rewritten);
    }
    polygons.push(out);
  }
  return { ...grid, geometry: withPolygons(grid.geometry, polygons) };
}

/** Borders of the communities of a plan's grids, built once per edit. */
function borderLookup(ctx: EditContext): (grid: GridFeature) => CommunityBorder | null {
  const cache = new Map<string, CommunityBorder | null>();
  return (grid) => {
    const id = grid.properties.communityId;
    if (!cache.has(id)) {
      const community = ctx.communities.get(id);
      cache.set(id, community ? new CommunityBorder(community, TOPOLOGY_TOLERANCE_DEG) : null);
    }
    return cache.get(id) ?? null;
  };
}

/** The ring without its closing position. */
function openRing(ring: readonly Position[]): Position[] {
  return ring.slice(0, -1);
}

function closeRing(open: readonly Position[]): Position[] {
  return open.length > 0 ? [...open, open[0]!] : [];
}

/** The patch for the reshaped grids, or 'self-intersection' when a ring would become invalid. */
function reshapeResult(
  plan: Plan,
  reshaped: readonly ReshapedGrid[],
  allGrids: readonly GridFeature[],
  at: Position,
): EditResult {
  const changedIds = new Set(reshaped.map((r) => r.before.properties.id));
  const others = allGrids.filter((g) => !changedIds.has(g.properties.id));
  if (!reshapeIsValid(reshaped, others)) return refuse('self-intersection', atParams(at));
  return {
    ok: true,
    patch: patchFrom(
      plan,
      reshaped.map((r) => r.after),
    ),
    warnings: [],
  };
}

/** A slide of a border vertex from one border point to another. */
interface BorderSlide {
  border: CommunityBorder;
  from: Position;
  to: Position;
  fromAt: BorderLocation;
  toAt: BorderLocation;
  forward: boolean;
  /** Border vertices strictly between `from` and `to`, in travel order. */
  path: Position[];
}

/**
 * One ring after a border slide, written as if travel went toward the ring's next vertex. The
 * grid whose border stretch starts at `from` loses the stretch up to `to`; the grid whose stretch
 * ends at `from` gains it; a grid touching the border only at `from` just moves the vertex.
 */
function slideOpenRing(open: readonly Position[], slide: BorderSlide): Position[] | null {
  const { border, from, to, fromAt, toAt, forward, path } = slide;
  const n = open.length;
  const i = open.findIndex((p) => samePosition(p, from));
  const leads = border.runsAlong(from, open[(i + 1) % n]!);
  const trails = border.runsAlong(open[(i - 1 + n) % n]!, from);
  const goal = border.travel(fromAt, toAt, forward);
  let removed = 0;
  let reachesTo = false;
  if (leads) {
    let stopped = false;
    for (let k = 1; k < n - 1 && !stopped; k++) {
      const location = border.locate(open[(i + k) % n]!, fromAt.ring);
      if (!location) return null;
      const distance = border.travel(fromAt, location, forward);
      if (distance >= goal - TOPOLOGY_TOLERANCE_DEG) {
        stopped = true;
        reachesTo = distance <= goal + TOPOLOGY_TOLERANCE_DEG;
      } else if (!border.runsAlong(open[(i + k) % n]!, open[(i + k + 1) % n]!)) return null;
      else removed = k;
    }
    if (!stopped) return null;
  }
  const inserted = [
    ...(trails && border.isVertex(from) ? [from] : []),
    ...(trails ? path : []),
    ...(leads && reachesTo ? [] : [to]),
  ];
  if (i + removed < n) return [...open.slice(0, i), ...inserted, ...open.slice(i + removed + 1)];
  const rotated = [...open.slice(i), ...open.slice(0, i)];
  return [...inserted, ...rotated.slice(removed + 1)];
}

function slideRing(ring: Position[], outer: boolean, slide: BorderSlide): Position[] | null {
  const open = openRing(ring);
  const occurrences = open.filter((p) => samePosition(p, slide.from)).length;
  if (occurrences === 0) return ring;
  if (occurrences > 1) return null;
  const orientation = ringOrientation(ring);
  const rightHanded = outer ? orientation > 0 : orientation < 0;
  const towardNext = rightHanded === slide.forward;
  const walk = towardNext ? open : [...open].reverse();
  const slid = slideOpenRing(walk, slide);
  if (!slid) return null;
  return closeRing(towardNext ? slid : slid.reverse());
}

function replacePosition(ring: Position[], from: Position, to: Position): Position[] {
  return ring.map((p) => (samePosition(p, from) ? to : p));
}

/** Where a border vertex at `from` lands for a drag to `to`, and the slide to get there. */
function borderSlide(border: CommunityBorder, from: Position, to: Position): BorderSlide | null {
  const fromAt = border.locate(from);
  if (!fromAt) return null;
  const { point, location: toAt } = border.project(to, fromAt.ring);
  const forward = border.forwardIsShorter(fromAt, toAt);
  const path = border.verticesBetween(fromAt, toAt, forward);
  return { border, from, to: point, fromAt, toAt, forward, path };
}

/**
 * Moves every ring position equal to `from`, in every grid of the plan, to `to`. A vertex on its
 * community's border slides along the border instead: `to` is projected onto it, and the grids on
 * either side gain or lose the border vertices passed. Refused with 'vertex-not-found' when no
 * grid has the vertex, 'self-intersection' when a ring would cross itself, a neighbour or the
 * community border.
 * @example
 * const result = moveVertex(plan, ctx, [116.301, 39.852], [116.3012, 39.8521]);
 * if (result.ok) plan = applyPatch(plan, result.patch);
 */
export function moveVertex(plan: Plan, ctx: EditContext, from: Position, to: Position): EditResult {
  const grids = planGrids(plan);
  const holding = grids.filter((g) => holds(g, from));
  if (holding.length === 0) return refuse('vertex-not-found', atParams(from));
  if (samePosition(from, to)) return { ok: true, patch: { entries: [] }, warnings: [] };
  const borderOf = borderLookup(ctx);
  const slideBorder = holding.map(borderOf).find((b) => b?.locate(from));
  const mainSlide = slideBorder ? borderSlide(slideBorder, from, to) : null;
  const target = mainSlide?.to ?? to;
  const reshaped: ReshapedGrid[] = [];
  for (const grid of holding) {
    const border = borderOf(grid);
    const slide =
      border === slideBorder ? mainSlide : border ? borderSlide(border, from, target) : null;
    if (slide && planarDistance(slide.to, target) > TOPOLOGY_TOLERANCE_DEG)
      return refuse('self-intersection', atParams(to));
    if (!slide && border && !border.covers(target))
      return refuse('self-intersection', atParams(to));
    const after = rewriteRings(grid, (ring, outer) =>
      slide
        ? slideRing(ring, outer, { ...slide, to: target })
        : replacePosition(ring, from, target),
    );
    if (!after) return refuse('self-intersection', atParams(to));
    reshaped.push({ before: grid, after, border });
  }
  return reshapeResult(plan, reshaped, grids, to);
}

function insertIntoRing(ring: Position[], [a, b]: [Position, Position], at: Position): Position[] {
  const out: Position[] = [ring[0]!];
  for (let i = 1; i < ring.length; i++) {
    const [p, q] = [ring[i - 1]!, ring[i]!];
    if ((samePosition(p, a) && samePosition(q, b)) || (samePosition(p, b) && samePosition(q, a)))
      out.push(at);
    out.push(q);
  }
  return out;
}

function insertIntoGeometry<G extends GridFeature['geometry']>(
  geometry: G,
  edge: [Position, Position],
  at: Position,
): G {
  const polygons = polygonsOf(geometry).map((rings) =>
    rings.map((ring) => insertIntoRing(ring, edge, at)),
  );
  return withPolygons(geometry, polygons);
}

function hasEdge(grid: GridFeature, [a, b]: [Position, Position]): boolean {
  return polygonsOf(grid.geometry).some((rings) =>
    rings.some((ring) =>
      ring.some((p, i) => {
        const q = ring[i + 1];
        return (
          q !== undefined &&
          ((samePosition(p, a) && samePosition(q, b)) || (samePosition(p, b) && samePosition(q, a)))
        );
      }),
    ),
  );
}

/**
 * Inserts `at` into every ring that has the edge (in either direction). On an edge along the
 * community border, `at` is first projected onto the edge so the grid keeps to the border.
 * Refused with 'vertex-not-found' when no grid has the edge, 'self-intersection' when a ring
 * would cross.
 * @example
 * insertVertex(plan, ctx, [[116.301, 39.852], [116.303, 39.852]], [116.302, 39.8521]);
 */
export function insertVertex(
  plan: Plan,
  ctx: EditContext,
  edge: [Position, Position],
  at: Position,
): EditResult {
  const grids = planGrids(plan);
  const holding = grids.filter((g) => hasEdge(g, edge));
  if (holding.length === 0) return refuse('vertex-not-found', atParams(edge[0]));
  const borderOf = borderLookup(ctx);
  const alongBorder = holding.some((g) => borderOf(g)?.runsAlong(edge[0], edge[1]));
  const position = alongBorder ? nearestOnSegment(at, edge[0], edge[1]).point : at;
  if (holds(holding[0]!, position)) return refuse('self-intersection', atParams(at));
  const reshaped = holding.map((grid) => ({
    before: grid,
    after: { ...grid, geometry: insertIntoGeometry(grid.geometry, edge, position) },
    border: borderOf(grid),
  }));
  return reshapeResult(plan, reshaped, grids, at);
}

/** The positions next to `at` in the grid's rings, as keys. */
function neighbourKeys(grid: GridFeature, at: Position): Set<string> {
  const keys = new Set<string>();
  for (const ring of polygonsOf(grid.geometry).flat()) {
    const open = openRing(ring);
    open.forEach((p, i) => {
      if (!samePosition(p, at)) return;
      keys.add(positionKey(open[(i - 1 + open.length) % open.length]!));
      keys.add(positionKey(open[(i + 1) % open.length]!));
    });
  }
  return keys;
}

/** Whether removing `at` from the grid's rings keeps it on the border (its edges there run along it). */
function keepsToBorder(grid: GridFeature, at: Position, border: CommunityBorder): boolean {
  if (!border.locate(at)) return true;
  if (border.isCorner(at)) return false;
  return polygonsOf(grid.geometry)
    .flat()
    .every((ring) => {
      const open = openRing(ring);
      return open.every((p, i) => {
        if (!samePosition(p, at)) return true;
        const prev = open[(i - 1 + open.length) % open.length]!;
        const next = open[(i + 1) % open.length]!;
        return border.runsAlong(prev, at) && border.runsAlong(at, next);
      });
    });
}

function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k));
}

/**
 * Removes `at` from every ring holding it. Refused with 'vertex-not-found' when no grid has it,
 * 'vertex-is-junction' where three or more grids meet, where two grids meet with different
 * neighbours (their common boundary ends there) or where the community border turns,
 * 'too-few-vertices' when a ring would keep fewer than three corners, 'self-intersection' when
 * the shortened ring would cross.
 * @example
 * deleteVertex(plan, ctx, [116.302, 39.8521]);
 */
export function deleteVertex(plan: Plan, ctx: EditContext, at: Position): EditResult {
  const grids = planGrids(plan);
  const holding = grids.filter((g) => holds(g, at));
  if (holding.length === 0) return refuse('vertex-not-found', atParams(at));
  const junction = refuse('vertex-is-junction', { ...atParams(at), grids: holding.length });
  if (holding.length >= 3) return junction;
  const [first, second] = holding as [GridFeature, GridFeature | undefined];
  if (second && !sameKeys(neighbourKeys(first, at), neighbourKeys(second, at))) return junction;
  const borderOf = borderLookup(ctx);
  for (const grid of holding) {
    const border = borderOf(grid);
    if (border && !keepsToBorder(grid, at, border)) return junction;
  }
  const reshaped: ReshapedGrid[] = [];
  for (const grid of holding) {
    const after = rewriteRings(grid, (ring) => {
      const open = openRing(ring).filter((p) => !samePosition(p, at));
      return open.length < 3 ? null : closeRing(open);
    });
    if (!after) return refuse('too-few-vertices', { ...atParams(at), gridId: grid.properties.id });
    reshaped.push({ before: grid, after, border: borderOf(grid) });
  }
  return reshapeResult(plan, reshaped, grids, at);
}
