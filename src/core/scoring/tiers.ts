import type { Settings } from "../settings/settings";
import { atLeast, COMPARISON_DECIMALS, comparable, plainKeyNumber } from "./exact";
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
  const byKey = (a: number, b: number) => compareKeysOf(key, numeric, a, b);
  if (idx.length > 64 && sortByScoreNatively(idx, score, byKey)) return idx;
  idx.sort((a, b) => score[b] - score[a] || byKey(a, b));
  return idx;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Units per point of score in sortByScoreNatively: comparable() rounds to 10⁻⁹. */
const UNITS = 10 ** COMPARISON_DECIMALS;

/**
 * Sorts `idx` by score, highest first, with the engine's own numeric sort: each entry becomes one 64-bit
 * integer, its score in units of 10⁻⁹ (comparable() makes every score a whole number of them) above its
 * position, so equal scores give equal upper bits. Runs of equal scores are then put in key order with
 * `byKey`. False (idx untouched) when the scores do not fit, so the caller sorts with the comparator.
 */
function sortByScoreNatively(idx: number[], score: Float64Array, byKey: (a: number, b: number) => number): boolean {
  const m = idx.length;
  if (!LITTLE_ENDIAN) return false;
  let hi = -Infinity;
  let lo = Infinity;
  for (const i of idx) {
    const u = Math.round(score[i] * UNITS);
    if (!Number.isSafeInteger(u)) return false;
    if (u > hi) hi = u;
    if (u < lo) lo = u;
  }
  const posBits = Math.max(1, Math.ceil(Math.log2(m)));
  const lowScoreBits = 32 - posBits;
  // The descending score (hi − u) must fit in the 64 − posBits bits above the position.
  if (posBits > 31 || hi - lo > Number.MAX_SAFE_INTEGER || hi - lo >= 2 ** (64 - posBits)) return false;
  const packed = new BigUint64Array(m);
  const words = new Uint32Array(packed.buffer);
  const split = 2 ** lowScoreBits;
  const slot = 2 ** posBits;
  for (let p = 0; p < m; p++) {
    const v = hi - Math.round(score[idx[p]] * UNITS);
    const upper = Math.floor(v / split);
    words[2 * p] = (v - upper * split) * slot + p;
    words[2 * p + 1] = upper;
  }
  packed.sort();
  const sorted = new Array<number>(m);
  const scoreOf = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    const low = words[2 * p];
    const at = low % slot;
    sorted[p] = idx[at];
    scoreOf[p] = words[2 * p + 1] * split + (low - at) / slot;
  }
  for (let start = 0; start < m; ) {
    let end = start + 1;
    while (end < m && scoreOf[end] === scoreOf[start]) end++;
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(byKey);
      for (let k = 0; k < run.length; k++) sorted[start + k] = run[k];
    }
    start = end;
  }
  for (let p = 0; p < m; p++) idx[p] = sorted[p];
  return true;
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
