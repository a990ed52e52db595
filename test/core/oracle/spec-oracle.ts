/**
 * An independent reading of the spec's scoring rules ("Scoring rules", exact), over exact rationals.
 * Written from the spec text only: it shares no code with the product.
 */
import { add, ceil, cmp, div, mul, q, sum, ZERO, type Q } from "./rational";

export type OTier = "A" | "B" | "C" | "D" | "incomplete";
export type OVerdict = "maintain" | "improve" | "end" | null;

export interface OIndicator {
  name: string;
  /** As a proportion: only ratios matter. Negative: an error, the indicator is left out. */
  weight: Q;
  max: Q;
}

export interface OCustomer {
  key: string;
  /** The typed score per indicator: a number, text that is no number, or nothing. */
  scores: (Q | "text" | null)[];
  potentialHigh: boolean;
}

export interface OSettings {
  mode: "thresholds" | "quotas";
  lines: { A: Q; B: Q; C: Q };
  quotas: { A: Q; B: Q; C: Q };
  maintainFrom: Q;
  endBelow: Q;
  minCoverage: Q;
}

export interface OResult {
  key: string;
  score: Q | null;
  coverage: Q;
  tier: OTier;
  verdict: OVerdict;
  /** (indicator index) of the scores reported as bad: below 0, above the full mark, or not a number. */
  badScores: number[];
}

export const HUNDRED = q(100);

/** Keys in ascending order; two numbers ("99", "100") compare as numbers (the rule). */
export function keyOrder(a: string, b: string): number {
  const num = /^[0-9]+$/;
  if (num.test(a) && num.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every customer's score, coverage, tier and verdict by the spec's rules. */
export function oracle(indicators: OIndicator[], customers: OCustomer[], s: OSettings): OResult[] {
  const used = indicators.map((ind) => cmp(ind.weight, ZERO) >= 0);
  const allWeight = sum(indicators.filter((_, i) => used[i]).map((i) => i.weight));
  const results: OResult[] = customers.map((c) => {
    let present = ZERO;
    let weighted = ZERO;
    const badScores: number[] = [];
    indicators.forEach((ind, i) => {
      const v = c.scores[i];
      if (v === null || v === undefined) return;
      if (v === "text" || cmp(v, ZERO) < 0 || cmp(v, ind.max) > 0) {
        badScores.push(i);
        return;
      }
      if (!used[i]) return;
      const n = div(mul(HUNDRED, v), ind.max);
      present = add(present, ind.weight);
      weighted = add(weighted, mul(ind.weight, n));
    });
    const score = cmp(present, ZERO) > 0 ? div(weighted, present) : null;
    const coverage = cmp(allWeight, ZERO) > 0 ? div(present, allWeight) : ZERO;
    const eligible = score !== null && cmp(coverage, s.minCoverage) >= 0;
    let verdict: OVerdict = null;
    if (eligible) {
      if (cmp(score, s.maintainFrom) >= 0) verdict = "maintain";
      else if (cmp(score, s.endBelow) >= 0) verdict = "improve";
      else verdict = c.potentialHigh ? "improve" : "end";
    }
    let tier: OTier = "incomplete";
    if (eligible && s.mode === "thresholds") {
      tier = cmp(score, s.lines.A) >= 0 ? "A" : cmp(score, s.lines.B) >= 0 ? "B" : cmp(score, s.lines.C) >= 0 ? "C" : "D";
    }
    return { key: c.key, score, coverage, tier, verdict, badScores };
  });
  if (s.mode === "quotas") {
    const ranked = results.filter((r) => r.verdict !== null);
    ranked.sort((a, b) => cmp(b.score!, a.score!) || keyOrder(a.key, b.key));
    const n = q(ranked.length);
    const a = ceil(mul(n, s.quotas.A));
    const b = a + ceil(mul(n, s.quotas.B));
    const c = b + ceil(mul(n, s.quotas.C));
    ranked.forEach((r, pos) => {
      const p = BigInt(pos);
      r.tier = p < a ? "A" : p < b ? "B" : p < c ? "C" : "D";
    });
  }
  return results;
}

/** The ranking of eligible customers, highest score first, ties by key (for rank comparisons). */
export function oracleRanking(results: OResult[]): string[] {
  return results
    .filter((r) => r.verdict !== null)
    .sort((a, b) => cmp(b.score!, a.score!) || keyOrder(a.key, b.key))
    .map((r) => r.key);
}
