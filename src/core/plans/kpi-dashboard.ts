import { tierLabel, verdictLabel } from "../i18n/labels";
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import { buildTab, type TabSpec } from "../plan/tab-spec";
import { blocksFromRowRoles, type ChartPlan, type PlanValue, type StyleRole, type TabPlan } from "../plan/write-plan";
import type { RegisterRow } from "../register/register-row";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { bi, colIndex, TIER_ROLE } from "./common";

const VERDICT_ROLE: Record<Verdict, StyleRole> = { maintain: "maintain", improve: "improve", end: "end" };

/** 指标看板 / KPI Dashboard: one row per figure. */
export const KPI_SPEC: TabSpec = {
  id: "kpi",
  zh: "指标看板",
  en: "KPI Dashboard",
  tableName: "KpiDashboard",
  keyColumns: ["section", "figure"],
  columns: [
    { id: "section", zh: "类别", en: "Section", kind: "text", width: 12 },
    { id: "figure", zh: "指标", en: "Figure", kind: "text", width: 20 },
    { id: "count", zh: "数量", en: "Count", kind: "integer", width: 10 },
    { id: "share", zh: "占比", en: "Share", kind: "percent", width: 9, numberFormat: "0.0%" },
    { id: "value", zh: "数值", en: "Value", kind: "number", width: 10 },
    { id: "definition", zh: "口径", en: "Definition", kind: "text", width: 60 },
  ],
};

/**
 * The register fields that make a customer's information complete: who it is, how to reach it, who looks
 * after it, and the facts the plans run on.
 */
export const KEY_FIELDS: (keyof RegisterRow)[] = [
  "name", "address", "contact", "accountManager", "channel", "potential", "satisfaction", "firstPurchase", "lastContact", "status",
];

/** Figures the dashboard shows; everything as plain numbers so tests can check them. */
export interface KpiFigures {
  total: number;
  byTier: Record<TierOrIncomplete, { count: number; avgScore: number | null }>;
  byVerdict: Record<Verdict, number>;
  active: number;
  churned: number;
  /** active ÷ (active + churned); null when no customer has a status. */
  retentionRate: number | null;
  /** churned ÷ (active + churned). */
  churnRate: number | null;
  /** Churned customers whose decision is 挽回 ÷ churned customers. */
  winBackRate: number | null;
  winBack: number;
  satisfactionCount: number;
  avgSatisfaction: number | null;
  npsCount: number;
  /** % promoters (9–10) − % detractors (0–6), in points −100…100. */
  nps: number | null;
  /** Filled key fields ÷ (customers × key fields). */
  completeness: number | null;
  /** Customers with every key field filled. */
  completeCustomers: number;
  openComplaints: number;
  overdueCalls: number;
}

const TIER_KEYS: TierOrIncomplete[] = ["A", "B", "C", "D", "incomplete"];
const VERDICT_KEYS: Verdict[] = ["maintain", "improve", "end"];

/** Computes the dashboard's figures in one pass over the customers (tiers are the effective, manual-first ones). */
export function kpiFigures(customers: ScoredCustomer[], extra: { winBack: number; overdueCalls: number }): KpiFigures {
  const tierAcc = Object.fromEntries(TIER_KEYS.map((t) => [t, { count: 0, sum: 0, scored: 0 }])) as Record<TierOrIncomplete, { count: number; sum: number; scored: number }>;
  const byVerdict: Record<Verdict, number> = { maintain: 0, improve: 0, end: 0 };
  let active = 0, churned = 0, satN = 0, satSum = 0, npsN = 0, promoters = 0, detractors = 0, filled = 0, complete = 0, open = 0;
  for (const c of customers) {
    const t = tierAcc[c.tier];
    t.count++;
    if (c.score !== null) {
      t.sum += c.score;
      t.scored++;
    }
    if (c.verdict) byVerdict[c.verdict]++;
    const r = c.register;
    if (r?.status === "active") active++;
    if (r?.status === "churned") churned++;
    if (r?.satisfaction !== undefined) {
      satN++;
      satSum += r.satisfaction;
    }
    if (r?.likelihoodToRecommend !== undefined) {
      npsN++;
      if (r.likelihoodToRecommend >= 9) promoters++;
      else if (r.likelihoodToRecommend <= 6) detractors++;
    }
    let f = 0;
    if (r) for (const k of KEY_FIELDS) if (r[k] !== undefined && r[k] !== "") f++;
    filled += f;
    if (f === KEY_FIELDS.length) complete++;
    if (r?.openComplaint) open++;
  }
  const n = customers.length;
  const withStatus = active + churned;
  return {
    total: n,
    byTier: Object.fromEntries(TIER_KEYS.map((k) => [k, { count: tierAcc[k].count, avgScore: tierAcc[k].scored > 0 ? tierAcc[k].sum / tierAcc[k].scored : null }])) as KpiFigures["byTier"],
    byVerdict,
    active,
    churned,
    retentionRate: withStatus > 0 ? active / withStatus : null,
    churnRate: withStatus > 0 ? churned / withStatus : null,
    winBackRate: churned > 0 ? extra.winBack / churned : null,
    winBack: extra.winBack,
    satisfactionCount: satN,
    avgSatisfaction: satN > 0 ? satSum / satN : null,
    npsCount: npsN,
    nps: npsN > 0 ? (100 * (promoters - detractors)) / npsN : null,
    completeness: n > 0 ? filled / (n * KEY_FIELDS.length) : null,
    completeCustomers: complete,
    openComplaints: open,
    overdueCalls: extra.overdueCalls,
  };
}

const SECTION = {
  tiers: bi("等级分布", "Tiers"),
  verdicts: bi("建议", "Verdicts"),
  rates: bi("比率", "Rates"),
  feedback: bi("客户反馈", "Feedback"),
  data: bi("资料与任务", "Data and tasks"),
};

const DEF = {
  tier: bi("按生效等级（人工等级优先）计数；占比 = 数量 ÷ 客户总数；数值 = 平均得分", "Count by effective tier (manual first); share = count ÷ all customers; value = average score"),
  total: bi("全部客户；数值 = 平均得分", "All customers; value = average score"),
  verdict: bi("占比 = 数量 ÷ 客户总数", "Share = count ÷ all customers"),
  retention: bi("留存率 = 状态为正常的客户 ÷ 有客户状态的客户", "Retention = active customers ÷ customers with a status"),
  churn: bi("流失率 = 状态为流失的客户 ÷ 有客户状态的客户", "Churn = churned customers ÷ customers with a status"),
  winback: bi("挽回率 = 挽回方案中决策为挽回的客户 ÷ 流失客户", "Win-back = churned customers decided 'win back' ÷ churned customers"),
  satisfaction: bi("数量 = 有满意度的客户；数值 = 平均满意度（0–100）", "Count = customers with a satisfaction; value = average satisfaction (0–100)"),
  nps: bi("推荐意愿 9–10 分占比 − 0–6 分占比（百分点）；数量 = 有推荐意愿的客户", "% promoters (9–10) − % detractors (0–6), in points; count = customers with a value"),
  completeness: bi(
    `占比 = 已填关键字段 ÷ (客户数 × ${KEY_FIELDS.length})；数量 = 关键字段全部填写的客户。关键字段：客户名称、地址、联络方式、客户经理、沟通方式、发展潜力、满意度、首次购买日期、最近联系日期、客户状态`,
    `Share = key fields filled ÷ (customers × ${KEY_FIELDS.length}); count = customers with every key field. Key fields: name, address, contact, account manager, channel, potential, satisfaction, first purchase, last contact, status`,
  ),
  open: bi("未结投诉为“是”的客户", "Customers with an open complaint"),
  overdue: bi("电话回访计划中计划日期早于今天且未完成的回访", "Calls on the callback schedule planned before today and not done"),
};

const FIGURE = {
  total: bi("客户总数", "All customers"),
  retention: bi("留存率", "Retention rate"),
  churn: bi("流失率", "Churn rate"),
  winback: bi("挽回率", "Win-back rate"),
  satisfaction: bi("平均满意度", "Average satisfaction"),
  nps: bi("净推荐值 NPS", "NPS"),
  completeness: bi("资料完整度", "Information completeness"),
  open: bi("未结投诉", "Open complaints"),
  overdue: bi("逾期回访", "Overdue calls"),
};

/** Builds 指标看板; rows 0–4 are the tier counts, which the chart of the tier distribution plots. */
export function buildKpiDashboard(customers: ScoredCustomer[], lang: Lang, name: string, extra: { winBack: number; overdueCalls: number }): TabPlan {
  const f = kpiFigures(customers, extra);
  const p = (b: Bilingual) => pick(b, lang);
  const share = (k: number) => (f.total > 0 ? k / f.total : null);
  const rows: Record<string, PlanValue>[] = [];
  for (const t of TIER_KEYS) {
    rows.push({ section: p(SECTION.tiers), figure: tierLabel(t, lang), count: f.byTier[t].count, share: share(f.byTier[t].count), value: f.byTier[t].avgScore, definition: p(DEF.tier) });
  }
  const scored = customers.filter((c) => c.score !== null);
  rows.push({
    section: p(SECTION.tiers), figure: p(FIGURE.total), count: f.total, share: f.total > 0 ? 1 : null,
    value: scored.length > 0 ? scored.reduce((s, c) => s + (c.score ?? 0), 0) / scored.length : null, definition: p(DEF.total),
  });
  for (const v of VERDICT_KEYS) {
    rows.push({ section: p(SECTION.verdicts), figure: verdictLabel(v, lang), count: f.byVerdict[v], share: share(f.byVerdict[v]), definition: p(DEF.verdict) });
  }
  rows.push({ section: p(SECTION.rates), figure: p(FIGURE.retention), count: f.active, share: f.retentionRate, definition: p(DEF.retention) });
  rows.push({ section: p(SECTION.rates), figure: p(FIGURE.churn), count: f.churned, share: f.churnRate, definition: p(DEF.churn) });
  rows.push({ section: p(SECTION.rates), figure: p(FIGURE.winback), count: f.winBack, share: f.winBackRate, definition: p(DEF.winback) });
  rows.push({ section: p(SECTION.feedback), figure: p(FIGURE.satisfaction), count: f.satisfactionCount, value: f.avgSatisfaction, definition: p(DEF.satisfaction) });
  rows.push({ section: p(SECTION.feedback), figure: p(FIGURE.nps), count: f.npsCount, value: f.nps, definition: p(DEF.nps) });
  rows.push({ section: p(SECTION.data), figure: p(FIGURE.completeness), count: f.completeCustomers, share: f.completeness, definition: p(DEF.completeness) });
  rows.push({ section: p(SECTION.data), figure: p(FIGURE.open), count: f.openComplaints, definition: p(DEF.open) });
  rows.push({ section: p(SECTION.data), figure: p(FIGURE.overdue), count: f.overdueCalls, definition: p(DEF.overdue) });
  // The tier and verdict rows wear the roster's colours, so the dashboard reads like the roster.
  const roles: (StyleRole | null)[] = [...TIER_KEYS.map((t) => TIER_ROLE[t]), null, ...VERDICT_KEYS.map((v) => VERDICT_ROLE[v])];
  const tab = buildTab(KPI_SPEC, lang, name, rows, blocksFromRowRoles(roles, 0, colIndex(KPI_SPEC, "figure") + 1));
  const chart: ChartPlan = {
    kind: "column",
    title: p(bi("客户等级分布", "Customers by tier")),
    firstRow: 0,
    rows: TIER_KEYS.length,
    labelCol: colIndex(KPI_SPEC, "figure"),
    valueCol: colIndex(KPI_SPEC, "count"),
  };
  return { ...tab, chart };
}
