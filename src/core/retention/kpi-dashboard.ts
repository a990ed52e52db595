import { tierWithName, verdictLabel } from "../i18n/labels";
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import { buildTab, type TabSpec } from "../output-tabs/tab-spec";
import { blocksFromRowRoles, type ChartPlan, type PlanValue, type StyleRole, type TabPlan } from "../output-tabs/write-plan";
import type { RegisterRow } from "../register/register-row";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { bi, colIndex, TIER_ROLE } from "./common";
import { isActive, STATUS_WORDS } from "./lifecycle";
import type { CustomerStatusId } from "../register/register-row";
import { valuesUsedRows, type ValuesUsed } from "../whatif/values-used";

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
  /** Customers with an active status (正常, 新客户, 休眠, 已回流). */
  active: number;
  /** Customers with status 流失 (suspected pseudo-churn included; see pseudoChurned). */
  churned: number;
  /** active ÷ customers with a status; null when no customer has a status. */
  retentionRate: number | null;
  /** confirmed churned (流失 less suspected pseudo-churn) ÷ customers with a status. */
  churnRate: number | null;
  /** 拟挽回比例: confirmed churned customers decided 挽回 ÷ confirmed churned customers. */
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
  /** Customers the plans look after (正常, 新客户, 休眠, 已回流 or no status): the verdict counts' base. */
  activeCustomers: number;
  /** Customers by register status. */
  byStatus: Record<CustomerStatusId, number>;
  /** Churned customers flagged 疑似伪流失 (not counted as churned until confirmed). */
  pseudoChurned: number;
  /** Σ win-back cost of the 挽回 decisions. */
  winBackCost: number;
  /** Customers returned since the last run (流失/转出 then, active now). */
  returned: number;
  /** Customers 流失 or 转出 at the last run; null when no earlier run recorded statuses. */
  lostAtLastRun: number | null;
  /** 回流率 = returned ÷ lost at the last run. */
  returnRate: number | null;
  /** Mean data coverage (数据完整度) of all customers. */
  avgCoverage: number | null;
}

/** Life-cycle figures the other tabs measured; all optional so a plain call still works. */
export interface KpiExtra {
  winBack: number;
  overdueCalls: number;
  /** Confirmed churned customers (the win-back tab's count); default: customers with status 流失. */
  churned?: number;
  pseudoChurned?: number;
  winBackCost?: number;
  returned?: number;
  lostAtLastRun?: number | null;
}

const STATUS_KEYS: CustomerStatusId[] = ["active", "new", "dormant", "churned", "transferred", "returned"];

const TIER_KEYS: TierOrIncomplete[] = ["A", "B", "C", "D", "incomplete"];
const VERDICT_KEYS: Verdict[] = ["maintain", "improve", "end"];

/** Computes the dashboard's figures in one pass over the customers (tiers are the effective, manual-first ones). */
export function kpiFigures(customers: ScoredCustomer[], extra: KpiExtra): KpiFigures {
  const tierAcc = Object.fromEntries(TIER_KEYS.map((t) => [t, { count: 0, sum: 0, scored: 0 }])) as Record<TierOrIncomplete, { count: number; sum: number; scored: number }>;
  const byVerdict: Record<Verdict, number> = { maintain: 0, improve: 0, end: 0 };
  let active = 0, churned = 0, satN = 0, satSum = 0, npsN = 0, promoters = 0, detractors = 0, filled = 0, complete = 0, open = 0;
  let looked = 0, coverageSum = 0;
  const byStatus = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<CustomerStatusId, number>;
  for (const c of customers) {
    coverageSum += c.coverage;
    const t = tierAcc[c.tier];
    t.count++;
    if (c.score !== null) {
      t.sum += c.score;
      t.scored++;
    }
    const r = c.register;
    // Verdicts speak of relationships we keep: churned and transferred customers have a win-back decision instead.
    if (isActive(c)) {
      looked++;
      if (c.verdict) byVerdict[c.verdict]++;
    }
    if (r?.status) {
      byStatus[r.status]++;
      if (r.status === "churned") churned++;
      else if (r.status !== "transferred") active++;
    }
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
  const withStatus = active + churned + byStatus.transferred;
  const pseudo = extra.pseudoChurned ?? 0;
  const confirmed = extra.churned ?? churned - pseudo;
  const lost = extra.lostAtLastRun ?? null;
  const returned = extra.returned ?? 0;
  return {
    activeCustomers: looked,
    byStatus,
    pseudoChurned: pseudo,
    winBackCost: extra.winBackCost ?? 0,
    returned,
    lostAtLastRun: lost,
    returnRate: lost !== null && lost > 0 ? returned / lost : null,
    avgCoverage: n > 0 ? coverageSum / n : null,
    total: n,
    byTier: Object.fromEntries(TIER_KEYS.map((k) => [k, { count: tierAcc[k].count, avgScore: tierAcc[k].scored > 0 ? tierAcc[k].sum / tierAcc[k].scored : null }])) as KpiFigures["byTier"],
    byVerdict,
    active,
    churned,
    retentionRate: withStatus > 0 ? active / withStatus : null,
    churnRate: withStatus > 0 ? confirmed / withStatus : null,
    winBackRate: confirmed > 0 ? extra.winBack / confirmed : null,
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
  status: bi("客户状态", "Status"),
  rates: bi("比率", "Rates"),
  feedback: bi("客户反馈", "Feedback"),
  data: bi("资料与任务", "Data and tasks"),
};

const DEF = {
  tier: bi("按生效等级（人工等级优先）计数；占比 = 数量 ÷ 客户总数；数值 = 平均得分", "Count by effective tier (manual first); share = count ÷ all customers; value = average score"),
  total: bi("全部客户；数值 = 平均得分", "All customers; value = average score"),
  verdict: bi(
    "只计在维护中的客户（状态为正常、新客户、休眠、已回流或未填）；占比 = 数量 ÷ 在维护客户数。流失、转出客户见挽回方案的决策",
    "Customers being looked after only (active, new, dormant, returned or no status); share = count ÷ those customers. Churned and transferred customers have a win-back decision instead",
  ),
  status: bi("按客户状况登记表的客户状态计数；占比 = 数量 ÷ 客户总数", "Count by the register's status; share = count ÷ all customers"),
  pseudo: bi(
    "状态为流失、但最近购买或联系仍在预警天数内的客户；经核实（下次运行仍为流失）前不计入流失",
    "Marked churned but bought or was contacted within the warning days; not counted as churned until confirmed (still churned on the next run)",
  ),
  retention: bi("留存率 = 状态为正常、新客户、休眠、已回流的客户 ÷ 有客户状态的客户", "Retention = customers active, new, dormant or returned ÷ customers with a status"),
  churn: bi("流失率 = 状态为流失的客户（不含疑似伪流失）÷ 有客户状态的客户", "Churn = churned customers (suspected pseudo-churn excluded) ÷ customers with a status"),
  returnRate: bi(
    "回流率 = 自上次运行以来回流的客户（上次为流失或转出、本次在维护中）÷ 上次运行时流失或转出的客户；数量 = 回流客户。首次运行为空",
    "Return rate = customers back since the last run (churned or transferred then, active now) ÷ customers churned or transferred at the last run; count = returned customers. Empty on a first run",
  ),
  winback: bi(
    "拟挽回比例 = 挽回方案中决策为挽回的流失客户 ÷ 流失客户（不含疑似伪流失）。这是计划，不是结果：实际回流见回流率",
    "Planned win-back share = churned customers decided 'win back' ÷ churned customers (suspected pseudo-churn excluded). A plan, not a result: see the return rate for customers who came back",
  ),
  winbackCost: bi("挽回方案中决策为挽回的客户的挽回成本之和", "Sum of the win-back cost of the customers decided 'win back'"),
  coverage: bi(
    "数据完整度（评分覆盖）= 客户已有指标的权重 ÷ 全部指标权重，数值 = 全部客户的平均值；数量 = 低于最低数据完整度、等级为资料不全的客户。与资料完整度不同：后者看登记表关键字段是否填写",
    "Data coverage (of the score) = weight of the indicators a customer has ÷ all weights, value = mean over all customers; count = customers below the minimum coverage (tier Incomplete). Not the same as information completeness, which checks the register's key fields",
  ),
  satisfaction: bi("数量 = 有满意度的客户；数值 = 平均满意度（0–100）", "Count = customers with a satisfaction; value = average satisfaction (0–100)"),
  nps: bi("推荐意愿 9–10 分占比 − 0–6 分占比（百分点）；数量 = 有推荐意愿的客户", "% promoters (9–10) − % detractors (0–6), in points; count = customers with a value"),
  completeness: bi(
    `资料完整度（登记表）：占比 = 已填关键字段 ÷ (客户数 × ${KEY_FIELDS.length})；数量 = 关键字段全部填写的客户。关键字段：客户名称、地址、联络方式、客户经理、沟通方式、发展潜力、满意度、首次购买日期、最近联系日期、客户状态。不同于名册中的数据完整度（评分指标覆盖）`,
    `Information completeness (register): share = key fields filled ÷ (customers × ${KEY_FIELDS.length}); count = customers with every key field. Key fields: name, address, contact, account manager, channel, potential, satisfaction, first purchase, last contact, status. Not the roster's coverage (of the score's indicators)`,
  ),
  open: bi("未结投诉为“是”的客户", "Customers with an open complaint"),
  overdue: bi("电话回访计划中计划日期早于今天且未完成的回访", "Calls on the callback schedule planned before today and not done"),
};

const FIGURE = {
  total: bi("客户总数", "All customers"),
  retention: bi("留存率", "Retention rate"),
  churn: bi("流失率", "Churn rate"),
  winback: bi("拟挽回比例", "Planned win-back share"),
  returnRate: bi("回流率", "Return rate"),
  winbackCost: bi("挽回成本合计", "Win-back cost (win back)"),
  pseudo: bi("疑似伪流失", "Suspected pseudo-churn"),
  coverage: bi("数据完整度（评分覆盖）", "Data coverage (score)"),
  satisfaction: bi("平均满意度", "Average satisfaction"),
  nps: bi("净推荐值 NPS", "NPS"),
  completeness: bi("资料完整度", "Information completeness"),
  open: bi("未结投诉", "Open complaints"),
  overdue: bi("逾期回访", "Overdue calls"),
};

/** Builds 指标看板; rows 0–4 are the tier counts, which the chart of the tier distribution plots. */
export function buildKpiDashboard(customers: ScoredCustomer[], lang: Lang, name: string, extra: KpiExtra, used?: ValuesUsed): TabPlan {
  const f = kpiFigures(customers, extra);
  const p = (b: Bilingual) => pick(b, lang);
  const share = (k: number) => (f.total > 0 ? k / f.total : null);
  const rows: Record<string, PlanValue>[] = [];
  for (const t of TIER_KEYS) {
    rows.push({ section: p(SECTION.tiers), figure: tierWithName(t, lang), count: f.byTier[t].count, share: share(f.byTier[t].count), value: f.byTier[t].avgScore, definition: p(DEF.tier) });
  }
  const scored = customers.filter((c) => c.score !== null);
  rows.push({
    section: p(SECTION.tiers), figure: p(FIGURE.total), count: f.total, share: f.total > 0 ? 1 : null,
    value: scored.length > 0 ? scored.reduce((s, c) => s + (c.score ?? 0), 0) / scored.length : null, definition: p(DEF.total),
  });
  for (const v of VERDICT_KEYS) {
    const k = f.byVerdict[v];
    rows.push({ section: p(SECTION.verdicts), figure: verdictLabel(v, lang), count: k, share: f.activeCustomers > 0 ? k / f.activeCustomers : null, definition: p(DEF.verdict) });
  }
  for (const st of STATUS_KEYS) {
    rows.push({ section: p(SECTION.status), figure: p(STATUS_WORDS[st]), count: f.byStatus[st], share: share(f.byStatus[st]), definition: p(DEF.status) });
  }
  rows.push({ section: p(SECTION.status), figure: p(FIGURE.pseudo), count: f.pseudoChurned, share: share(f.pseudoChurned), definition: p(DEF.pseudo) });
  const confirmed = f.churned - f.pseudoChurned;
  rows.push({ section: p(SECTION.rates), figure: p(FIGURE.retention), count: f.active, share: f.retentionRate, definition: p(DEF.retention) });
  rows.push({ section: p(SECTION.rates), figure: p(FIGURE.churn), count: confirmed, share: f.churnRate, definition: p(DEF.churn) });
  rows.push({ section: p(SECTION.rates), figure: p(FIGURE.returnRate), count: f.returned, share: f.returnRate, definition: p(DEF.returnRate) });
  rows.push({ section: p(SECTION.rates), figure: p(FIGURE.winback), count: f.winBack, share: f.winBackRate, definition: p(DEF.winback) });
  rows.push({ section: p(SECTION.rates), figure: p(FIGURE.winbackCost), value: f.winBackCost, definition: p(DEF.winbackCost) });
  rows.push({ section: p(SECTION.feedback), figure: p(FIGURE.satisfaction), count: f.satisfactionCount, value: f.avgSatisfaction, definition: p(DEF.satisfaction) });
  rows.push({ section: p(SECTION.feedback), figure: p(FIGURE.nps), count: f.npsCount, value: f.nps, definition: p(DEF.nps) });
  rows.push({ section: p(SECTION.data), figure: p(FIGURE.completeness), count: f.completeCustomers, share: f.completeness, definition: p(DEF.completeness) });
  rows.push({ section: p(SECTION.data), figure: p(FIGURE.coverage), count: f.byTier.incomplete.count, share: f.avgCoverage, definition: p(DEF.coverage) });
  rows.push({ section: p(SECTION.data), figure: p(FIGURE.open), count: f.openComplaints, definition: p(DEF.open) });
  rows.push({ section: p(SECTION.data), figure: p(FIGURE.overdue), count: f.overdueCalls, definition: p(DEF.overdue) });
  if (used) rows.push(...valuesUsedRows(used, lang));
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
