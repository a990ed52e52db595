import type { Lang } from "../i18n/lang";
import type { JobOutcome, JobSummary } from "../job/job-types";
import { levelWord, type ProblemLevel } from "../problems/problem";
import { problemLocation, renderProblem } from "../problems/render";
import type { PlanValue, TabPlan, WritePlan } from "../output-tabs/write-plan";
import type { TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { isActive } from "../retention/lifecycle";

/** The per-customer fields exported for BI tools, by the roster's column ids (what the roster shows). */
export const RESULT_FIELDS = ["key", "name", "manager", "score", "tier", "manualTier", "verdict", "coverage", "status", "segment"] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];
export type CustomerResult = Record<ResultField, PlanValue>;

/** One figure of a workbook's KPI tab, as the batch summary shows it. */
export interface KpiFigure {
  section: string;
  figure: string;
  kind: "integer" | "percent" | "number";
  value: number;
}

/** A workbook's customers under one account manager. */
export interface ManagerFigures {
  manager: string;
  customers: number;
  byTier: Record<TierOrIncomplete, number>;
  byVerdict: Record<Verdict, number>;
  /** Sum and count of final scores, so averages across workbooks stay exact. */
  scoreSum: number;
  scored: number;
}

/** A problem as the command centre reads it: level word, sheet!cell, message, all in the output language. */
export interface ResultProblem {
  level: ProblemLevel;
  levelText: string;
  where: string;
  message: string;
}

/** Everything a batch keeps of one workbook's run: plain data, so a worker thread can hand it over. */
export interface WorkbookResult {
  /** The input file as given (shown in the summary). */
  file: string;
  output?: string;
  exitCode: number;
  /** Why nothing could be done (exit 2), in the message language. */
  failure?: { code: string; message: string };
  summary?: JobSummary;
  carried?: boolean;
  kpis: KpiFigure[];
  managers: ManagerFigures[];
  problems: ResultProblem[];
  customers: CustomerResult[];
}

/** Tiers and verdicts in the order every summary lists them. */
export const TIERS: readonly TierOrIncomplete[] = ["A", "B", "C", "D", "incomplete"];
export const VERDICTS: readonly Verdict[] = ["maintain", "improve", "end"];

/** Zero counts by tier. */
export function emptyTierCounts(): Record<TierOrIncomplete, number> {
  return Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<TierOrIncomplete, number>;
}

/** Zero counts by verdict. */
export function emptyVerdictCounts(): Record<Verdict, number> {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
}

function tab(plan: WritePlan, id: TabPlan["id"]): TabPlan | undefined {
  return plan.tabs.find((t) => t.id === id);
}

/** The roster's rows as results: the same values the roster shows, so a BI file never disagrees with it. */
export function customerResults(plan: WritePlan): CustomerResult[] {
  const roster = tab(plan, "roster");
  if (!roster) return [];
  const at = RESULT_FIELDS.map((f) => roster.columns.findIndex((c) => c.id === f));
  return roster.rows.map((row) => Object.fromEntries(RESULT_FIELDS.map((f, i) => [f, at[i] >= 0 ? row[at[i]] ?? null : null])) as CustomerResult);
}

/**
 * The KPI tab's figures beyond the tier and verdict counts (rates, feedback, data quality …): each row's
 * share when it has one, else its value, else its count. Generic over the rows, so new figures follow.
 */
export function kpiFiguresOf(plan: WritePlan): KpiFigure[] {
  const kpi = tab(plan, "kpi");
  if (!kpi) return [];
  const col = (id: string) => kpi.columns.findIndex((c) => c.id === id);
  const [section, figure, count, share, value] = ["section", "figure", "count", "share", "value"].map(col);
  if (section < 0 || figure < 0) return [];
  const out: KpiFigure[] = [];
  for (const row of kpi.rows) {
    const num = (i: number) => (i >= 0 && typeof row[i] === "number" && Number.isFinite(row[i]) ? (row[i] as number) : null);
    const s = num(share);
    const v = num(value);
    const c = num(count);
    const picked: KpiFigure | null =
      s !== null ? { section: "", figure: "", kind: "percent", value: s }
      : v !== null ? { section: "", figure: "", kind: "number", value: v }
      : c !== null ? { section: "", figure: "", kind: "integer", value: c } : null;
    if (picked) out.push({ ...picked, section: String(row[section] ?? ""), figure: String(row[figure] ?? "") });
  }
  return out;
}

/** Customers by account manager (an empty manager is its own row, named in the output language). */
export function managerFigures(outcome: Pick<JobOutcome, "customers">, lang: Lang): ManagerFigures[] {
  const unassigned = lang === "zh-CN" ? "（未指定）" : "(unassigned)";
  const by = new Map<string, ManagerFigures>();
  for (const c of outcome.customers) {
    const manager = c.register?.accountManager?.trim() || unassigned;
    let m = by.get(manager);
    if (!m) {
      m = { manager, customers: 0, byTier: emptyTierCounts(), byVerdict: emptyVerdictCounts(), scoreSum: 0, scored: 0 };
      by.set(manager, m);
    }
    m.customers++;
    m.byTier[c.tier]++;
    // Verdict counts cover active customers only (spec: 流失 and 转出 have a win-back decision instead).
    if (c.verdict && isActive(c)) m.byVerdict[c.verdict]++;
    if (c.score !== null) {
      m.scoreSum += c.score;
      m.scored++;
    }
  }
  return [...by.values()];
}

/** The problems of a run, rendered in a language, worst first as the summary lists them. */
export function resultProblems(outcome: Pick<JobOutcome, "problems">, lang: Lang): ResultProblem[] {
  const rank: Record<ProblemLevel, number> = { error: 0, warning: 1, note: 2 };
  return outcome.problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank[a.p.level] - rank[b.p.level] || a.i - b.i)
    .map(({ p }) => ({ level: p.level, levelText: levelWord(p.level, lang), where: problemLocation(p), message: renderProblem(p, lang) }));
}

/** A workbook that could not be run at all (exit 2). */
export function failedResult(file: string, exitCode: number, failure: { code: string; message: string }): WorkbookResult {
  return { file, exitCode, failure, kpis: [], managers: [], problems: [], customers: [] };
}
