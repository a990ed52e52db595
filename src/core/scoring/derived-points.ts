import type { Indicator } from "../model/indicator";
import { bandPoints, mapPoints, minMaxPoints, normaliseScore, percentileRankPoints } from "./normalise";

/** A register value as derived indicators see it: a number, a canonical category, or nothing. */
export type DerivedValue = number | string | undefined;

/** Why a customer's derived value gave no points. */
export interface DerivedMiss {
  customer: number;
  reason: "noBand" | "noMapEntry" | "notNumber" | "outOfRange";
}

/**
 * nᵢ for every customer of a derived indicator (来源列), by its method. Missing values stay NaN;
 * 反向 turns min-max and rank around (lower is better).
 */
export function derivedPoints(ind: Indicator, values: DerivedValue[]): { points: Float64Array; misses: DerivedMiss[] } {
  const points = new Float64Array(values.length).fill(NaN);
  const misses: DerivedMiss[] = [];
  const numeric = new Float64Array(values.length).fill(NaN);
  values.forEach((v, i) => {
    if (typeof v === "number") numeric[i] = v;
  });
  const needsNumber = ind.method !== "map";
  if (needsNumber) {
    values.forEach((v, i) => {
      if (typeof v === "string") misses.push({ customer: i, reason: "notNumber" });
    });
  }
  switch (ind.method) {
    case "minmax":
    case "rank": {
      // 反向: rank the negated values, so lower is better and "all equal → 100", "only one → 100" still hold.
      const input = ind.direction === "negative" ? numeric.map((x) => -x) : numeric;
      const raw = ind.method === "minmax" ? minMaxPoints(input) : percentileRankPoints(input);
      for (let i = 0; i < raw.length; i++) if (!Number.isNaN(raw[i])) points[i] = raw[i];
      break;
    }
    case "bands":
      numeric.forEach((x, i) => {
        if (Number.isNaN(x)) return;
        const p = bandPoints(x, ind.bands ?? []);
        if (p === undefined) misses.push({ customer: i, reason: "noBand" });
        else points[i] = p;
      });
      break;
    case "map":
      values.forEach((v, i) => {
        if (v === undefined) return;
        const p = mapPoints(String(v), ind.mapping ?? []);
        if (p === undefined) misses.push({ customer: i, reason: "noMapEntry" });
        else points[i] = p;
      });
      break;
    case "direct":
      numeric.forEach((x, i) => {
        if (Number.isNaN(x)) return;
        if (x < 0 || x > ind.maxScore) misses.push({ customer: i, reason: "outOfRange" });
        else points[i] = normaliseScore(x, ind.maxScore, ind.direction);
      });
      break;
  }
  return { points, misses };
}
