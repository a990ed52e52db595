import type { Band, Indicator, MapEntry } from "../model/indicator";

/** nᵢ = 100·s/M, or 100·(M − s)/M for 反向 (lower is better). Caller has checked 0 ≤ s ≤ M. */
export function normaliseScore(score: number, maxScore: number, direction: Indicator["direction"]): number {
  return direction === "negative" ? (100 * (maxScore - score)) / maxScore : (100 * score) / maxScore;
}

/** Min-max over the customers with a value: 100·(x − min)/(max − min); all equal → 100. */
export function minMaxPoints(values: Float64Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    out[i] = max === min ? 100 : (100 * (v - min)) / (max - min);
  }
  return out;
}

/**
 * Percentile rank over the customers with a value:
 * 100·(smaller + ½·(equal − 1)) / (count − 1), itself excluded from the equal ones; one customer → 100.
 */
export function percentileRankPoints(values: Float64Array): Float64Array {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present.push(i);
  const out = new Float64Array(values.length).fill(NaN);
  const n = present.length;
  if (n === 0) return out;
  if (n === 1) {
    out[present[0]] = 100;
    return out;
  }
  present.sort((a, b) => values[a] - values[b]);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[present[end + 1]] === values[present[start]]) end++;
    const smaller = start;
    const equalOthers = end - start;
    const points = (100 * (smaller + equalOthers / 2)) / (n - 1);
    for (let k = start; k <= end; k++) out[present[k]] = points;
    start = end + 1;
  }
  return out;
}

/** The points of the first band the value falls in; undefined when none matches. */
export function bandPoints(value: number, bands: Band[]): number | undefined {
  for (const b of bands) {
    const hit =
      b.op === ">=" ? value >= b.bound :
      b.op === ">" ? value > b.bound :
      b.op === "<=" ? value <= b.bound :
      b.op === "<" ? value < b.bound :
      value === b.bound;
    if (hit) return b.points;
  }
  return undefined;
}

/** The points of the map entry whose canonical key equals the value's; undefined when none does. */
export function mapPoints(key: string, mapping: MapEntry[]): number | undefined {
  return mapping.find((m) => m.key === key)?.points;
}
