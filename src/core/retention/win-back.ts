import { tierLabel } from "../i18n/labels";
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { CarryOver } from "../output-tabs/previous-outputs";
import { buildTab, type TabSpec } from "../output-tabs/tab-spec";
import { blocksFromRowRoles, type PlanValue, type StyleRole, type TabPlan } from "../output-tabs/write-plan";
import type { ProblemLog } from "../problems/problem";
import type { ChurnCause, TransferType } from "../register/register-row";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { bi, colIndex, compareKeys, customerName, editableValues, idleDays } from "./common";
import {
  isSuspectedPseudoChurn, lastTouch, lifeStage, NO_PREVIOUS_LIFECYCLE, PSEUDO_FLAG, statusLabel, type PreviousLifecycle,
} from "./lifecycle";

/** 挽回方案 / Win-back: one row per churned (流失) or transferred-out (转出) customer, then a total row. */
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
    { id: "status", zh: "客户状态", en: "Status", kind: "text", width: 10 },
    { id: "cause", zh: "流失原因", en: "Churn Cause", kind: "text", width: 14 },
    { id: "transferType", zh: "转出方式", en: "Transfer Type", kind: "text", width: 10 },
    { id: "value", zh: "客户价值", en: "Customer Value", kind: "number", width: 11 },
    { id: "winbackValue", zh: "挽回价值", en: "Win-back Value", kind: "number", width: 11 },
    { id: "cost", zh: "挽回成本", en: "Win-back Cost", kind: "number", width: 12, numberFormat: "#,##0" },
    { id: "costPoints", zh: "成本折算分", en: "Cost (points)", kind: "number", width: 11 },
    { id: "decision", zh: "决策", en: "Decision", kind: "text", width: 10 },
    { id: "flag", zh: "标记", en: "Flag", kind: "text", width: 14, carried: true },
    { id: "strategy", zh: "挽回策略", en: "Strategy", kind: "text", width: 44 },
    { id: "method", zh: "挽回方式", en: "Contact Method", kind: "text", width: 22 },
    { id: "contact", zh: "联络方式", en: "Contact", kind: "text", width: 16 },
    { id: "followUp", zh: "跟进情况", en: "Follow-up", kind: "text", width: 28, editable: true },
  ],
};

/** 挽回 (win back), 放弃 (let go), or 跟踪回流 (track a transferred-out customer for its return). */
export type Decision = "winBack" | "letGo" | "track";

/** 决策 words in both languages. */
export const DECISION_WORDS: Record<Decision, Bilingual> = {
  winBack: bi("挽回", "Win back"),
  letGo: bi("放弃", "Let go"),
  track: bi("跟踪回流", "Track for return"),
};

/** The roster's 建议 of a churned or transferred customer: the win-back decision instead of a verdict. */
export const ROSTER_DECISION_WORDS: Record<Decision, Bilingual> = {
  winBack: bi("挽回关系", "Win back"),
  letGo: bi("放弃", "Let go"),
  track: bi("跟踪回流", "Track for return"),
};

/** The colour of a decision, shared by the roster and this tab: win back green, track amber, let go red. */
export const DECISION_ROLE: Record<Decision, StyleRole> = { winBack: "maintain", track: "improve", letGo: "end" };

/** 流失原因 words in both languages (an unknown cause is shown as typed). */
export const CAUSE_WORDS: Record<Exclude<ChurnCause, "unknown">, Bilingual> = {
  service: bi("服务意识淡薄", "Poor service attitude"),
  detail: bi("细节疏忽", "Neglected details"),
  self: bi("企业自身问题", "Our own problems"),
  competition: bi("竞争流失", "Lost to competitors"),
  staffTurnover: bi("员工流动", "Staff turnover"),
  relocation: bi("搬迁", "Relocation"),
  bankruptcy: bi("破产", "Bankruptcy"),
  other: bi("其他", "Other"),
};

/** 转出方式 words in both languages. */
export const TRANSFER_WORDS: Record<TransferType, Bilingual> = {
  asked: bi("主动", "Customer asked"),
  needEnded: bi("被动", "Need ended"),
};

/** The seed procedures' strategy for each cause; unknown and blank causes are analysed one by one. */
export const STRATEGY_WORDS: Record<ChurnCause, Bilingual> = {
  service: bi("提高服务水平：主管致歉，指定专人跟进服务", "Improve service: a manager apologises and a named person takes over"),
  detail: bi("注意细节：复盘疏忽环节并向客户说明改进", "Mind the details: review what was missed and show the customer the fix"),
  self: bi("改善自身：解决产品或流程问题后再联系", "Fix our own problems: resolve the product or process issue, then reach out"),
  competition: bi("提高竞争力：提供有针对性的方案与优惠", "Be more competitive: offer a tailored proposal and terms"),
  staffTurnover: bi("指派新客户经理并上门拜访", "Assign a new account manager and visit"),
  relocation: bi("记录归档：客户已搬迁，不再挽回", "File the record: the customer moved away, no win-back"),
  bankruptcy: bi("记录归档：客户已破产，不再挽回", "File the record: the customer is bankrupt, no win-back"),
  other: bi("个别分析：了解具体原因后制定方案", "Analyse individually: learn the actual cause, then plan"),
  unknown: bi("个别分析：了解具体原因后制定方案", "Analyse individually: learn the actual cause, then plan"),
};

/** Causes that decide by themselves: the customer is let go whatever the weighing says. */
const LET_GO_CAUSES = new Set<ChurnCause>(["relocation", "bankruptcy"]);

const METHOD_WORDS = {
  visit: bi("上门拜访（客户经理）", "Visit (account manager)"),
  newManager: bi("新客户经理上门拜访", "Visit by the new account manager"),
  phone: bi("电话沟通", "Phone call"),
  sms: bi("短信问候，保持联系", "SMS greeting, keep in touch"),
  archive: bi("无需联系，记录归档", "No contact; file the record"),
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

/**
 * The decision for a customer on the win-back list: 跟踪回流 for 转出; for 流失, 搬迁 and 破产 let go
 * whatever the weighing says, every other cause follows the weighing.
 */
export function winbackDecision(c: ScoredCustomer, settings: Settings): WinbackWeighing {
  const w = weighWinback(c, settings);
  if (lifeStage(c) === "transferred") return { ...w, decision: "track" };
  const cause = c.register?.churnCause;
  if (cause && LET_GO_CAUSES.has(cause)) return { ...w, decision: "letGo" };
  return w;
}

/** Customers the win-back list covers: those the register marks 流失 or 转出. */
export function isChurned(c: ScoredCustomer): boolean {
  return lifeStage(c) !== "active";
}

/** How to reach the customer: a visit for A/B (by a new manager after staff turnover), a call otherwise, a polite SMS for those let go. */
export function winbackMethod(c: ScoredCustomer, decision: Decision, lang: Lang, settings?: Settings): string {
  const cause = c.register?.churnCause;
  if (decision === "track") {
    const months = settings?.plan.callbacks.transferFollowUpMonths ?? 6;
    return pick(bi(`电话回访（每${months}个月）`, `Phone call every ${months} months`), lang);
  }
  if (decision === "letGo") return pick(cause === "bankruptcy" ? METHOD_WORDS.archive : METHOD_WORDS.sms, lang);
  if (cause === "staffTurnover") return pick(METHOD_WORDS.newManager, lang);
  return pick(c.tier === "A" || c.tier === "B" ? METHOD_WORDS.visit : METHOD_WORDS.phone, lang);
}

/** The strategy text: by cause for 流失, by 转出方式 for 转出; a suspected pseudo-churn is verified first. */
export function winbackStrategy(c: ScoredCustomer, decision: Decision, pseudo: boolean, lang: Lang, settings: Settings, asOf: number): string {
  const months = settings.plan.callbacks.transferFollowUpMonths;
  let main: Bilingual;
  if (decision === "track") {
    const t = c.register?.transferType;
    main = t === "needEnded"
      ? bi(`跟踪回流：客户需求已结束，每${months}个月回访一次，需求恢复时优先服务`, `Track for return: the customer's need ended; call every ${months} months and serve first when the need returns`)
      : t === "asked"
        ? bi(`跟踪回流：了解客户主动转出的原因并改进，每${months}个月回访一次`, `Track for return: learn why the customer left and fix it; call every ${months} months`)
        : bi(`跟踪回流：每${months}个月回访一次`, `Track for return: call every ${months} months`);
  } else {
    main = STRATEGY_WORDS[c.register?.churnCause ?? "other"];
  }
  const text = pick(main, lang);
  if (!pseudo) return text;
  const days = idleDays(c, asOf);
  const touch = lastTouch(c);
  const ago = touch === undefined ? days ?? 0 : Math.floor(asOf) - Math.floor(touch);
  return pick(
    bi(`先核实客户状态：${ago} 天前仍有购买或联系，可能并未流失；${text}`, `Verify the status first: a purchase or contact ${ago} days ago, it may not have left; ${text}`),
    lang,
  );
}

/** What the win-back tab tells the dashboard and the roster. */
export interface WinbackOutcome {
  tab: TabPlan;
  /** Churned (流失) customers decided 挽回. */
  winBack: number;
  /** Confirmed churned (流失) customers: suspected pseudo-churn is not counted until confirmed. */
  churned: number;
  /** Transferred-out (转出) customers. */
  transferred: number;
  /** Customers flagged 疑似伪流失 on this run. */
  pseudo: number;
  /** Σ win-back cost of the 挽回 decisions. */
  winBackCost: number;
  /** The decision of every listed customer, by key. */
  decisions: Map<string, Decision>;
}

/** The life-cycle facts the win-back tab needs beyond the customers; all optional for a first run. */
export interface WinbackContext {
  asOf: number;
  previous?: PreviousLifecycle;
  problems?: ProblemLog;
  /** The register cell of a customer's field (for problems); the row's first cell when unknown. */
  registerCell?: (c: ScoredCustomer, field: "status") => string | undefined;
}

const TOTAL_WORDS = { key: bi("合计", "Total"), name: bi("挽回决策的挽回成本合计", "Win-back cost of the 'win back' decisions") };

/** True for the total row this tab writes last (its key is 合计 / Total), which is no customer. */
export function isWinbackTotalKey(key: string): boolean {
  return key === TOTAL_WORDS.key.zh || key === TOTAL_WORDS.key.en;
}

/**
 * Builds 挽回方案: 挽回 first, then 跟踪回流, then 放弃, each by margin (value + win-back value − cost), then key;
 * a total row of the 挽回 decisions' cost last. Follow-up kept by key. A suspected pseudo-churn is flagged
 * on its row and as a warning at the register's status cell.
 */
export function buildWinback(
  customers: ScoredCustomer[], settings: Settings, lang: Lang, name: string, carry: CarryOver, ctx: WinbackContext = { asOf: 0 },
): WinbackOutcome {
  const prev = ctx.previous ?? NO_PREVIOUS_LIFECYCLE;
  const list = customers.filter(isChurned).map((c) => {
    const w = winbackDecision(c, settings);
    const pseudo = ctx.asOf > 0 && isSuspectedPseudoChurn(c, settings, ctx.asOf, prev);
    return { c, w, pseudo };
  });
  const order: Record<Decision, number> = { winBack: 0, track: 1, letGo: 2 };
  const margin = (x: { w: WinbackWeighing }) => x.w.value + x.w.winbackValue - x.w.costPoints;
  list.sort((a, b) => order[a.w.decision] - order[b.w.decision] || margin(b) - margin(a) || compareKeys(a.c.key, b.c.key));
  let winBack = 0, churned = 0, transferred = 0, pseudo = 0, winBackCost = 0;
  const decisions = new Map<string, Decision>();
  const records: Record<string, PlanValue>[] = list.map(({ c, w, pseudo: p }) => {
    const r = c.register;
    decisions.set(c.key, w.decision);
    if (lifeStage(c) === "transferred") transferred++;
    else if (p) pseudo++;
    else churned++;
    if (w.decision === "winBack" && !p) winBack++;
    if (w.decision === "winBack") winBackCost += r?.winbackCost ?? 0;
    if (p && ctx.problems) {
      const touch = lastTouch(c)!;
      ctx.problems.warning("plan.pseudoChurn", {
        sheet: r?.sheet, cell: ctx.registerCell?.(c, "status") ?? r?.rowAddress, key: c.key,
        params: { key: c.key, days: Math.floor(ctx.asOf) - Math.floor(touch), limit: settings.warningDays[c.tier === "incomplete" ? "D" : c.tier] },
      });
    }
    const cause = r?.churnCause;
    return {
      key: c.key,
      name: customerName(c),
      tier: tierLabel(c.tier, lang),
      owner: r?.accountManager ?? null,
      status: statusLabel(r?.status, lang),
      cause: cause === undefined ? null : cause === "unknown" ? (r?.churnCauseText ?? null) : pick(CAUSE_WORDS[cause], lang),
      transferType: r?.transferType ? pick(TRANSFER_WORDS[r.transferType], lang) : null,
      value: c.score,
      winbackValue: r?.potential ? w.winbackValue : null,
      cost: r?.winbackCost ?? null,
      costPoints: w.costPoints,
      decision: pick(DECISION_WORDS[w.decision], lang),
      flag: p ? pick(PSEUDO_FLAG, lang) : null,
      strategy: winbackStrategy(c, w.decision, p, lang, settings, ctx.asOf),
      method: winbackMethod(c, w.decision, lang, settings),
      contact: r?.contact ?? null,
      ...editableValues(WINBACK_SPEC, lang, carry.take("winback", c.key), {}),
    };
  });
  // The total row is no customer: what was typed in it last time stays with it.
  const totalKept = carry.take("winback", TOTAL_WORDS.key.zh) ?? carry.take("winback", TOTAL_WORDS.key.en);
  if (list.length > 0) {
    records.push({
      key: pick(TOTAL_WORDS.key, lang),
      name: pick(TOTAL_WORDS.name, lang),
      cost: winBackCost,
      costPoints: winBackCost / settings.plan.winback.costPerPoint,
      decision: pick(DECISION_WORDS.winBack, lang),
      ...editableValues(WINBACK_SPEC, lang, totalKept, {}),
    });
  }
  const decisionCol = colIndex(WINBACK_SPEC, "decision");
  const followCol = colIndex(WINBACK_SPEC, "followUp");
  const flagCol = colIndex(WINBACK_SPEC, "flag");
  const styles = [
    ...blocksFromRowRoles(list.map((x) => DECISION_ROLE[x.w.decision]), decisionCol, 1),
    ...blocksFromRowRoles(list.map((x) => (x.pseudo ? "warnYellow" : null)), flagCol, 1),
    ...(list.length > 0 ? [{ role: "editable" as const, row: 0, rows: list.length, col: followCol, cols: 1 }] : []),
  ];
  return { tab: buildTab(WINBACK_SPEC, lang, name, records, styles), winBack, churned, transferred, pseudo, winBackCost, decisions };
}
