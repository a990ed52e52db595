import type { Contribution } from "./scored-customer";

/** How many of a customer's largest contributions are kept. */
export const TOP_CONTRIBUTIONS = 3;

/** Σ wᵢnᵢ / Σ wᵢ over the present indicators (NaN when none), with Σ wᵢ present and Σ wᵢ of all. */
export function weightedSums(weights: ArrayLike<number>, points: ArrayLike<number>): { score: number; present: number; total: number } {
  let total = 0;
  let present = 0;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
    const n = points[i];
    if (!Number.isNaN(n)) {
      present += weights[i];
      sum += weights[i] * n;
    }
  }
  return { score: present > 0 ? sum / present : NaN, present, total };
}

/**
 * The largest few contributions wᵢnᵢ / Σw present, largest first (ties by indicator name). Only the kept
 * ones become objects: a customer row is shown with its top indicators, and 100,000 customers × every
 * indicator would be a million short-lived objects.
 */
export function topContributions(
  names: string[], weights: ArrayLike<number>, points: ArrayLike<number>, present: number, pool?: ContributionPool,
): Contribution[] {
  if (!(present > 0)) return [];
  // The kept indexes and points in scratch arrays, insertion by shifting: no array or object per indicator.
  let kept = 0;
  for (let i = 0; i < weights.length; i++) {
    const n = points[i];
    if (Number.isNaN(n) || weights[i] <= 0) continue;
    const p = (weights[i] * n) / present;
    let at = kept;
    while (at > 0 && (p > TOP_POINTS[at - 1] || (p === TOP_POINTS[at - 1] && names[i] < names[TOP_INDEX[at - 1]]))) at--;
    if (at >= TOP_CONTRIBUTIONS) continue;
    if (kept < TOP_CONTRIBUTIONS) kept++;
    for (let j = kept - 1; j > at; j--) {
      TOP_INDEX[j] = TOP_INDEX[j - 1];
      TOP_POINTS[j] = TOP_POINTS[j - 1];
    }
    TOP_INDEX[at] = i;
    TOP_POINTS[at] = p;
  }
  const out: Contribution[] = new Array<Contribution>(kept);
  for (let k = 0; k < kept; k++) out[k] = pool ? pool.get(names, TOP_INDEX[k], TOP_POINTS[k]) : { indicator: names[TOP_INDEX[k]], points: TOP_POINTS[k] };
  return out;
}

/**
 * Contributions shared between customers: points are weight × a score over the weights present, so 300,000
 * contributions of a big register are a few thousand distinct ones. Shared objects are frozen (nobody
 * may change one customer's without changing the others'); past `limit` distinct ones, new ones are not kept.
 */
export class ContributionPool {
  private readonly byIndicator: Map<number, Contribution>[] = [];
  private size = 0;

  constructor(private readonly limit = 50_000) {}

  /** The contribution of indicator `i` (named in `names`) worth `points`. */
  get(names: string[], i: number, points: number): Contribution {
    const byPoints = (this.byIndicator[i] ??= new Map());
    let c = byPoints.get(points);
    if (c === undefined) {
      c = Object.freeze({ indicator: names[i], points });
      if (this.size < this.limit) {
        byPoints.set(points, c);
        this.size++;
      }
    }
    return c;
  }
}

const TOP_INDEX = new Int32Array(TOP_CONTRIBUTIONS);
const TOP_POINTS = new Float64Array(TOP_CONTRIBUTIONS);

/** True when the weights total 1 or 100 within ±0.5%, the two ways users write them. */
export function weightsTotalLooksRight(weights: number[]): boolean {
  const total = weights.reduce((a, b) => a + b, 0);
  return Math.abs(total - 1) <= 0.005 || Math.abs(total - 100) <= 0.5;
}
