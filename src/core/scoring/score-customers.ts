import type { Indicator } from "../model/indicator";
import type { RegisterRow } from "../register/register-row";
import type { Settings } from "../settings/settings";
import { atLeast } from "./exact";
import { ContributionPool, topContributions, weightedSums } from "./final-score";
import type { Contribution, ScoredCustomer, Tier } from "./scored-customer";
import { rankColumns, tierColumns, verdictFor, type TierColumns } from "./tiers";

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
  const n = customers.length;
  const names = indicators.map((i) => i.name);
  const weights = indicators.map((i) => i.weight);
  // Per-customer results in typed arrays; only the top contributions become objects.
  const scores = new Float64Array(n);
  const coverage = new Float64Array(n);
  const eligible = new Uint8Array(n);
  const contributions: Contribution[][] = new Array<Contribution[]>(n);
  const row = new Float64Array(indicators.length);
  const pool = new ContributionPool();
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < indicators.length; i++) row[i] = points[i][c];
    const sums = weightedSums(weights, row);
    scores[c] = sums.score;
    coverage[c] = sums.total > 0 ? sums.present / sums.total : 0;
    eligible[c] = !Number.isNaN(sums.score) && atLeast(coverage[c], settings.minCoverage) ? 1 : 0;
    contributions[c] = topContributions(names, weights, row, sums.present, pool);
  }
  const columns: TierColumns = { keys: customers.map((c) => c.key), scores, eligible };
  // One ranking serves the quotas and the ranks.
  const order = rankColumns(columns);
  const tiers = tierColumns(columns, settings, order);
  const ranks = new Int32Array(n);
  order.forEach((c, pos) => (ranks[c] = pos + 1));
  return customers.map((cust, c) => {
    const computedTier = tiers[c];
    const manual = input.manual?.get(cust.key);
    const score = Number.isNaN(scores[c]) ? null : scores[c];
    return {
      key: cust.key,
      id: cust.id,
      name: cust.name,
      register: cust.register,
      score,
      coverage: coverage[c],
      computedTier,
      manualTier: manual?.tier,
      manualReason: manual?.reason,
      manualTyped: manual?.typed,
      tier: manual?.tier ?? computedTier,
      verdict: computedTier === "incomplete" || score === null ? null : verdictFor(score, cust.register?.potential === "high", settings),
      contributions: contributions[c],
      rank: ranks[c] > 0 ? ranks[c] : null,
    };
  });
}
