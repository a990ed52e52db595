import { parseTier } from "../i18n/labels";
import type { Indicator } from "../model/indicator";
import type { PreviousRow } from "../plan/previous-outputs";
import { scoreCustomers, type CustomerRef, type ManualTier } from "../scoring/score-customers";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";

/**
 * The values a manager may try in the pane before writing: every indicator's weight, the tier lines (or
 * quotas) and the verdict lines. Everything else (the data, the model's methods) stays as read.
 */
export interface WhatIfParams {
  /** Indicator name → weight (used in proportion, like the model's weights). */
  weights: Record<string, number>;
  tierMode: Settings["tierMode"];
  thresholds: Settings["thresholds"];
  /** Fractions 0–1; D gets the rest. */
  quotas: Settings["quotas"];
  maintainFrom: number;
  endBelow: number;
}

/** What a what-if needs of a workbook already read: the customers, their points and the settings read. */
export interface WhatIfBase {
  refs: CustomerRef[];
  indicators: Indicator[];
  /** nᵢ per indicator (outer) per customer (inner), NaN = missing: independent of weights and lines. */
  points: Float64Array[];
  settings: Settings;
  manual: Map<string, ManualTier>;
  /** The tiers in the outputs now in the workbook (the roster), by customer key; empty before a first run. */
  current: Map<string, TierOrIncomplete>;
}

/** A customer whose tier would change. */
export interface Mover {
  key: string;
  name?: string;
  from: TierOrIncomplete;
  to: TierOrIncomplete;
}

/** The result of trying some values: counts and who would move, against the current outputs. */
export interface WhatIfResult {
  params: WhatIfParams;
  customers: number;
  byTier: Record<TierOrIncomplete, number>;
  byVerdict: Record<Verdict, number>;
  /** "outputs" when compared with the roster in the workbook, "settings" with the workbook's own values. */
  against: "outputs" | "settings";
  /** How many customers would change tier, and the first of them (largest moves first). */
  moverCount: number;
  movers: Mover[];
  /** Movements counted as "A→B" → n. */
  moves: Record<string, number>;
}

/** How many movers a result lists (the count covers them all). */
export const MOVERS_LISTED = 50;

/** The values the workbook's own model and settings give: the starting point of a what-if. */
export function paramsOf(settings: Settings, indicators: Indicator[]): WhatIfParams {
  return {
    weights: Object.fromEntries(indicators.map((i) => [i.name, i.weight])),
    tierMode: settings.tierMode,
    thresholds: { ...settings.thresholds },
    quotas: { ...settings.quotas },
    maintainFrom: settings.maintainFrom,
    endBelow: settings.endBelow,
  };
}

/** Problems with tried values, as message keys; empty when the values can be used. */
export function checkParams(p: WhatIfParams): ("whatif.weights" | "whatif.lines" | "whatif.quotas" | "whatif.verdicts")[] {
  const out: ("whatif.weights" | "whatif.lines" | "whatif.quotas" | "whatif.verdicts")[] = [];
  const weights = Object.values(p.weights);
  if (weights.some((w) => !Number.isFinite(w) || w < 0) || weights.reduce((a, b) => a + b, 0) <= 0) out.push("whatif.weights");
  const { A, B, C } = p.thresholds;
  const inRange = (n: number) => Number.isFinite(n) && n >= 0 && n <= 100;
  if (!(inRange(A) && inRange(B) && inRange(C) && A >= B && B >= C)) out.push("whatif.lines");
  const q = p.quotas;
  const fr = (n: number) => Number.isFinite(n) && n >= 0 && n <= 1;
  if (!(fr(q.A) && fr(q.B) && fr(q.C) && q.A + q.B + q.C <= 1 + 1e-9)) out.push("whatif.quotas");
  if (!(inRange(p.maintainFrom) && inRange(p.endBelow) && p.maintainFrom >= p.endBelow)) out.push("whatif.verdicts");
  return out;
}

/** The settings and indicators with tried values put in (a weight not named keeps the model's). */
export function applyParams(settings: Settings, indicators: Indicator[], p: WhatIfParams): { settings: Settings; indicators: Indicator[] } {
  return {
    settings: { ...settings, tierMode: p.tierMode, thresholds: { ...p.thresholds }, quotas: { ...p.quotas }, maintainFrom: p.maintainFrom, endBelow: p.endBelow },
    indicators: indicators.map((i) => (Object.prototype.hasOwnProperty.call(p.weights, i.name) ? { ...i, weight: p.weights[i.name] } : i)),
  };
}

/** Scores every customer again with tried values, from the points already read (no re-read, no re-parse). */
export function rescore(base: WhatIfBase, p: WhatIfParams): ScoredCustomer[] {
  const { settings, indicators } = applyParams(base.settings, base.indicators, p);
  return scoreCustomers({ customers: base.refs, indicators, points: base.points, settings, manual: base.manual });
}

const RANK: Record<TierOrIncomplete, number> = { A: 4, B: 3, C: 2, D: 1, incomplete: 0 };

/**
 * Tries values: tier and verdict counts, and the customers whose computed tier would differ from the
 * current outputs (or, before a first run, from the workbook's own values).
 */
export function whatIf(base: WhatIfBase, p: WhatIfParams): WhatIfResult {
  const scored = rescore(base, p);
  let against: WhatIfResult["against"] = "outputs";
  let before: Map<string, TierOrIncomplete> = base.current;
  if (before.size === 0) {
    against = "settings";
    before = new Map(rescore(base, paramsOf(base.settings, base.indicators)).map((c) => [c.key, c.computedTier]));
  }
  const byTier: Record<TierOrIncomplete, number> = { A: 0, B: 0, C: 0, D: 0, incomplete: 0 };
  const byVerdict: Record<Verdict, number> = { maintain: 0, improve: 0, end: 0 };
  const all: Mover[] = [];
  const moves: Record<string, number> = {};
  for (const c of scored) {
    byTier[c.computedTier]++;
    if (c.verdict) byVerdict[c.verdict]++;
    const from = before.get(c.key);
    if (from !== undefined && from !== c.computedTier) {
      all.push({ key: c.key, name: c.name, from, to: c.computedTier });
      const label = `${from}→${c.computedTier}`;
      moves[label] = (moves[label] ?? 0) + 1;
    }
  }
  // Largest jumps first, then by key, so the list is stable as values change.
  all.sort((a, b) => Math.abs(RANK[b.to] - RANK[b.from]) - Math.abs(RANK[a.to] - RANK[a.from]) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { params: p, customers: scored.length, byTier, byVerdict, against, moverCount: all.length, movers: all.slice(0, MOVERS_LISTED), moves };
}

/** The computed tiers of the roster now in the workbook, by customer key (a blank tier cell is skipped). */
export function currentTiers(rosterRows: PreviousRow[]): Map<string, TierOrIncomplete> {
  const out = new Map<string, TierOrIncomplete>();
  for (const r of rosterRows) {
    const key = r.record.key;
    const text = r.record.tier;
    if (key === null || key === undefined || key === "" || text === null || text === undefined || text === "") continue;
    out.set(String(key), parseTier(String(text)) ?? "incomplete");
  }
  return out;
}
