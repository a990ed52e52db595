import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { CarryOver } from "../output-tabs/previous-outputs";
import { buildTab, rowKey, type TabSpec } from "../output-tabs/tab-spec";
import { blocksFromRowRoles, type PlanValue, type StyleRole, type TabPlan } from "../output-tabs/write-plan";
import type { Channel } from "../register/register-row";
import type { ScoredCustomer, Tier } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { bi, colIndex, editableValues, TIER_ROLE } from "./common";
import { churnWarning } from "./churn-warnings";
import { frequencyText } from "./retention-plan";
import { isLost } from "./segments";

/** Seed 001's five action modules. */
export type ActionModule = "communication" | "personalService" | "complaints" | "care" | "valueGrowth";

export const MODULES: ActionModule[] = ["communication", "personalService", "complaints", "care", "valueGrowth"];

export const MODULE_WORDS: Record<ActionModule, Bilingual> = {
  communication: bi("沟通互动", "Communication"),
  personalService: bi("个性化服务", "Personalised service"),
  complaints: bi("投诉处理", "Complaint handling"),
  care: bi("关怀维系", "Care and retention"),
  valueGrowth: bi("价值提升", "Value growth"),
};

const TIER_NAMES: Record<Tier, Bilingual> = {
  A: bi("A 核心价值客户", "A core value"),
  B: bi("B 重要发展客户", "B key growth"),
  C: bi("C 潜力培育客户", "C potential"),
  D: bi("D 一般维持客户", "D general"),
};

/** 行动计划表 / Action Plan: seed 001's six columns, one row per tier × module; the plan columns editable. */
export const ACTION_PLAN_SPEC: TabSpec = {
  id: "actionPlan",
  zh: "行动计划表",
  en: "Action Plan",
  tableName: "ActionPlan",
  keyColumns: ["tier", "module"],
  columns: [
    { id: "tier", zh: "等级", en: "Tier", kind: "text", width: 16 },
    { id: "module", zh: "行动模块", en: "Action Module", kind: "text", width: 12 },
    { id: "action", zh: "具体行动项", en: "Actions", kind: "text", width: 50, editable: true, prefilled: true },
    { id: "owner", zh: "责任部门/人", en: "Responsible", kind: "text", width: 28, editable: true, prefilled: true },
    { id: "period", zh: "起止时间", en: "Timing", kind: "text", width: 26, editable: true, prefilled: true },
    { id: "indicator", zh: "关键衡量指标", en: "Key Measures", kind: "text", width: 36, editable: true, prefilled: true },
    { id: "resources", zh: "所需资源支持", en: "Resources Needed", kind: "text", width: 24, editable: true, prefilled: true },
    { id: "customers", zh: "客户数", en: "Customers", kind: "integer", width: 8 },
    { id: "budget", zh: "预算合计", en: "Total Budget", kind: "number", width: 11, numberFormat: "#,##0" },
    { id: "current", zh: "现状", en: "Current Figures", kind: "text", width: 36 },
  ],
};

const TIERS: Tier[] = ["A", "B", "C", "D"];

/** Who is responsible, by tier: the more valuable the tier, the higher up it is followed. */
const OWNER: Record<Tier, Bilingual> = {
  A: bi("客户经理；客户经理主管督导", "Account manager; supervised by the head of account managers"),
  B: bi("客户经理；客户经理主管抽查", "Account manager; spot checks by the head"),
  C: bi("客户经理", "Account manager"),
  D: bi("客户经理（客户服务中心协助）", "Account manager (service centre helps)"),
};

const PERSONAL: Record<Tier, Bilingual> = {
  A: bi("专属客户经理；新产品优先试用；定制综合服务方案", "Dedicated account manager; early trial of new products; tailored service package"),
  B: bi("交叉销售推荐；定期服务回顾", "Cross-sell offers; regular service review"),
  C: bi("服务回顾；交叉销售推荐", "Service review; cross-sell offers"),
  D: bi("标准化服务，控制维护成本", "Standard service at low cost"),
};

const CARE: Record<Tier, Bilingual> = {
  A: bi("节日问候与礼品；年度答谢会", "Holiday greetings and gifts; annual thank-you event"),
  B: bi("节日问候；邀请参加年度答谢会", "Holiday greetings; invitation to the annual thank-you event"),
  C: bi("节日短信问候", "Holiday SMS greetings"),
  D: bi("节日短信问候", "Holiday SMS greetings"),
};

const GROWTH: Record<Tier, Bilingual> = {
  A: bi("巩固合作深度，提升综合贡献；高层互访", "Deepen the partnership and total contribution; senior-level visits"),
  B: bi("交叉销售，提升产品覆盖，争取升为 A 级", "Cross-sell, widen product use, aim for tier A"),
  C: bi("挖掘潜力，择优培育升级", "Find potential, grow the best ones"),
  D: bi("控制成本，择优培育；无价值客户逐步减少投入", "Keep costs low, grow the best; scale back where there is no value"),
};

/** Counts of one tier that the 现状 column shows. */
interface TierCounts {
  customers: number;
  maintain: number;
  improve: number;
  end: number;
  openComplaints: number;
  complained: number;
  yellow: number;
  red: number;
  scoreSum: number;
  scored: number;
  highPotential: number;
}

function countTiers(customers: ScoredCustomer[], settings: Settings, asOf: number): Record<Tier, TierCounts> {
  const out = {} as Record<Tier, TierCounts>;
  for (const t of TIERS) {
    out[t] = { customers: 0, maintain: 0, improve: 0, end: 0, openComplaints: 0, complained: 0, yellow: 0, red: 0, scoreSum: 0, scored: 0, highPotential: 0 };
  }
  for (const c of customers) {
    if (c.tier === "incomplete" || isLost(c)) continue;
    const k = out[c.tier];
    k.customers++;
    if (c.verdict) k[c.verdict]++;
    if (c.register?.openComplaint) k.openComplaints++;
    if ((c.register?.complaints ?? 0) > 0 || c.register?.complaintDate !== undefined) k.complained++;
    const w = churnWarning(c, settings, asOf);
    if (w) k[w.level === "red" ? "red" : "yellow"]++;
    if (c.score !== null) {
      k.scoreSum += c.score;
      k.scored++;
    }
    if (c.register?.potential === "high") k.highPotential++;
  }
  return out;
}

/** The pre-filled plan of one tier × module, from the tier policy and the settings (no counts: they change). */
function prefill(t: Tier, m: ActionModule, settings: Settings, channels: Record<Tier, Channel>): Record<string, Bilingual> {
  const s = settings.plan;
  const sup = s.supervisor;
  const freq = bi(frequencyText(s.frequencyDays[t], channels[t], "zh-CN"), frequencyText(s.frequencyDays[t], channels[t], "en-US"));
  const owner = OWNER[t];
  const budget = bi(`费用预算 ${s.budget[t].toLocaleString("en-US")} 元/户/年`, `Budget ${s.budget[t].toLocaleString("en-US")} per customer per year`);
  switch (m) {
    case "communication":
      return {
        action: bi(`${freq.zh}；按电话回访计划回访（购买后一周、4–6个月、10–12个月、每年）`, `${freq.en}; callbacks as scheduled (1 week, 4–6 and 10–12 months after purchase, yearly)`),
        owner,
        period: bi(`全年，${freq.zh}`, `All year, ${freq.en.toLowerCase()}`),
        indicator: bi("按期联系率 100%；逾期回访为 0", "On-time contact 100%; no overdue calls"),
        resources: budget,
      };
    case "personalService":
      return {
        action: PERSONAL[t], owner,
        period: bi("全年", "All year"),
        indicator: bi("客户满意度；产品覆盖数", "Customer satisfaction; products used"),
        resources: t === "A" || t === "B" ? bi("产品经理支持；服务方案模板", "Product manager support; service package templates") : bi("标准服务流程", "Standard service process"),
      };
    case "complaints":
      return {
        action: bi(
          `${sup.complaintReplyHours} 小时内回复，${sup.complaintResolveDays} 天内解决；解决后 ${s.callbacks.complaintFollowUpDays} 天回访（调解、情感）${t === "A" ? "；主管督办" : ""}`,
          `Reply within ${sup.complaintReplyHours} h, resolve within ${sup.complaintResolveDays} days; call ${s.callbacks.complaintFollowUpDays} days after (mediate, relationship)${t === "A" ? "; the head follows up" : ""}`,
        ),
        owner,
        period: bi("收到投诉起", "From the complaint on"),
        indicator: bi(`${sup.complaintReplyHours}小时内回复占比；${sup.complaintResolveDays}天内解决占比`, `Share replied within ${sup.complaintReplyHours} h; share resolved within ${sup.complaintResolveDays} days`),
        resources: bi("投诉登记与回访记录", "Complaint log and callback records"),
      };
    case "care":
      return {
        action: CARE[t], owner,
        period: bi("节假日；年度答谢会（年末）", "Holidays; annual event (year end)"),
        indicator: bi(`留存率；流失预警（预警天数 ${settings.warningDays[t]} 天）`, `Retention rate; churn warnings (warning days ${settings.warningDays[t]})`),
        resources: budget,
      };
    case "valueGrowth":
      return {
        action: GROWTH[t], owner,
        period: bi("每季度评估一次", "Reviewed every quarter"),
        indicator: bi("平均得分及变化；升级客户数", "Average score and its change; customers moving up"),
        resources: bi("产品与营销支持", "Product and marketing support"),
      };
  }
}

function currentText(m: ActionModule, k: TierCounts, lang: Lang): string {
  const avg = k.scored > 0 ? (k.scoreSum / k.scored).toFixed(1) : "—";
  const p = (zh: string, en: string) => pick(bi(zh, en), lang);
  switch (m) {
    case "communication":
      return p(`${k.customers} 户；流失预警 黄 ${k.yellow}／红 ${k.red}`, `${k.customers} customers; churn warnings yellow ${k.yellow} / red ${k.red}`);
    case "personalService":
      return p(`维持关系 ${k.maintain}／改善关系 ${k.improve}／终止关系 ${k.end}`, `Maintain ${k.maintain} / improve ${k.improve} / end ${k.end}`);
    case "complaints":
      return p(`未结投诉 ${k.openComplaints} 户；有投诉记录 ${k.complained} 户`, `Open complaints ${k.openComplaints}; customers who complained ${k.complained}`);
    case "care":
      return p(`流失预警 黄 ${k.yellow}／红 ${k.red}`, `Churn warnings yellow ${k.yellow} / red ${k.red}`);
    case "valueGrowth":
      return p(`平均得分 ${avg}；发展潜力高 ${k.highPotential} 户`, `Average score ${avg}; high potential ${k.highPotential}`);
  }
}

/**
 * Builds 行动计划表: for each tier A–D (active customers by effective tier) and module, seed 001's six columns
 * pre-filled from the tier policy and settings, then the tier's customers, total budget and current figures.
 * The plan columns are editable and kept by tier + module; a kept value that is the pre-fill (in either
 * language) follows the language and settings, and an emptied one gets the pre-fill back.
 */
export function buildActionPlan(
  customers: ScoredCustomer[], settings: Settings, asOf: number, lang: Lang, name: string, carry: CarryOver,
  channels: Record<Tier, Channel>,
): TabPlan {
  const counts = countTiers(customers, settings, asOf);
  const records: Record<string, PlanValue>[] = [];
  const roles: StyleRole[] = [];
  for (const t of TIERS) {
    for (const m of MODULES) {
      const kept =
        carry.take("actionPlan", rowKey(ACTION_PLAN_SPEC, { tier: TIER_NAMES[t].zh, module: MODULE_WORDS[m].zh })) ??
        carry.take("actionPlan", rowKey(ACTION_PLAN_SPEC, { tier: TIER_NAMES[t].en, module: MODULE_WORDS[m].en }));
      const k = counts[t];
      records.push({
        tier: pick(TIER_NAMES[t], lang),
        module: pick(MODULE_WORDS[m], lang),
        ...editableValues(ACTION_PLAN_SPEC, lang, kept, prefill(t, m, settings, channels)),
        customers: k.customers,
        budget: m === "communication" ? k.customers * settings.plan.budget[t] : null,
        current: currentText(m, k, lang),
      });
      roles.push(TIER_ROLE[t]);
    }
  }
  const first = colIndex(ACTION_PLAN_SPEC, "action");
  const last = colIndex(ACTION_PLAN_SPEC, "resources");
  const styles = [
    ...blocksFromRowRoles(roles, 0, first),
    ...blocksFromRowRoles(roles, last + 1, ACTION_PLAN_SPEC.columns.length - last - 1),
    { role: "editable" as const, row: 0, rows: records.length, col: first, cols: last - first + 1 },
  ];
  return buildTab(ACTION_PLAN_SPEC, lang, name, records, styles);
}
