import type { Contribution } from "./scored-customer";

/** Per-customer weighted result before tiering. */
export interface WeightedResult {
  /** Σ wᵢnᵢ / Σ wᵢ over present indicators; NaN when none is present. */
  score: number;
  /** Σ wᵢ present / Σ wᵢ all, 0–1. */
  coverage: number;
  contributions: Contribution[];
}

/** How many of a customer's largest contributions are kept. */
export const TOP_CONTRIBUTIONS = 3;

function before(a: Contribution, b: Contribution): boolean {
  return a.points > b.points || (a.points === b.points && a.indicator < b.indicator);
}

/**
 * Final score and coverage of one customer. `points[i]` is nᵢ (NaN = missing); weights are used in
 * proportion to their total, so only ratios matter.
 */
export function weightedResult(names: string[], weights: number[], points: ArrayLike<number>): WeightedResult {
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
  const score = present > 0 ? sum / present : NaN;
  const contributions: Contribution[] = [];
  if (present > 0) {
    // Keep only the largest few: a customer row is shown with its top indicators, and 100,000 customers
    // × every indicator would be a million short-lived objects.
    for (let i = 0; i < weights.length; i++) {
      const n = points[i];
      if (Number.isNaN(n) || weights[i] <= 0) continue;
      const c = { indicator: names[i], points: (weights[i] * n) / present };
      let at = contributions.length;
      while (at > 0 && before(c, contributions[at - 1])) at--;
      if (at < TOP_CONTRIBUTIONS) {
        contributions.splice(at, 0, c);
        if (contributions.length > TOP_CONTRIBUTIONS) contributions.pop();
      }
    }
  }
  return { score, coverage: total > 0 ? present / total : 0, contributions };
}

/** True when the weights total 1 or 100 within ±0.5%, the two ways users write them. */
export function weightsTotalLooksRight(weights: number[]): boolean {
  const total = weights.reduce((a, b) => a + b, 0);
  return Math.abs(total - 1) <= 0.005 || Math.abs(total - 100) <= 0.5;
}
