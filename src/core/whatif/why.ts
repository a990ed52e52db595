import { atLeast, comparable, compareCustomerKeys } from "../scoring/exact";
import type { Tier, TierOrIncomplete } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
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
  /**
   * The next tier up and the score it takes; null for A, for 资料不全, and in quota mode when no tier above
   * has a place. `rule`: "line" reach the tier line (thresholds); quotas: "reach" the score of the last
   * customer now in that tier (the tie goes to this customer's key) or "pass" it (the tie goes to the other's).
   */
  next: { tier: Tier; scoreNeeded: number; gap: number; rule: "line" | "reach" | "pass"; steps: NextTierStep[] } | null;
}

const UP: Record<Tier, "A" | "B" | "C" | null> = { A: null, B: "A", C: "B", D: "C" };

/** How a customer enters a tier: the score to compare with, the rule, and the test of a new score. */
interface Entry {
  tier: Tier;
  line: number;
  rule: "line" | "reach" | "pass";
  reaches: (score: number) => boolean;
}

/**
 * Threshold mode: at or above the tier's line. Quota mode: the places are fixed (⌈n·share⌉), so a customer
 * enters a tier by ranking ahead of the last customer now in it — a higher score compared at 9 decimals, or
 * the same score and the smaller key. A tier with no customer has no place: the next one up is tried.
 */
function entryFor(q: QuickScores, keys: string[], at: number, from: Tier, settings: Settings): Entry | null {
  let target = UP[from];
  if (settings.tierMode === "thresholds") {
    if (!target) return null;
    const line = settings.thresholds[target];
    return { tier: target, line, rule: "line", reaches: (s) => atLeast(s, line) };
  }
  for (; target; target = UP[target]) {
    let last = -1;
    for (let c = 0; c < q.tier.length; c++) {
      if (q.tier[c] !== target) continue;
      const d = last < 0 ? -1 : comparable(q.score[c]) - comparable(q.score[last]) || compareCustomerKeys(keys[last], keys[c]);
      if (d < 0) last = c;
    }
    if (last < 0) continue;
    const line = comparable(q.score[last]);
    const tieWins = compareCustomerKeys(keys[at], keys[last]) < 0;
    return { tier: target, line: q.score[last], rule: tieWins ? "reach" : "pass", reaches: (s) => comparable(s) > line || (tieWins && comparable(s) === line) };
  }
  return null;
}

/** The smallest whole value from `guess - 1` up to `max` for which `ok` holds (ok grows with the value); null if none. */
function smallestFrom(guess: number, max: number, ok: (v: number) => boolean): number | null {
  for (let v = Math.max(0, guess - 1); v <= max; v++) if (ok(v)) return v;
  return null;
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
  const entry = tier !== "incomplete" && myScore !== null ? entryFor(q, base.refs.map((r) => r.key), at, tier, settings) : null;
  if (entry && myScore !== null) {
    const { line, reaches } = entry;
    const steps: NextTierStep[] = [];
    indicators.forEach((ind, i) => {
      const w = ind.weight;
      if (w <= 0) return;
      const n = base.points[i][at];
      if (!Number.isNaN(n)) {
        // Raising nᵢ by `add` adds w·add to the weighted sum; the guess is the exact real, checked by the rule.
        const add = smallestFrom(Math.ceil((line * present - sum) / w - 1e-9), Math.floor(100 - n), (v) => reaches((sum + w * v) / present));
        if (add !== null) steps.push({ indicator: ind.name, add, missing: false });
      } else {
        // Entering a missing value v: (sum + w·v) / (present + w).
        const v = smallestFrom(Math.ceil((line * (present + w) - sum) / w - 1e-9), 100, (x) => reaches((sum + w * x) / (present + w)));
        if (v !== null) steps.push({ indicator: ind.name, add: v, missing: true });
      }
    });
    steps.sort((a, b) => a.add - b.add || (a.indicator < b.indicator ? -1 : 1));
    next = { tier: entry.tier, scoreNeeded: line, gap: Math.max(0, line - myScore), rule: entry.rule, steps };
  }
  const ref = base.refs[at];
  return { key: ref.key, name: ref.name, score: myScore, tier, coverage: q.coverage[at], indicators: rows, weakest, next };
}
