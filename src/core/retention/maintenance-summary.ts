import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { PreviousRow } from "../output-tabs/previous-outputs";
import { buildTab, type ColumnSpec, type TabSpec } from "../output-tabs/tab-spec";
import type { PlanValue, StyleBlock, TabPlan } from "../output-tabs/write-plan";
import type { ScoredCustomer, TierOrIncomplete } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { bi, compareKeys, isClosedStatus } from "./common";
import { isLost, statusId } from "./segments";

// Bound once: a global lookup of Math per customer is slow under a vm context (jest).
const { floor } = Math;

const TIER_COLUMN: Record<TierOrIncomplete, string> = { A: "tierA", B: "tierB", C: "tierC", D: "tierD", incomplete: "incomplete" };

/** The register's statuses (spec: 正常, 新客户, 休眠, 流失, 转出, 已回流), by the ids the register reader gives them. */
const STATUS_COLUMNS: { id: string; status: string | null; zh: string; en: string }[] = [
  { id: "stActive", status: "active", zh: "正常", en: "Active" },
  { id: "stNew", status: "new", zh: "新客户", en: "New" },
  { id: "stDormant", status: "dormant", zh: "休眠", en: "Dormant" },
  { id: "stChurned", status: "churned", zh: "流失", en: "Churned" },
  { id: "stTransferred", status: "transferred", zh: "转出", en: "Transferred out" },
  { id: "stReturned", status: "returned", zh: "已回流", en: "Returned" },
  { id: "stNone", status: null, zh: "未填状态", en: "No status" },
];

/** A count column about as wide as its header (a CJK character is two units; long English headers may wrap). */
/** Status id → its column; an unknown status counts as active. */
const STATUS_COLUMN = new Map<string | null, string>(STATUS_COLUMNS.map((s) => [s.status, s.id]));

const n = (id: string, zh: string, en: string): ColumnSpec => {
  const units = [...zh].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return { id, zh, en, kind: "integer", width: Math.max(8, units + 2, Math.min(en.length, 16)) };
};

/** 客户维护总结表 / Maintenance Summary: one row per account manager and a total row. */
export const SUMMARY_SPEC: TabSpec = {
  id: "summary",
  zh: "客户维护总结表",
  en: "Maintenance Summary",
  tableName: "MaintenanceSummary",
  keyColumns: ["manager"],
  columns: [
    { id: "manager", zh: "客户经理", en: "Account Manager", kind: "text", width: 14 },
    n("customers", "客户数", "Customers"),
    n("tierA", "A级", "Tier A"), n("tierB", "B级", "Tier B"), n("tierC", "C级", "Tier C"), n("tierD", "D级", "Tier D"),
    n("incomplete", "资料不全", "Incomplete"),
    n("maintain", "维持关系", "Maintain"), n("improve", "改善关系", "Improve"), n("end", "终止关系", "End"),
    ...STATUS_COLUMNS.map((s) => n(s.id, s.zh, s.en)),
    n("callsDue", "30天内待回访", "Calls Due in 30 Days"),
    n("callsOverdue", "逾期回访", "Overdue Calls"),
    n("callsDone", "上次以来已回访", "Calls Done Since Last Run"),
    n("planPending", "方案待审核", "Plans Pending Review"),
    n("planApproved", "方案已审核", "Plans Approved"),
    n("planRejected", "方案已驳回", "Plans Rejected"),
    n("planOther", "其他审核状态", "Other Review Status"),
    n("planExecuted", "方案已执行", "Plans Executed"),
    n("planInProgress", "方案执行中", "Plans In Progress"),
    n("warnYellow", "黄色预警", "Yellow Warnings"),
    n("warnRed", "红色预警", "Red Warnings"),
    n("winbackDecided", "拟挽回", "Win-back Decided"),
    n("returned", "上次以来回流", "Returned Since Last Run"),
    { id: "avgScore", zh: "平均得分", en: "Average Score", kind: "number", width: 9 },
    { id: "scoreChange", zh: "得分变化", en: "Score Change", kind: "number", width: 9, numberFormat: "+0.0;-0.0;0.0" },
  ],
};

const UNASSIGNED = bi("（未指定）", "(unassigned)");
const TOTAL = bi("合计", "Total");

const norm = (v: PlanValue | undefined): string => String(v ?? "").normalize("NFKC").trim().toLowerCase();

const APPROVED = new Set(["已审核", "审核通过", "已通过", "通过", "同意", "已批准", "批准", "approved", "reviewed", "accepted", "ok"]);
const REJECTED = new Set(["已驳回", "驳回", "不通过", "未通过", "退回", "已退回", "拒绝", "rejected", "declined", "returned"]);
const PENDING = new Set(["", "待审核", "未审核", "审核中", "pending review", "pending", "to review"]);
const EXECUTED = new Set(["已执行", "执行完毕", "已落实", "executed", "carried out"]);

/** How a plan row stands by its 审核状态 (review) and 执行情况 (execution). */
export function planState(review: PlanValue | undefined, execution: PlanValue | undefined): {
  review: "pending" | "approved" | "rejected" | "other";
  execution: "executed" | "inProgress" | "none";
} {
  const r = norm(review);
  const e = norm(execution);
  const executed = EXECUTED.has(r) || EXECUTED.has(e) || (e !== "" && isClosedStatus(e));
  return {
    // 已执行 in the review column says it was approved and carried out.
    review: PENDING.has(r) ? "pending" : APPROVED.has(r) || EXECUTED.has(r) ? "approved" : REJECTED.has(r) ? "rejected" : "other",
    execution: executed ? "executed" : e !== "" ? "inProgress" : "none",
  };
}

/** What the summary is built from: this run's customers and tabs, and what the last run left. */
export interface SummaryInput {
  customers: ScoredCustomer[];
  settings: Settings;
  asOf: number;
  lang: Lang;
  /** This run's tabs, as built. */
  tabs: { retention?: TabPlan; callbacks?: TabPlan; churn?: TabPlan; winback?: TabPlan };
  /** The previous roster's rows (客户编号, 客户经理, 最终得分), for the average score at the last run. */
  previousRoster: PreviousRow[];
  /** True for a customer that was 流失 or 转出 at the last run and is active now. */
  returned: (c: ScoredCustomer) => boolean;
  /** As-of day of the last run, when known: calls done since then are counted. */
  lastAsOf: number | null;
}

/** The count columns, and each one's slot in a manager's counters. */
const COUNT_IDS = SUMMARY_SPEC.columns.filter((c) => c.kind === "integer").map((c) => c.id);
const C: Record<string, number> = Object.fromEntries(COUNT_IDS.map((id, i) => [id, i]));

/** A manager's counters: one typed array (fast to bump 100,000 times), plus the score sum. */
class Acc {
  readonly n = new Float64Array(COUNT_IDS.length);
  scoreSum = 0;
  scored = 0;
}

/** The manager's name as written in the register, trimmed; "" when none. */
function managerOf(c: ScoredCustomer): string {
  return (c.register?.accountManager ?? "").trim();
}

/**
 * Builds 客户维护总结表: one row per account manager (by the register's 客户经理; customers without one under
 * "（未指定）"), sorted by name, and a total row. Counts come from this run's customers and tabs as written, so
 * the summary always agrees with them.
 */
export function buildMaintenanceSummary(input: SummaryInput, name: string): TabPlan {
  const { customers, settings, asOf, lang } = input;
  const today = floor(asOf);
  const dueTo = today + settings.plan.supervisor.dueDays;
  const accs = new Map<string, Acc>();
  const acc = (m: string): Acc => {
    let a = accs.get(m);
    if (!a) accs.set(m, (a = new Acc()));
    return a;
  };
  for (const c of customers) {
    const m = managerOf(c);
    const a = acc(m);
    a.n[C.customers]++;
    a.n[C[TIER_COLUMN[c.tier]]]++;
    // Verdict counts cover active customers only (the spec's life cycle rule).
    if (c.verdict && !isLost(c)) a.n[C[c.verdict]]++;
    a.n[C[STATUS_COLUMN.get(statusId(c) ?? null) ?? "stActive"]]++;
    if (c.score !== null) {
      a.scoreSum += c.score;
      a.scored++;
    }
    if (input.returned(c)) a.n[C.returned]++;
  }
  // The other tabs are read by column index, row by row: no record objects for 100,000-row tabs.
  const reader = (t: TabPlan | undefined, ...ids: string[]) => {
    const at = ids.map((id) => (t ? t.columns.findIndex((c) => c.id === id) : -1));
    return { rows: t && at.every((i) => i >= 0) ? t.rows : [], at };
  };
  // Rows are attributed by their 负责人 column (the register's 客户经理, as the customers loop groups them):
  // a handful of names, so the lookup stays small however many rows there are.
  const byOwner = new Map<PlanValue | undefined, Acc>();
  const forOwner = (owner: PlanValue | undefined): Acc => {
    let a = byOwner.get(owner);
    if (!a) byOwner.set(owner, (a = acc(typeof owner === "string" ? owner.trim() : owner === null || owner === undefined ? "" : String(owner).trim())));
    return a;
  };
  const closedWords = new Map<PlanValue | undefined, boolean>();
  const isClosed = (v: PlanValue | undefined): boolean => {
    let x = closedWords.get(v);
    if (x === undefined) closedWords.set(v, (x = isClosedStatus(v)));
    return x;
  };
  const calls = reader(input.tabs.callbacks, "owner", "plannedDate", "status");
  for (const row of calls.rows) {
    const a = forOwner(row[calls.at[0]]);
    const date = row[calls.at[1]];
    if (typeof date !== "number") continue;
    const closed = isClosed(row[calls.at[2]]);
    if (!closed && date < today) a.n[C.callsOverdue]++;
    if (!closed && date >= today && date <= dueTo) a.n[C.callsDue]++;
    if (closed && (input.lastAsOf === null || date >= input.lastAsOf)) a.n[C.callsDone]++;
  }
  const lost = new Set(customers.filter(isLost).map((c) => c.key));
  const plan = reader(input.tabs.retention, "owner", "reviewStatus", "execution", "key");
  // A few distinct words in 100,000 rows: read each pair once.
  const states = new Map<PlanValue | undefined, ReturnType<typeof planState>>();
  const state = (review: PlanValue | undefined, execution: PlanValue | undefined) => {
    // Most rows still hold the default and nothing else: no key to build for them.
    const k = execution === null || execution === undefined ? review : `${review ?? ""}\u0000${execution}`;
    let v = states.get(k);
    if (!v) states.set(k, (v = planState(review, execution)));
    return v;
  };
  const REVIEW_COLUMN = { pending: "planPending", approved: "planApproved", rejected: "planRejected", other: "planOther" } as const;
  for (const row of plan.rows) {
    // Lost customers are not in the maintenance plan (spec, life cycle); they count on the win-back side.
    if (lost.size > 0 && lost.has(String(row[plan.at[3]] ?? ""))) continue;
    const a = forOwner(row[plan.at[0]]);
    const s = state(row[plan.at[1]], row[plan.at[2]]);
    a.n[C[REVIEW_COLUMN[s.review]]]++;
    if (s.execution === "executed") a.n[C.planExecuted]++;
    if (s.execution === "inProgress") a.n[C.planInProgress]++;
  }
  const red = new Set(["红", "Red"]);
  const churn = reader(input.tabs.churn, "owner", "level");
  for (const row of churn.rows) {
    const a = forOwner(row[churn.at[0]]);
    a.n[red.has(String(row[churn.at[1]])) ? C.warnRed : C.warnYellow]++;
  }
  const winWords = new Set(["挽回", "Win back"]);
  // Only the rows of lost customers: the win-back tab ends with a total row (合计) that is nobody's.
  const win = reader(input.tabs.winback, "owner", "decision", "key");
  for (const row of win.rows) {
    if (!lost.has(String(row[win.at[2]] ?? ""))) continue;
    const a = forOwner(row[win.at[0]]);
    if (winWords.has(String(row[win.at[1]]))) a.n[C.winbackDecided]++;
  }

  // The average score at the last run, by the manager the previous roster showed.
  const prev = new Map<string, { sum: number; n: number }>();
  const prevAll = { sum: 0, n: 0 };
  for (const row of input.previousRoster) {
    const s = row.record.score;
    if (typeof s !== "number" || !Number.isFinite(s)) continue;
    const m = String(row.record.manager ?? "").trim();
    const p = prev.get(m) ?? { sum: 0, n: 0 };
    p.sum += s;
    p.n++;
    prev.set(m, p);
    prevAll.sum += s;
    prevAll.n++;
  }

  const row = (label: string, a: Acc, before: { sum: number; n: number } | undefined): Record<string, PlanValue> => {
    const avg = a.scored > 0 ? a.scoreSum / a.scored : null;
    const prevAvg = before && before.n > 0 ? before.sum / before.n : null;
    const out: Record<string, PlanValue> = { manager: label, avgScore: avg, scoreChange: avg !== null && prevAvg !== null ? avg - prevAvg : null };
    COUNT_IDS.forEach((id, i) => (out[id] = a.n[i]));
    return out;
  };
  const managers = [...accs.keys()].sort((x, y) => (x === "" ? 1 : y === "" ? -1 : compareKeys(x, y)));
  const records = managers.map((m) => row(m === "" ? pick(UNASSIGNED, lang) : m, accs.get(m)!, prev.get(m)));
  const total = new Acc();
  for (const a of accs.values()) {
    a.n.forEach((v, i) => (total.n[i] += v));
    total.scoreSum += a.scoreSum;
    total.scored += a.scored;
  }
  records.push(row(pick(TOTAL, lang), total, prevAll));
  const styles: StyleBlock[] = [{ role: "note", row: records.length - 1, rows: 1, col: 0, cols: SUMMARY_SPEC.columns.length }];
  return buildTab(specFor(settings), lang, name, records, styles);
}

/** The spec with the due-calls header naming the settings' window (30天内待回访 by default). */
function specFor(settings: Settings): TabSpec {
  const d = settings.plan.supervisor.dueDays;
  if (d === 30) return SUMMARY_SPEC;
  const header: Bilingual = bi(`${d}天内待回访`, `Calls Due in ${d} Days`);
  return { ...SUMMARY_SPEC, columns: SUMMARY_SPEC.columns.map((c) => (c.id === "callsDue" ? { ...c, ...header } : c)) };
}
