import { tierLabel } from "../i18n/labels";
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { CarryOver } from "../plan/previous-outputs";
import { buildTab, type TabSpec } from "../plan/tab-spec";
import { blocksFromRowRoles, type PlanValue, type TabPlan } from "../plan/write-plan";
import type { ChurnCause } from "../register/register-row";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { bi, colIndex, compareKeys, customerName, editableValues } from "./common";

/** 挽回方案 / Win-back: one row per churned customer. */
export const WINBACK_SPEC: TabSpec = {
  id: "winback",
  zh: "挽回方案",
  en: "Win-back",
  tableName: "WinBack",
  keyColumns: ["key"],
  columns: [
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 14 },
    { id: "name", zh: "客户名称", en: "Customer", kind: "text", width: 24 },
    { id: "tier", zh: "等级", en: "Tier", kind: "text", width: 9 },
    { id: "owner", zh: "负责人", en: "Owner", kind: "text", width: 12 },
    { id: "cause", zh: "流失原因", en: "Churn Cause", kind: "text", width: 14 },
    { id: "value", zh: "客户价值", en: "Customer Value", kind: "number", width: 11 },
    { id: "winbackValue", zh: "挽回价值", en: "Win-back Value", kind: "number", width: 11 },
    { id: "cost", zh: "挽回成本", en: "Win-back Cost", kind: "number", width: 12, numberFormat: "#,##0" },
    { id: "costPoints", zh: "成本折算分", en: "Cost (points)", kind: "number", width: 11 },
    { id: "decision", zh: "决策", en: "Decision", kind: "text", width: 9 },
    { id: "strategy", zh: "挽回策略", en: "Strategy", kind: "text", width: 40 },
    { id: "method", zh: "挽回方式", en: "Contact Method", kind: "text", width: 22 },
    { id: "contact", zh: "联络方式", en: "Contact", kind: "text", width: 16 },
    { id: "followUp", zh: "跟进情况", en: "Follow-up", kind: "text", width: 28, editable: true },
  ],
};

/** 挽回 (win back) or 放弃 (let go). */
export type Decision = "winBack" | "letGo";

/** 决策 words in both languages. */
export const DECISION_WORDS: Record<Decision, Bilingual> = { winBack: bi("挽回", "Win back"), letGo: bi("放弃", "Let go") };

/** 流失原因 words in both languages. */
export const CAUSE_WORDS: Record<ChurnCause, Bilingual> = {
  service: bi("服务意识淡薄", "Poor service attitude"),
  detail: bi("细节疏忽", "Neglected details"),
  self: bi("企业自身问题", "Our own problems"),
  competition: bi("竞争流失", "Lost to competitors"),
  other: bi("其他", "Other"),
};

/** The seed procedure's strategy for each cause. */
export const STRATEGY_WORDS: Record<ChurnCause, Bilingual> = {
  service: bi("提高服务水平：主管致歉，指定专人跟进服务", "Improve service: a manager apologises and a named person takes over"),
  detail: bi("注意细节：复盘疏忽环节并向客户说明改进", "Mind the details: review what was missed and show the customer the fix"),
  self: bi("改善自身：解决产品或流程问题后再联系", "Fix our own problems: resolve the product or process issue, then reach out"),
  competition: bi("提高竞争力：提供有针对性的方案与优惠", "Be more competitive: offer a tailored proposal and terms"),
  other: bi("个别分析：了解具体原因后制定方案", "Analyse individually: learn the actual cause, then plan"),
};

const METHOD_WORDS = {
  visit: bi("上门拜访（客户经理）", "Visit (account manager)"),
  phone: bi("电话沟通", "Phone call"),
  sms: bi("短信问候，保持联系", "SMS greeting, keep in touch"),
};

/** The weighing of one churned customer, in points. */
export interface WinbackWeighing {
  /** Customer value: its final score (0 when it has none). */
  value: number;
  /** Win-back value: points of its potential (高/中/低); 0 when unknown. */
  winbackValue: number;
  /** Win-back cost in points: 挽回成本 ÷ the cost-per-point setting; 0 when no cost is given. */
  costPoints: number;
  decision: Decision;
}

/** The seed rule 挽回成本 VS 客户价值 + 挽回价值: win back when value + win-back value ≥ cost points. */
export function weighWinback(c: ScoredCustomer, settings: Settings): WinbackWeighing {
  const wb = settings.plan.winback;
  const value = c.score ?? 0;
  const p = c.register?.potential;
  const winbackValue = p ? wb.potentialPoints[p] : 0;
  const costPoints = (c.register?.winbackCost ?? 0) / wb.costPerPoint;
  return { value, winbackValue, costPoints, decision: value + winbackValue >= costPoints ? "winBack" : "letGo" };
}

/** Customers the win-back list covers: those the register marks churned (流失). */
export function isChurned(c: ScoredCustomer): boolean {
  return c.register?.status === "churned";
}

/** How to reach the customer: a visit for A/B, a call otherwise; a polite SMS for those we let go. */
export function winbackMethod(c: ScoredCustomer, decision: Decision, lang: Lang): string {
  if (decision === "letGo") return pick(METHOD_WORDS.sms, lang);
  return pick(c.tier === "A" || c.tier === "B" ? METHOD_WORDS.visit : METHOD_WORDS.phone, lang);
}

/** Builds 挽回方案: 挽回 first, then by margin (value + win-back value − cost), then key; follow-up kept by key. */
export function buildWinback(customers: ScoredCustomer[], settings: Settings, lang: Lang, name: string, carry: CarryOver): { tab: TabPlan; winBack: number; churned: number } {
  const list = customers.filter(isChurned).map((c) => ({ c, w: weighWinback(c, settings) }));
  const margin = (x: { w: WinbackWeighing }) => x.w.value + x.w.winbackValue - x.w.costPoints;
  list.sort((a, b) => (a.w.decision === b.w.decision ? 0 : a.w.decision === "winBack" ? -1 : 1) || margin(b) - margin(a) || compareKeys(a.c.key, b.c.key));
  const records: Record<string, PlanValue>[] = list.map(({ c, w }) => {
    const cause: ChurnCause = c.register?.churnCause ?? "other";
    return {
      key: c.key,
      name: customerName(c),
      tier: tierLabel(c.tier, lang),
      owner: c.register?.accountManager ?? null,
      cause: c.register?.churnCause ? pick(CAUSE_WORDS[cause], lang) : null,
      value: c.score,
      winbackValue: c.register?.potential ? w.winbackValue : null,
      cost: c.register?.winbackCost ?? null,
      costPoints: w.costPoints,
      decision: pick(DECISION_WORDS[w.decision], lang),
      strategy: pick(STRATEGY_WORDS[cause], lang),
      method: winbackMethod(c, w.decision, lang),
      contact: c.register?.contact ?? null,
      ...editableValues(WINBACK_SPEC, lang, carry.take("winback", c.key), {}),
    };
  });
  const decisionCol = colIndex(WINBACK_SPEC, "decision");
  const followCol = colIndex(WINBACK_SPEC, "followUp");
  const styles = [
    ...blocksFromRowRoles(list.map((x) => (x.w.decision === "winBack" ? "maintain" : "end")), decisionCol, 1),
    ...(list.length > 0 ? [{ role: "editable" as const, row: 0, rows: list.length, col: followCol, cols: 1 }] : []),
  ];
  return { tab: buildTab(WINBACK_SPEC, lang, name, records, styles), winBack: list.filter((x) => x.w.decision === "winBack").length, churned: list.length };
}
