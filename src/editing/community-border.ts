/**
 * A community's border as vertex edits see it: rings wound so the community lies on their left
 * (outer counter-clockwise, holes clockwise), points located on them by ring, edge and arc
 * length, projection onto a ring, and the border vertices met when travelling between two points.
 * A vertex on the border may only slide along it; this is what tells how.
 */
import { polygonsOf } from '../analysis/coverage/prepared.ts';
import type { Position } from 'geojson';
import type { CommunityFeature } from '../domain/types.ts';
import { flatPolygons } from '../analysis/coverage/prepared.ts';
import { flatContains, type FlatPolygon } from '../analysis/coverage/clip-area.ts';
import {
  nearestOnSegment,
  planarDistance,
  pointAlong,
  positionKey,
  ringOrientation,
} from './ring-geometry.ts';

/** A point on the border: its ring, the edge it lies on, the fraction along it and its arc length. */
export interface BorderLocation {
  ring: number;
  edge: number;
  t: number;
  arc: number;
}

interface WoundRing {
  positions: Position[];
  /** Arc length (degrees) from the ring's start to each vertex. */
  cumulative: number[];
  length: number;
}

function woundRing(ring: readonly Position[], outer: boolean): WoundRing {
  const orientation = ringOrientation(ring);
  const positions = (outer ? orientation < 0 : orientation > 0) ? [...ring].reverse() : [...ring];
  const cumulative = [0];
  for (let i = 1; i < positions.length; i++)
    cumulative.push(cumulative[i - 1]! + planarDistance(positions[i - 1]!, positions[i]!));
  return { positions, cumulative, length: cumulative[cumulative.length - 1]! };
}

export class CommunityBorder {
  readonly #rings: WoundRing[];
  readonly #vertexKeys: Set<string>;
  readonly #flat: FlatPolygon[];
  readonly #tolerance: number;

  constructor(community: CommunityFeature, tolerance: number) {
    this.#rings = polygonsOf(community.geometry).flatMap((rings) =>
      rings.map((ring, r) => woundRing(ring, r === 0)),
    );
    this.#vertexKeys = new Set(this.#rings.flatMap((ring) => ring.positions.map(positionKey)));
    this.#flat = flatPolygons(community.geometry);
    this.#tolerance = tolerance;
  }

  /** Where `p` lies on the border (the nearest edge within tolerance), or null if it does not. */
  locate(p: Position, onlyRing?: number): BorderLocation | null {
    let best: (BorderLocation & { distance: number }) | null = null;
    this.#rings.forEach((ring, r) => {
      if (onlyRing !== undefined && r !== onlyRing) return;
      for (let e = 0; e < ring.positions.length - 1; e++) {
        const a = ring.positions[e]!;
        const b = ring.positions[e + 1]!;
        const { point, t } = nearestOnSegment(p, a, b);
        const distance = planarDistance(p, point);
        if (distance > this.#tolerance || (best && distance >= best.distance)) continue;
        best = {
          ring: r,
          edge: e,
          t,
          arc: ring.cumulative[e]! + t * planarDistance(a, b),
          distance,
        };
      }
    });
    if (!best) return null;
    const { ring, edge, t, arc } = best;
    return { ring, edge, t, arc };
  }

  /** Whether `p` is one of the border's own vertices. */
  isVertex(p: Position): boolean {
    return this.#vertexKeys.has(positionKey(p));
  }

  /** Whether `p` is a border vertex where the border turns (not a straight-through vertex). */
  isCorner(p: Position): boolean {
    if (!this.isVertex(p)) return false;
    const location = this.locate(p);
    if (!location) return false;
    const { positions } = this.#rings[location.ring]!;
    const n = positions.length - 1;
    const at = location.t === 1 ? (location.edge + 1) % n : location.edge;
    const before = positions[(at - 1 + n) % n]!;
    const after = positions[at + 1]!;
    const { point } = nearestOnSegment(p, before, after);
    return planarDistance(p, point) > this.#tolerance;
  }

  /** Whether segment a→b runs along the border (both ends and its midpoint on the same ring). */
  runsAlong(a: Position, b: Position): boolean {
    const start = this.locate(a);
    if (!start) return false;
    return (
      this.locate(b, start.ring) !== null && this.locate(pointAlong(a, b, 0.5), start.ring) !== null
    );
  }

  /** Whether `p` lies inside the community or on its border. */
  covers(p: Position): boolean {
    return this.locate(p) !== null || flatContains(this.#flat, p[0]!, p[1]!);
  }

  /** The border's edges, for crossing tests. */
  *edges(): Generator<[Position, Position]> {
    for (const ring of this.#rings)
      for (let e = 0; e < ring.positions.length - 1; e++)
        yield [ring.positions[e]!, ring.positions[e + 1]!];
  }

  /** The nearest point to `p` on border ring `ring`, snapped to a border vertex within tolerance. */
  project(p: Position, ring: number): { point: Position; location: BorderLocation } {
    const { positions, cumulative } = this.#rings[ring]!;
    let best = { point: positions[0]!, edge: 0, t: 0, distance: Infinity };
    for (let e = 0; e < positions.length - 1; e++) {
      const { point, t } = nearestOnSegment(p, positions[e]!, positions[e + 1]!);
      const distance = planarDistance(p, point);
      if (distance < best.distance) best = { point, edge: e, t, distance };
    }
    const a = positions[best.edge]!;
    const b = positions[best.edge + 1]!;
    const snapped =
      planarDistance(best.point, a) <= this.#tolerance
        ? { point: a, t: 0 }
        : planarDistance(best.point, b) <= this.#tolerance
          ? { point: b, t: 1 }
          : { point: best.point, t: best.t };
    return {
      point: snapped.point,
      location: {
        ring,
        edge: best.edge,
        t: snapped.t,
        arc: cumulative[best.edge]! + snapped.t * planarDistance(a, b),
      },
    };
  }

  /** Arc length travelled from `from` to `to` along their ring, forward (with the ring) or back. */
  travel(from: BorderLocation, to: BorderLocation, forward: boolean): number {
    const { length } = this.#rings[from.ring]!;
    const raw = forward ? to.arc - from.arc : from.arc - to.arc;
    const distance = ((raw % length) + length) % length;
    return distance > length - this.#tolerance ? 0 : distance;
  }

  /** Whether travelling forward from `from` to `to` is the shorter way round. */
  forwardIsShorter(from: BorderLocation, to: BorderLocation): boolean {
    return this.travel(from, to, true) <= this.travel(from, to, false);
  }

  /** The border vertices strictly between `from` and `to`, in travel order. */
  verticesBetween(from: BorderLocation, to: BorderLocation, forward: boolean): Position[] {
    const { positions, cumulative } = this.#rings[from.ring]!;
    const n = positions.length - 1;
    const goal = this.travel(from, to, forward);
    const out: Position[] = [];
    for (let k = 0; k < n; k++) {
      const v = forward ? (from.edge + 1 + k) % n : (((from.edge - k) % n) + n) % n;
      const distance = this.travel(from, { ...from, arc: cumulative[v]! }, forward);
      if (distance <= this.#tolerance) continue;
      if (distance >= goal - this.#tolerance) break;
      out.push(positions[v]!);
    }
    return out;
  }
}
