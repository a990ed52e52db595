import type { Settings } from "../settings/settings";
import { atLeast, comparable, plainKeyNumber } from "./exact";
import type { Tier, TierOrIncomplete, Verdict } from "./scored-customer";

/** Threshold mode: A if score ≥ A line, else B if ≥ B line, else C if ≥ C line, else D (exact at the lines). */
export function thresholdTier(score: number, lines: Settings["thresholds"]): Tier {
  if (atLeast(score, lines.A)) return "A";
  if (atLeast(score, lines.B)) return "B";
  if (atLeast(score, lines.C)) return "C";
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

/**
 * Ranks eligible customers by score, highest first, equal scores in ascending key order. Scores are
 * compared rounded to 9 decimals, so two customers on the same score tie whatever float noise they carry.
 */
export function rankOrder(items: Tierable[]): number[] {
  const idx: number[] = [];
  items.forEach((it, i) => {
    if (it.eligible) idx.push(i);
  });
  // Plain arrays of the sort keys: the comparator runs ~n·log n times. Whether a key is a plain number is
  // found once per key, not once per comparison (compareCustomerKeys' order, its regular expression hoisted).
  const score = items.map((it) => comparable(it.score));
  const key = items.map((it) => it.key);
  const numeric = items.map((it) => plainKeyNumber(it.key));
  idx.sort((a, b) => score[b] - score[a] || compareKeysOf(key, numeric, a, b));
  return idx;
}

/** compareCustomerKeys of keys a and b, with each key's number (NaN: not a plain number) known beforehand. */
function compareKeysOf(key: string[], numeric: number[], a: number, b: number): number {
  const an = !Number.isNaN(numeric[a]);
  const bn = !Number.isNaN(numeric[b]);
  if (an && bn) {
    const d = numeric[a] - numeric[b];
    if (d !== 0) return d < 0 ? -1 : 1;
  } else if (an !== bn) {
    return an ? -1 : 1;
  }
  const ka = key[a];
  const kb = key[b];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Tiers every customer: ineligible ones (coverage below the minimum) are 资料不全. Quota mode: the first
 * ⌈n·A%⌉ of the ranking are A, the next ⌈n·B%⌉ B, the next ⌈n·C%⌉ C, the rest D. `order`: rankOrder(items), when known.
 */
export function assignTiers(items: Tierable[], settings: Settings, order?: number[]): TierOrIncomplete[] {
  const out: TierOrIncomplete[] = items.map(() => "incomplete");
  if (settings.tierMode === "thresholds") {
    items.forEach((it, i) => {
      if (it.eligible) out[i] = thresholdTier(it.score, settings.thresholds);
    });
    return out;
  }
  order ??= rankOrder(items);
  const n = order.length;
  const a = ceilCount(n * settings.quotas.A);
  const b = a + ceilCount(n * settings.quotas.B);
  const c = b + ceilCount(n * settings.quotas.C);
  order.forEach((i, pos) => {
    out[i] = pos < a ? "A" : pos < b ? "B" : pos < c ? "C" : "D";
  });
  return out;
}

/** 维持 at or above the maintain line; 改善 from the end line; below it 终止 — unless potential is high (exact at the lines). */
export function verdictFor(score: number, potentialHigh: boolean, settings: Pick<Settings, "maintainFrom" | "endBelow">): Verdict {
  if (atLeast(score, settings.maintainFrom)) return "maintain";
  if (atLeast(score, settings.endBelow)) return "improve";
  return potentialHigh ? "improve" : "end";
}

/** Tier order for comparisons: A is highest. */
export const TIER_ORDER: Record<Tier, number> = { A: 4, B: 3, C: 2, D: 1 };
