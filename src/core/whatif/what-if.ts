import { parseTier } from "../i18n/labels";
import type { Indicator } from "../model/indicator";
import type { PreviousRow } from "../output-tabs/previous-outputs";
import { stageOfStatus } from "../retention/lifecycle";
import { scoreCustomers, type CustomerRef, type ManualTier } from "../scoring/score-customers";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { assignTiers, verdictFor, type Tierable } from "../scoring/tiers";
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
  /** Memo of the tiers the workbook's own values give (filled on first use). */
  baseline?: TierOrIncomplete[];
}

/** Scores, tiers and verdicts of every customer under tried values (what a what-if needs, nothing more). */
export interface QuickScores {
  /** NaN where no indicator is present. */
  score: Float64Array;
  coverage: Float64Array;
  tier: TierOrIncomplete[];
  verdict: (Verdict | null)[];
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

/**
 * Scores, tiers and judges every customer with tried values, the same arithmetic as scoreCustomers (sums in
 * indicator order) but column by column and without contributions or ranks: a what-if on 100,000
 * customers is a few milliseconds of arithmetic and one sort in quota mode.
 */
export function quickScores(base: WhatIfBase, p: WhatIfParams): QuickScores {
  const { settings, indicators } = applyParams(base.settings, base.indicators, p);
  const n = base.refs.length;
  const sum = new Float64Array(n);
  const present = new Float64Array(n);
  let total = 0;
  indicators.forEach((ind, i) => {
    const w = ind.weight;
    total += w;
    const col = base.points[i];
    for (let c = 0; c < n; c++) {
      const v = col[c];
      if (!Number.isNaN(v)) {
        present[c] += w;
        sum[c] += w * v;
      }
    }
  });
  const score = new Float64Array(n);
  const coverage = new Float64Array(n);
  const items: Tierable[] = new Array(n);
  for (let c = 0; c < n; c++) {
    score[c] = present[c] > 0 ? sum[c] / present[c] : NaN;
    coverage[c] = total > 0 ? present[c] / total : 0;
    items[c] = { key: base.refs[c].key, score: score[c], eligible: !Number.isNaN(score[c]) && coverage[c] >= settings.minCoverage - 1e-12 };
  }
  const tier = assignTiers(items, settings);
  const verdict = tier.map((t, c) => (t === "incomplete" || Number.isNaN(score[c]) ? null : verdictFor(score[c], base.refs[c].register?.potential === "high", settings)));
  return { score, coverage, tier, verdict };
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
  const q = quickScores(base, p);
  let against: WhatIfResult["against"] = "outputs";
  let before: (c: number) => TierOrIncomplete | undefined = (c) => base.current.get(base.refs[c].key);
  if (base.current.size === 0) {
    against = "settings";
    const baseline = (base.baseline ??= quickScores(base, paramsOf(base.settings, base.indicators)).tier);
    before = (c) => baseline[c];
  }
  const byTier: Record<TierOrIncomplete, number> = { A: 0, B: 0, C: 0, D: 0, incomplete: 0 };
  const byVerdict: Record<Verdict, number> = { maintain: 0, improve: 0, end: 0 };
  const all: Mover[] = [];
  const moves: Record<string, number> = {};
  for (let c = 0; c < q.tier.length; c++) {
    const to = q.tier[c];
    byTier[to]++;
    const v = q.verdict[c];
    // Verdict counts cover active customers only, as the run's summary and the KPI tab count them.
    if (v && stageOfStatus(base.refs[c].register?.status) === "active") byVerdict[v]++;
    const from = before(c);
    if (from !== undefined && from !== to) {
      all.push({ key: base.refs[c].key, name: base.refs[c].name, from, to });
      const label = `${from}→${to}`;
      moves[label] = (moves[label] ?? 0) + 1;
    }
  }
  // Largest jumps first, then by key, so the list is stable as values change.
  all.sort((a, b) => Math.abs(RANK[b.to] - RANK[b.from]) - Math.abs(RANK[a.to] - RANK[a.from]) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { params: p, customers: q.tier.length, byTier, byVerdict, against, moverCount: all.length, movers: all.slice(0, MOVERS_LISTED), moves };
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
