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

/** Customers as tiering sees them, column by column: no object per customer. */
export interface TierColumns {
  keys: readonly string[];
  /** NaN where the customer has no score. */
  scores: ArrayLike<number>;
  /** 1 where the customer is eligible for a tier (coverage at least the minimum). */
  eligible: ArrayLike<number>;
}

function columnsOf(items: Tierable[]): TierColumns {
  return { keys: items.map((it) => it.key), scores: items.map((it) => it.score), eligible: items.map((it) => (it.eligible ? 1 : 0)) };
}

/**
 * Ranks eligible customers by score, highest first, equal scores in ascending key order. Scores are
 * compared rounded to 9 decimals, so two customers on the same score tie whatever float noise they carry.
 */
export function rankOrder(items: Tierable[]): number[] {
  return rankColumns(columnsOf(items));
}

/** rankOrder over columns. */
export function rankColumns(t: TierColumns): number[] {
  const n = t.keys.length;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (t.eligible[i]) idx.push(i);
  // Typed arrays of the sort keys: the comparator runs ~n·log n times. Whether a key is a plain number is
  // found once per key, not once per comparison (compareCustomerKeys' order, its regular expression hoisted).
  const score = new Float64Array(n);
  const numeric = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = comparable(t.scores[i]);
    numeric[i] = plainKeyNumber(t.keys[i]);
  }
  const key = t.keys;
  idx.sort((a, b) => score[b] - score[a] || compareKeysOf(key, numeric, a, b));
  return idx;
}

/** compareCustomerKeys of keys a and b, with each key's number (NaN: not a plain number) known beforehand. */
function compareKeysOf(key: readonly string[], numeric: Float64Array, a: number, b: number): number {
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
  return tierColumns(columnsOf(items), settings, order);
}

/** assignTiers over columns. */
export function tierColumns(t: TierColumns, settings: Settings, order?: number[]): TierOrIncomplete[] {
  const out: TierOrIncomplete[] = new Array<TierOrIncomplete>(t.keys.length).fill("incomplete");
  if (settings.tierMode === "thresholds") {
    for (let i = 0; i < out.length; i++) if (t.eligible[i]) out[i] = thresholdTier(t.scores[i], settings.thresholds);
    return out;
  }
  order ??= rankColumns(t);
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
