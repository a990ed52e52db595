import { tierLabel } from "../i18n/labels";
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import { buildTab, type TabSpec } from "../output-tabs/tab-spec";
import { blocksFromRowRoles, type TabPlan } from "../output-tabs/write-plan";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { bi, CHANNEL_CODE, CHANNEL_WORDS, customerName, idleDays, joinList, joinSentences, memoText, rankValueKeyOrder, TIER_ORDER, warningDaysOf } from "./common";
import { isActive } from "./lifecycle";

/** 流失预警 / Churn Warnings: one row per at-risk active customer. */
export const CHURN_SPEC: TabSpec = {
  id: "churn",
  zh: "流失预警",
  en: "Churn Warnings",
  tableName: "ChurnWarnings",
  keyColumns: ["key"],
  columns: [
    { id: "level", zh: "预警级别", en: "Level", kind: "text", width: 9 },
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 14 },
    { id: "name", zh: "客户名称", en: "Customer", kind: "text", width: 24 },
    { id: "tier", zh: "等级", en: "Tier", kind: "text", width: 9 },
    { id: "computedTier", zh: "计算等级", en: "Computed Tier", kind: "text", width: 10 },
    { id: "owner", zh: "负责人", en: "Owner", kind: "text", width: 12 },
    { id: "lastContact", zh: "最近联系日期", en: "Last Contact", kind: "date", width: 13 },
    { id: "lastPurchase", zh: "最近购买日期", en: "Last Purchase", kind: "date", width: 13 },
    { id: "daysIdle", zh: "未联系天数", en: "Days Idle", kind: "integer", width: 10 },
    { id: "warningDays", zh: "预警天数", en: "Warning Days", kind: "integer", width: 10 },
    { id: "reason", zh: "预警原因", en: "Reason", kind: "text", width: 22 },
    { id: "action", zh: "建议措施", en: "Suggested Action", kind: "text", width: 40 },
  ],
};

/** 黄 past the warning days, 红 past twice. */
export type WarningLevel = "yellow" | "red";

/** 预警级别 words in both languages. */
export const LEVEL_WORDS: Record<WarningLevel, Bilingual> = { yellow: bi("黄", "Yellow"), red: bi("红", "Red") };

const REASON_WORDS = {
  idle: bi("超过预警天数", "Idle past the warning days"),
  idleTwice: bi("超过预警天数两倍", "Idle past twice the warning days"),
  complaint: bi("有未结投诉", "Open complaint"),
  dormant: bi("客户已标为休眠", "Marked dormant"),
};

const ACTION_WORDS = {
  complaint: bi("先处理未结投诉（调解）", "Settle the open complaint first (mediate)"),
  visit: bi("客户经理上门拜访，了解原因并激活", "Visit by the account manager: find the cause and reactivate"),
  phone: bi("电话回访激活", "Reactivation phone call"),
  sms: bi("短信问候激活", "Reactivation SMS"),
};

/** One at-risk customer. */
export interface ChurnWarning {
  c: ScoredCustomer;
  level: WarningLevel;
  daysIdle: number | null;
  warningDays: number;
  idle: "none" | "past" | "twice";
  complaint: boolean;
  /** The register marks the customer 休眠: always at least yellow, with a re-activation call. */
  dormant: boolean;
}

/**
 * The warning of one customer, or null. Only active customers are watched (流失 and 转出 are on the
 * win-back tab). Idle past the tier's warning days → yellow, past twice → red; an open complaint alone →
 * yellow; 休眠 → at least yellow. A 终止关系 customer is not woken up: only an open complaint lists it.
 */
export function churnWarning(c: ScoredCustomer, settings: Settings, asOf: number): ChurnWarning | null {
  if (!isActive(c)) return null;
  const wd = warningDaysOf(c, settings);
  const days = idleDays(c, asOf);
  const ended = c.verdict === "end";
  const idle = ended || days === null ? "none" : days > 2 * wd ? "twice" : days > wd ? "past" : "none";
  const complaint = c.register?.openComplaint === true;
  const dormant = !ended && c.register?.status === "dormant";
  if (idle === "none" && !complaint && !dormant) return null;
  return { c, level: idle === "twice" ? "red" : "yellow", daysIdle: days, warningDays: wd, idle, complaint, dormant };
}

/** An SMS-like touch goes by the customer's preferred channel when that is SMS, WeChat or email. */
function touchAction(c: ScoredCustomer): Bilingual {
  const p = c.register?.preferredChannel ?? c.register?.channel;
  if (p === "wechat" || p === "email") {
    const w = CHANNEL_WORDS[p];
    return bi(`${w.zh}问候激活`, `Reactivation ${w.en} message`);
  }
  return ACTION_WORDS.sms;
}

/**
 * The suggested action: a visit for tier A, a call for B and C, an SMS (or the customer's preferred
 * WeChat/email) for D; a phone call once red or dormant; a complaint is settled first.
 */
export function suggestedAction(w: ChurnWarning, lang: Lang): string {
  const tier = w.c.tier;
  const quiet = tier === "D" || tier === "incomplete";
  const main = tier === "A" ? ACTION_WORDS.visit : quiet ? touchAction(w.c) : ACTION_WORDS.phone;
  // A D customer gone quiet for twice the limit, or marked dormant, still deserves a voice call.
  const act = (w.level === "red" || w.dormant) && quiet ? ACTION_WORDS.phone : main;
  const needsAct = w.idle !== "none" || w.dormant;
  const items = w.complaint ? [ACTION_WORDS.complaint, ...(needsAct ? [act] : [])] : [act];
  return joinSentences(items.map((x) => pick(x, lang)), lang);
}

const IDLE_CODE: Record<ChurnWarning["idle"], number> = { none: 0, past: 1, twice: 2 };

/** Warnings in list order: red first, then yellow, most idle first, then key. */
export function churnOrder(warnings: readonly ChurnWarning[]): ChurnWarning[] {
  return rankValueKeyOrder(warnings, (w) => (w.level === "red" ? 0 : 1), (w) => w.daysIdle ?? -1, (w) => w.c.key);
}

/** Builds 流失预警: red first, then yellow, most idle first; rows coloured by level. */
export function buildChurnWarnings(customers: ScoredCustomer[], settings: Settings, asOf: number, lang: Lang, name: string): TabPlan {
  let warnings: ChurnWarning[] = [];
  for (const c of customers) {
    const w = churnWarning(c, settings, asOf);
    if (w) warnings.push(w);
  }
  warnings = churnOrder(warnings);
  const reasonText = memoText((w: ChurnWarning) => IDLE_CODE[w.idle] * 4 + (w.complaint ? 2 : 0) + (w.dormant ? 1 : 0), (w) => {
    const reasons = [
      ...(w.dormant ? [REASON_WORDS.dormant] : []),
      ...(w.idle === "twice" ? [REASON_WORDS.idleTwice] : w.idle === "past" ? [REASON_WORDS.idle] : []),
      ...(w.complaint ? [REASON_WORDS.complaint] : []),
    ];
    return joinList(reasons.map((x) => pick(x, lang)), lang);
  });
  const action = memoText(
    (w: ChurnWarning) => {
      const channel = w.c.register?.preferredChannel ?? w.c.register?.channel;
      const flags = IDLE_CODE[w.idle] * 4 + (w.complaint ? 2 : 0) + (w.dormant ? 1 : 0);
      return ((TIER_ORDER[w.c.tier] * 2 + (w.level === "red" ? 1 : 0)) * 12 + flags) * 7 + (channel ? CHANNEL_CODE[channel] : 0);
    },
    (w) => suggestedAction(w, lang),
  );
  const records = warnings.map((w) => {
    return {
      level: pick(LEVEL_WORDS[w.level], lang),
      key: w.c.key,
      name: customerName(w.c),
      tier: tierLabel(w.c.tier, lang),
      computedTier: tierLabel(w.c.computedTier, lang),
      owner: w.c.register?.accountManager ?? null,
      lastContact: w.c.register?.lastContact ?? null,
      lastPurchase: w.c.register?.lastPurchase ?? null,
      daysIdle: w.daysIdle,
      warningDays: w.warningDays,
      reason: reasonText(w),
      action: action(w),
    };
  });
  const styles = blocksFromRowRoles(warnings.map((w) => (w.level === "red" ? "warnRed" : "warnYellow")), 0, CHURN_SPEC.columns.length);
  return buildTab(CHURN_SPEC, lang, name, records, styles);
}
