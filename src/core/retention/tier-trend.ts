import { tierLabel } from "../i18n/labels";
import { pick, type Lang } from "../i18n/lang";
import type { PreviousRow } from "../output-tabs/previous-outputs";
import type { ChartPlan, PlanValue, StyleRole } from "../output-tabs/write-plan";
import type { ScoredCustomer, TierOrIncomplete } from "../scoring/scored-customer";
import { bi, parseTierLabel, TIER_ROLE } from "./common";
import { isoFromSerial, serialFromIsoTime } from "./dates";
import { tierCountsByRun, type RunLogEntry } from "./history";

const TIER_KEYS: TierOrIncomplete[] = ["A", "B", "C", "D", "incomplete"];

/** The trend keeps as many runs as the history does (24 by the spec). */
export const TREND_MAX_RUNS = 24;

/** One earlier run as the trend needs it: when, and its customers by effective tier. */
export interface PastRun {
  /** Run time as a serial date-time (NaN when unreadable; such runs keep their order of appearance). */
  runAt: number;
  /** As-of day of the run (serial), when known. */
  asOf: number | null;
  byTier: Record<TierOrIncomplete, number>;
}

function emptyCounts(): Record<TierOrIncomplete, number> {
  return { A: 0, B: 0, C: 0, D: 0, incomplete: 0 };
}

function serialOf(v: PlanValue | undefined): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return serialFromIsoTime(v);
  return NaN;
}

/**
 * The earlier runs in a history kept as one row per customer per run (运行时间, 评估日期, 等级, 人工等级):
 * rows grouped by run time, each customer counted at its effective tier (人工等级 first, as on the KPI tab).
 * Rows of another shape (no run time or tier) give no runs, so the trend then shows the current run alone.
 */
export function pastRunsFromHistory(rows: PreviousRow[]): PastRun[] {
  const runs = new Map<string, PastRun & { order: number }>();
  for (const row of rows) {
    const raw = row.record.runAt;
    const tier = parseTierLabel(row.record.manualTier ?? null) ?? parseTierLabel(row.record.tier ?? null);
    if (raw === null || raw === undefined || !tier) continue;
    const id = String(raw);
    let run = runs.get(id);
    if (!run) {
      const asOf = row.record.asOf;
      run = { runAt: serialOf(raw), asOf: typeof asOf === "number" ? Math.floor(asOf) : null, byTier: emptyCounts(), order: runs.size };
      runs.set(id, run);
    }
    run.byTier[tier]++;
  }
  const ord = (r: PastRun) => (Number.isNaN(r.runAt) ? -Infinity : r.runAt);
  return [...runs.values()]
    .sort((a, b) => ord(a) - ord(b) || a.order - b.order)
    .map(({ runAt, asOf, byTier }) => ({ runAt, asOf, byTier }));
}

/** The earlier runs from the history's run log (newest first there), oldest first, counts by effective tier. */
export function pastRunsFromLog(runs: readonly RunLogEntry[]): PastRun[] {
  const oldestFirst = [...runs].reverse();
  return tierCountsByRun(runs).map((p, i) => ({ runAt: oldestFirst[i].runAt ?? NaN, asOf: p.asOf, byTier: p.counts }));
}

/** The as-of day of the latest earlier run, when the history knows it. */
export function lastRunAsOf(runs: PastRun[]): number | null {
  for (let i = runs.length - 1; i >= 0; i--) if (runs[i].asOf !== null) return runs[i].asOf;
  return null;
}

/** The current run's customers by effective tier. */
export function currentRun(customers: ScoredCustomer[], runAt: string, asOf: number): PastRun {
  const byTier = emptyCounts();
  for (const c of customers) byTier[c.tier]++;
  return { runAt: serialFromIsoTime(runAt), asOf: Math.floor(asOf), byTier };
}

/** Category labels of the runs: the as-of day (else the run day); a repeated day gets " (2)", " (3)" … */
function runLabels(runs: PastRun[]): string[] {
  const seen = new Map<string, number>();
  return runs.map((r) => {
    const day = r.asOf ?? (Number.isNaN(r.runAt) ? null : Math.floor(r.runAt));
    const base = day === null ? "?" : isoFromSerial(day);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/**
 * The KPI rows of the tier trend and the line chart over them: for each tier, one row per run (oldest first,
 * this run last), section "等级趋势 A" …, figure = the run's day, count and share of that run's customers.
 * `firstRow` is where the rows will start in the KPI tab.
 */
export function trendRows(
  past: PastRun[], current: PastRun, lang: Lang, firstRow: number, cols: { labelCol: number; valueCol: number },
): { records: Record<string, PlanValue>[]; chart: ChartPlan; roles: (StyleRole | null)[] } {
  const runs = [...past.slice(-(TREND_MAX_RUNS - 1)), current];
  const labels = runLabels(runs);
  const records: Record<string, PlanValue>[] = [];
  const roles: (StyleRole | null)[] = [];
  const def = pick(bi(
    "每次运行的客户数（按生效等级）；占比 = 该次运行的客户总数中的比例；来自评估历史",
    "Customers of each run by effective tier; share = of that run's customers; from the evaluation history",
  ), lang);
  for (const t of TIER_KEYS) {
    const section = pick(bi(`等级趋势 ${tierLabel(t, "zh-CN")}`, `Tier trend ${tierLabel(t, "en-US")}`), lang);
    runs.forEach((r, i) => {
      const total = TIER_KEYS.reduce((n, k) => n + r.byTier[k], 0);
      records.push({ section, figure: labels[i], count: r.byTier[t], share: total > 0 ? r.byTier[t] / total : null, definition: def });
      roles.push(TIER_ROLE[t]);
    });
  }
  const chart: ChartPlan = {
    kind: "line",
    title: pick(bi("客户等级趋势（历次运行）", "Customers by tier over the runs"), lang),
    firstRow,
    rows: runs.length,
    labelCol: cols.labelCol,
    valueCol: cols.valueCol,
    series: TIER_KEYS.map((t, i) => ({ name: tierLabel(t, lang), firstRow: firstRow + i * runs.length, role: TIER_ROLE[t] })),
  };
  return { records, chart, roles };
}
