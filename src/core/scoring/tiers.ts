import type { Settings } from "../settings/settings";
import type { Tier, TierOrIncomplete, Verdict } from "./scored-customer";

/** Threshold mode: A if score ≥ A line, else B if ≥ B line, else C if ≥ C line, else D. */
export function thresholdTier(score: number, lines: Settings["thresholds"]): Tier {
  if (score >= lines.A) return "A";
  if (score >= lines.B) return "B";
  if (score >= lines.C) return "C";
  return "D";
}

/** ⌈x⌉ that ignores floating-point dust (10 × 30% is 3.0000000000000004, which is 3 customers, not 4). */
function ceilCount(x: number): number {
  return Math.ceil(x - 1e-9);
}

/** A customer as tiering sees it. */
export interface Tierable {
  key: string;
  /** NaN when the customer has no score. */
  score: number;
  eligible: boolean;
}

/** Ranks eligible customers by score, highest first, equal scores in ascending key order. */
export function rankOrder(items: Tierable[]): number[] {
  const idx: number[] = [];
  items.forEach((it, i) => {
    if (it.eligible) idx.push(i);
  });
  // Plain arrays of the sort keys: the comparator runs ~n·log n times.
  const score = items.map((it) => it.score);
  const key = items.map((it) => it.key);
  idx.sort((a, b) => score[b] - score[a] || (key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : 0));
  return idx;
}

/**
 * Tiers every customer: ineligible ones (coverage below the minimum) are 资料不全. Quota mode: the first
 * ⌈n·A%⌉ of the ranking are A, the next ⌈n·B%⌉ B, the next ⌈n·C%⌉ C, the rest D.
 */
export function assignTiers(items: Tierable[], settings: Settings): TierOrIncomplete[] {
  const out: TierOrIncomplete[] = items.map(() => "incomplete");
  if (settings.tierMode === "thresholds") {
    items.forEach((it, i) => {
      if (it.eligible) out[i] = thresholdTier(it.score, settings.thresholds);
    });
    return out;
  }
  const order = rankOrder(items);
  const n = order.length;
  const a = ceilCount(n * settings.quotas.A);
  const b = a + ceilCount(n * settings.quotas.B);
  const c = b + ceilCount(n * settings.quotas.C);
  order.forEach((i, pos) => {
    out[i] = pos < a ? "A" : pos < b ? "B" : pos < c ? "C" : "D";
  });
  return out;
}

/** 维持 at or above the maintain line; 改善 from the end line; below it 终止 — unless potential is high. */
export function verdictFor(score: number, potentialHigh: boolean, settings: Pick<Settings, "maintainFrom" | "endBelow">): Verdict {
  if (score >= settings.maintainFrom) return "maintain";
  if (score >= settings.endBelow) return "improve";
  return potentialHigh ? "improve" : "end";
}

/** Tier order for comparisons: A is highest. */
export const TIER_ORDER: Record<Tier, number> = { A: 4, B: 3, C: 2, D: 1 };
