import { tierLabel, verdictLabel } from "../i18n/labels";
import type { Lang } from "../i18n/lang";
import type { PreviousRow } from "../plan/previous-outputs";
import { rosterOrder } from "../plan/roster-tab";
import { buildTab, type TabSpec } from "../plan/tab-spec";
import type { PlanValue, TabPlan } from "../plan/write-plan";
import type { ProblemLog } from "../problems/problem";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { customerName, parseTierLabel } from "./common";
import { isoTimeFromSerial, serialFromIsoTime } from "./dates";

/** 评估历史 / History: one row per customer per run, appended at every run. */
export const HISTORY_SPEC: TabSpec = {
  id: "history",
  zh: "评估历史",
  en: "Evaluation History",
  tableName: "EvaluationHistory",
  keyColumns: ["runAt", "key"],
  columns: [
    { id: "runAt", zh: "运行时间", en: "Run Time", kind: "datetime", width: 17, numberFormat: "yyyy-mm-dd hh:mm:ss" },
    { id: "asOf", zh: "评估日期", en: "As Of", kind: "date", width: 12 },
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 14 },
    { id: "name", zh: "客户名称", en: "Customer", kind: "text", width: 24 },
    { id: "score", zh: "最终得分", en: "Final Score", kind: "number", width: 10 },
    { id: "tier", zh: "等级", en: "Tier", kind: "text", width: 9 },
    { id: "manualTier", zh: "人工等级", en: "Manual Tier", kind: "text", width: 10 },
    { id: "verdict", zh: "建议", en: "Verdict", kind: "text", width: 10 },
    { id: "fingerprint", zh: "模型指纹", en: "Model Fingerprint", kind: "text", width: 18 },
  ],
};

const TIER_RANK: Record<"A" | "B" | "C" | "D", number> = { A: 0, B: 1, C: 2, D: 3 };

/** Movement from the previous tier to the current one: ↑ up (A is above B), ↓ down, — same or not comparable, 新 first seen. */
export function movement(previous: TierOrIncomplete | undefined, current: TierOrIncomplete): "↑" | "↓" | "—" | "新" {
  if (previous === undefined) return "新";
  // 资料不全 has no place on the A–D ladder, so a move to or from it is no up or down.
  if (previous === "incomplete" || current === "incomplete" || previous === current) return "—";
  return TIER_RANK[current] < TIER_RANK[previous] ? "↑" : "↓";
}

/** The movement word in a language: the arrows are universal, 新 reads "New" in English. */
export function movementLabel(m: "↑" | "↓" | "—" | "新", lang: Lang): string {
  return m === "新" && lang === "en-US" ? "New" : m;
}

/** A run time cell read back as a sortable serial (number cells as they are, ISO text parsed); NaN when unreadable. */
function runSerial(v: PlanValue | undefined): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return serialFromIsoTime(v);
  return NaN;
}

/** Each customer's tier of the latest earlier run (the history's computed tier), with that run's time. */
export function previousTiers(historyRows: PreviousRow[]): Map<string, { tier: TierOrIncomplete; runAt: string }> {
  const best = new Map<string, { tier: TierOrIncomplete; at: number; raw: PlanValue }>();
  for (const row of historyRows) {
    const key = row.record.key;
    const tier = parseTierLabel(row.record.tier ?? null);
    if (key === null || key === undefined || !tier) continue;
    const k = String(key);
    const at = runSerial(row.record.runAt);
    const prev = best.get(k);
    // Later rows win ties (and unreadable times), since the history is appended in run order.
    if (!prev || !(at < prev.at)) best.set(k, { tier, at: Number.isNaN(at) ? (prev?.at ?? -Infinity) : at, raw: row.record.runAt ?? null });
  }
  const out = new Map<string, { tier: TierOrIncomplete; runAt: string }>();
  for (const [k, v] of best) {
    const runAt = typeof v.raw === "number" ? isoTimeFromSerial(v.raw) : String(v.raw ?? "");
    out.set(k, { tier: v.tier, runAt });
  }
  return out;
}

const VERDICT_TEXT = new Map<string, Verdict>();
for (const v of ["maintain", "improve", "end"] as Verdict[]) {
  VERDICT_TEXT.set(verdictLabel(v, "zh-CN"), v);
  VERDICT_TEXT.set(verdictLabel(v, "en-US"), v);
}

/** An old history row in this run's language: tier and verdict words are translated, everything else kept. */
function relocalise(record: Record<string, PlanValue>, lang: Lang): Record<string, PlanValue> {
  const out = { ...record };
  for (const id of ["tier", "manualTier"]) {
    const t = parseTierLabel(record[id] ?? null);
    if (t) out[id] = tierLabel(t, lang);
  }
  const v = VERDICT_TEXT.get(String(record.verdict ?? ""));
  if (v) out.verdict = verdictLabel(v, lang);
  return out;
}

/**
 * Drops the oldest runs (whole runs, by run time) until previous + current rows fit in maxRows, so the
 * tab never outgrows Excel; reports what was dropped.
 */
function trimHistory(previous: PreviousRow[], current: number, maxRows: number, problems: ProblemLog): PreviousRow[] {
  const room = Math.max(0, maxRows - current);
  if (previous.length <= room) return previous;
  const runs = new Map<string, { rows: number; at: number; first: number }>();
  previous.forEach((r, i) => {
    const id = String(r.record.runAt ?? "");
    const run = runs.get(id);
    if (run) run.rows++;
    else runs.set(id, { rows: 1, at: runSerial(r.record.runAt), first: i });
  });
  // Oldest first; unreadable times count as oldest, and the order rows appear in breaks ties.
  const ord = (x: { at: number }) => (Number.isNaN(x.at) ? -Infinity : x.at);
  const order = [...runs.entries()].sort((a, b) => ord(a[1]) - ord(b[1]) || a[1].first - b[1].first).map(([id]) => id);
  const dropped = new Set<string>();
  let left = previous.length;
  for (const run of order) {
    if (left <= room) break;
    dropped.add(run);
    left -= runs.get(run)!.rows;
  }
  problems.note("plan.historyTrimmed", { params: { max: maxRows, runs: dropped.size, rows: previous.length - left } });
  return previous.filter((r) => !dropped.has(String(r.record.runAt ?? "")));
}

/** Builds 评估历史: the earlier rows (translated to this language), then one row per customer of this run. */
export function buildHistory(
  previous: PreviousRow[], customers: ScoredCustomer[],
  run: { runAt: string; asOf: number; fingerprint: string; maxRows: number },
  lang: Lang, name: string, problems: ProblemLog,
): TabPlan {
  const kept = trimHistory(previous, customers.length, run.maxRows, problems);
  const at = serialFromIsoTime(run.runAt);
  const records: Record<string, PlanValue>[] = kept.map((r) => relocalise(r.record, lang));
  for (const c of rosterOrder(customers)) {
    records.push({
      runAt: Number.isNaN(at) ? run.runAt : at,
      asOf: Math.floor(run.asOf),
      key: c.key,
      name: customerName(c),
      score: c.score,
      tier: tierLabel(c.computedTier, lang),
      manualTier: c.manualTier ? tierLabel(c.manualTier, lang) : null,
      verdict: c.verdict ? verdictLabel(c.verdict, lang) : null,
      fingerprint: run.fingerprint,
    });
  }
  return buildTab(HISTORY_SPEC, lang, name, records);
}
