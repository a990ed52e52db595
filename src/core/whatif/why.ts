import type { Tier, TierOrIncomplete } from "../scoring/scored-customer";
import { applyParams, quickScores, type QuickScores, type WhatIfBase, type WhatIfParams } from "./what-if";

/** One indicator of one customer against the average customer. */
export interface IndicatorWhy {
  indicator: string;
  /** The customer's points nᵢ (0–100); null when the customer has no value. */
  points: number | null;
  /** The average nᵢ over the customers that have one; null when nobody has. */
  average: number | null;
  /** wᵢ / Σw present for this customer (0 when missing). */
  share: number;
  /** Score points this indicator gives: share · nᵢ. */
  contribution: number;
  /** Score points above (+) or below (−) what the average customer's nᵢ would give: share · (nᵢ − n̄ᵢ). */
  vsAverage: number;
}

/** Points on one indicator alone that would lift the customer to the next tier. */
export interface NextTierStep {
  indicator: string;
  /** Points of 100 to add to the indicator (for a missing one: the value to enter). */
  add: number;
  missing: boolean;
}

/** Why a customer has its tier, and what would lift it. */
export interface CustomerWhy {
  key: string;
  name?: string;
  score: number | null;
  tier: TierOrIncomplete;
  coverage: number;
  indicators: IndicatorWhy[];
  /** The indicators furthest below average (at most three), then the missing ones. */
  weakest: string[];
  /** The next tier up and the score it takes; null for A and for 资料不全. */
  next: { tier: Tier; scoreNeeded: number; gap: number; steps: NextTierStep[] } | null;
}

const UP: Record<Tier, "A" | "B" | "C" | null> = { A: null, B: "A", C: "B", D: "C" };

/** The lowest score in a tier (quota mode's line), or Infinity when the tier is empty. */
function lowestIn(q: QuickScores, tier: Tier): number {
  let low = Infinity;
  for (let c = 0; c < q.tier.length; c++) if (q.tier[c] === tier && q.score[c] < low) low = q.score[c];
  return low;
}

/** Average nᵢ per indicator over the customers that have a value. */
export function indicatorAverages(points: Float64Array[]): (number | null)[] {
  return points.map((col) => {
    let sum = 0;
    let n = 0;
    for (let k = 0; k < col.length; k++) {
      const v = col[k];
      if (!Number.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n > 0 ? sum / n : null;
  });
}

/**
 * Explains one customer under tried values: each indicator's contribution against the average, the weakest
 * indicators, and the points one indicator alone would need for the next tier ("满意度 +8 → B").
 * Undefined when no customer has that key.
 */
export function explainCustomer(base: WhatIfBase, p: WhatIfParams, key: string, averages = indicatorAverages(base.points)): CustomerWhy | undefined {
  const at = base.refs.findIndex((r) => r.key === key);
  if (at < 0) return undefined;
  const { settings, indicators } = applyParams(base.settings, base.indicators, p);
  const q = quickScores(base, p);
  const myScore = Number.isNaN(q.score[at]) ? null : q.score[at];
  let present = 0;
  let sum = 0;
  indicators.forEach((ind, i) => {
    const n = base.points[i][at];
    if (!Number.isNaN(n)) {
      present += ind.weight;
      sum += ind.weight * n;
    }
  });
  const rows: IndicatorWhy[] = indicators.map((ind, i) => {
    const n = base.points[i][at];
    const has = !Number.isNaN(n);
    const share = has && present > 0 ? ind.weight / present : 0;
    const avg = averages[i];
    return {
      indicator: ind.name,
      points: has ? n : null,
      average: avg,
      share,
      contribution: has ? share * n : 0,
      vsAverage: has && avg !== null ? share * (n - avg) : 0,
    };
  });
  const below = rows.filter((r) => r.points !== null && r.vsAverage < -1e-9).sort((a, b) => a.vsAverage - b.vsAverage).slice(0, 3);
  const missing = rows.filter((r, i) => r.points === null && indicators[i].weight > 0);
  const weakest = [...below, ...missing].map((r) => r.indicator);

  let next: CustomerWhy["next"] = null;
  const tier = q.tier[at];
  if (tier !== "incomplete" && myScore !== null && UP[tier]) {
    const target = UP[tier]!;
    // Quota mode has no fixed line: the lowest score now in the tier above is what it takes (ties go by key).
    const line = settings.tierMode === "thresholds" ? settings.thresholds[target] : lowestIn(q, target);
    if (Number.isFinite(line)) {
      const gap = Math.max(0, line - myScore);
      const steps: NextTierStep[] = [];
      indicators.forEach((ind, i) => {
        if (ind.weight <= 0) return;
        const n = base.points[i][at];
        if (!Number.isNaN(n)) {
          const add = Math.ceil(((gap * present) / ind.weight) - 1e-9);
          if (n + add <= 100) steps.push({ indicator: ind.name, add: Math.max(add, gap > 0 ? 1 : 0), missing: false });
        } else {
          // Entering a missing value v: (sum + w·v) / (present + w) ≥ line.
          const v = Math.ceil((line * (present + ind.weight) - sum) / ind.weight - 1e-9);
          if (v <= 100) steps.push({ indicator: ind.name, add: Math.max(0, v), missing: true });
        }
      });
      steps.sort((a, b) => a.add - b.add || (a.indicator < b.indicator ? -1 : 1));
      next = { tier: target, scoreNeeded: line, gap, steps };
    }
  }
  const ref = base.refs[at];
  return { key: ref.key, name: ref.name, score: myScore, tier, coverage: q.coverage[at], indicators: rows, weakest, next };
}
