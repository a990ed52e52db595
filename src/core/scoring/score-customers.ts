import type { Indicator } from "../model/indicator";
import type { RegisterRow } from "../register/register-row";
import type { Settings } from "../settings/settings";
import { atLeast } from "./exact";
import { weightedResult } from "./final-score";
import type { ScoredCustomer, Tier } from "./scored-customer";
import { assignTiers, rankOrder, verdictFor, type Tierable } from "./tiers";

/** A customer to score: the key and what is known of it. */
export interface CustomerRef {
  key: string;
  id?: string;
  name?: string;
  register?: RegisterRow;
}

/** A tier typed by a user in the roster's 人工等级 column, with its 调整原因. */
export interface ManualTier {
  /** Undefined when the user typed something that is no tier (kept as typed, reported). */
  tier?: Tier;
  reason?: string;
  typed?: string;
}

export interface ScoreInput {
  customers: CustomerRef[];
  indicators: Indicator[];
  /** nᵢ per indicator (outer, same order as `indicators`) per customer (inner); NaN = missing. */
  points: Float64Array[];
  settings: Settings;
  manual?: Map<string, ManualTier>;
}

/** Scores, tiers and judges every customer: the scoring rules of the spec, end to end. */
export function scoreCustomers(input: ScoreInput): ScoredCustomer[] {
  const { customers, indicators, points, settings } = input;
  const names = indicators.map((i) => i.name);
  const weights = indicators.map((i) => i.weight);
  const row = new Float64Array(indicators.length);
  const results = customers.map((_, c) => {
    for (let i = 0; i < indicators.length; i++) row[i] = points[i][c];
    return weightedResult(names, weights, row);
  });
  const tierables: Tierable[] = customers.map((cust, c) => ({
    key: cust.key,
    score: results[c].score,
    eligible: !Number.isNaN(results[c].score) && atLeast(results[c].coverage, settings.minCoverage),
  }));
  // One ranking serves the quotas and the ranks.
  const order = rankOrder(tierables);
  const tiers = assignTiers(tierables, settings, order);
  const ranks = new Int32Array(customers.length);
  order.forEach((c, pos) => (ranks[c] = pos + 1));
  return customers.map((cust, c) => {
    const r = results[c];
    const computedTier = tiers[c];
    const manual = input.manual?.get(cust.key);
    const score = Number.isNaN(r.score) ? null : r.score;
    return {
      key: cust.key,
      id: cust.id,
      name: cust.name,
      register: cust.register,
      score,
      coverage: r.coverage,
      computedTier,
      manualTier: manual?.tier,
      manualReason: manual?.reason,
      manualTyped: manual?.typed,
      tier: manual?.tier ?? computedTier,
      verdict: computedTier === "incomplete" || score === null ? null : verdictFor(score, cust.register?.potential === "high", settings),
      contributions: r.contributions,
      rank: ranks[c] > 0 ? ranks[c] : null,
    };
  });
}
