import type { Indicator } from "../model/indicator";
import { defaultSettings } from "../settings/settings";
import type { WhatIfBase } from "./what-if";

/** A directly typed indicator of 100 points. */
export function ind(name: string, weight: number): Indicator {
  return { name, weight, maxScore: 100, direction: "positive", method: "direct" };
}

/** A what-if base built by hand: customers K0000… (named 客户0…) × indicators points (null = missing). */
export function handBase(names: string[], weights: number[], points: (number | null)[][]): WhatIfBase {
  return {
    refs: points.map((_, c) => ({ key: `K${String(c).padStart(4, "0")}`, name: `客户${c}` })),
    indicators: names.map((n, i) => ind(n, weights[i])),
    points: names.map((_, i) => Float64Array.from(points.map((row) => (row[i] === null ? NaN : row[i]!)))),
    settings: defaultSettings(),
    manual: new Map(),
    current: new Map(),
  };
}
