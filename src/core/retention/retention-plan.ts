import { tierLabel, tierName, verdictLabel } from "../i18n/labels";
import { pick, type Lang } from "../i18n/lang";
import type { CarryOver } from "../output-tabs/previous-outputs";
import { buildTab, type TabSpec } from "../output-tabs/tab-spec";
import { blocksFromRowRoles, type PlanValue, type TabPlan } from "../output-tabs/write-plan";
import type { ProblemLog } from "../problems/problem";
import type { Channel } from "../register/register-row";
import type { ScoredCustomer, Tier, Verdict } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { DEFAULT_PLAN_SETTINGS } from "../settings/plan-settings";
import {
  bi, CHANNEL_WORDS, colIndex, customerName, editableValues, memoText, parseChannel, TIER_ORDER, TIER_ROLE, tierScoreOrder,
} from "./common";
import { isActive, lifeStage, statusLabel, type LifeStage } from "./lifecycle";
import { customerMeasures, unusedCode, unusedProducts, type MeasureFacts } from "./measures";

// Bound once: a global lookup of Math per customer is slow under a vm context (jest).
const { floor, max } = Math;

/** 客户维护方案 / Retention Plan: one row per customer. */
export const RETENTION_SPEC: TabSpec = {
  id: "retention",
  zh: "客户维护方案",
  en: "Retention Plan",
  tableName: "RetentionPlan",
  keyColumns: ["key"],
  columns: [
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 14 },
    { id: "name", zh: "客户名称", en: "Customer", kind: "text", width: 24 },
    { id: "tier", zh: "等级", en: "Tier", kind: "text", width: 9 },
    { id: "tierName", zh: "等级名称", en: "Tier Name", kind: "text", width: 13 },
    { id: "computedTier", zh: "计算等级", en: "Computed Tier", kind: "text", width: 10 },
    { id: "status", zh: "客户状态", en: "Status", kind: "text", width: 10 },
    { id: "verdict", zh: "建议", en: "Verdict", kind: "text", width: 10 },
    { id: "channel", zh: "维护方式", en: "Contact Method", kind: "text", width: 10 },
    { id: "frequency", zh: "沟通频率", en: "Contact Frequency", kind: "text", width: 16 },
    { id: "preferredChannel", zh: "客户偏好渠道", en: "Preferred Channel", kind: "text", width: 12 },
    { id: "measures", zh: "维护措施", en: "Measures", kind: "text", width: 60 },
    { id: "owner", zh: "负责人", en: "Owner", kind: "text", width: 12 },
    { id: "budget", zh: "费用预算", en: "Budget", kind: "number", width: 11, numberFormat: "#,##0" },
    { id: "nextContact", zh: "下次联系日期", en: "Next Contact", kind: "date", width: 13 },
    { id: "reviewStatus", zh: "审核状态", en: "Review Status", kind: "text", width: 12, editable: true, defaultValue: "待审核" },
    { id: "execution", zh: "执行情况", en: "Execution", kind: "text", width: 24, editable: true },
    { id: "remarks", zh: "备注", en: "Notes", kind: "text", width: 24, editable: true },
  ],
};

/** Defaults of the editable columns in both languages. */
export const RETENTION_DEFAULTS = { reviewStatus: bi("待审核", "Pending review") };

const FREQUENCY_WORDS: Record<number, { zh: string; en: string }> = {
  7: bi("每周", "Weekly"),
  14: bi("每两周", "Fortnightly"),
  30: bi("每月", "Monthly"),
  60: bi("每两月", "Bi-monthly"),
  90: bi("每季", "Quarterly"),
  180: bi("每半年", "Half-yearly"),
  365: bi("每年", "Yearly"),
};

/** The noun of a channel inside a frequency ("Monthly visit", "每月拜访"). */
const CHANNEL_ACTS: Record<Channel, { zh: string; en: string }> = {
  phone: bi("电话", "call"),
  email: bi("邮件", "email"),
  sms: bi("短信", "SMS"),
  wechat: bi("微信", "WeChat message"),
  visit: bi("拜访", "visit"),
  meeting: bi("会议", "meeting"),
};

/** "每月拜访" / "Monthly visit" from days between contacts and the channel. */
export function frequencyText(days: number, channel: Channel, lang: Lang): string {
  const act = CHANNEL_ACTS[channel];
  const w = FREQUENCY_WORDS[days];
  if (lang === "zh-CN") return `${w ? w.zh : `每${days}天`}${act.zh}`;
  if (w) return `${w.en} ${act.en}`;
  return `${act.en.charAt(0).toUpperCase()}${act.en.slice(1)} every ${days} days`;
}

/** The usual channel of each tier from the settings; an unreadable setting falls back to its default (reported). */
export function tierChannels(settings: Settings, problems?: ProblemLog): Record<Tier, Channel> {
  const out = {} as Record<Tier, Channel>;
  for (const t of ["A", "B", "C", "D"] as const) {
    const text = settings.plan.frequencyChannel[t];
    const fallback = parseChannel(DEFAULT_PLAN_SETTINGS.frequencyChannel[t]) ?? "phone";
    const parsed = parseChannel(text);
    if (!parsed && problems) {
      problems.warning("plan.badChannelSetting", {
        params: { tier: t, text, defaultZh: CHANNEL_WORDS[fallback].zh, defaultEn: CHANNEL_WORDS[fallback].en },
      });
    }
    out[t] = parsed ?? fallback;
  }
  return out;
}

/**
 * The next contact: last contact (else last purchase) + the tier's interval, never before today
 * (a contact that is due is due now). Nothing for 终止关系, churned and transferred customers (no active
 * care; the closing call is on the callback schedule, the others on the win-back list); today for 资料不全
 * (someone must go and complete the data).
 */
export function nextContact(c: ScoredCustomer, settings: Settings, asOf: number): number | null {
  const today = floor(asOf);
  if (!isActive(c)) return null;
  if (c.tier === "incomplete") return today;
  if (c.verdict === "end") return null;
  const last = c.register?.lastContact ?? c.register?.lastPurchase;
  if (last === undefined) return today;
  return max(today, floor(last) + settings.plan.frequencyDays[c.tier]);
}

/** Plan order: by effective tier (A first, 资料不全 last), then score (highest first), then key. */
export function planOrder(customers: ScoredCustomer[]): ScoredCustomer[] {
  return tierScoreOrder(customers);
}

const VERDICT_CODE: Record<Verdict, number> = { maintain: 0, improve: 1, end: 2 };
const STAGE_CODE: Record<LifeStage, number> = { active: 0, churned: 1, transferred: 2 };

/** 终止关系's contact: as needed, only complaint calls and one closing call. */
const END_FREQUENCY = bi("按需（仅投诉回访及一次说明回访）", "As needed (complaint calls and one closing call only)");

/** What the plan needs to know of a customer beyond the scored row: its weakest indicators, by display name. */
export type WeakestOf = (key: string) => string[] | undefined;

/**
 * Builds 客户维护方案: one row per active customer (流失 and 转出 are on the win-back tab), driven by its
 * effective (manual-first) tier. 维护方式 and 沟通频率 both come from the tier policy, so they never
 * disagree; the register's 偏好渠道 (else 沟通方式) is shown beside them. Edits kept by key.
 */
export function buildRetentionPlan(
  customers: ScoredCustomer[], settings: Settings, asOf: number, lang: Lang, name: string, carry: CarryOver,
  channels: Record<Tier, Channel> = tierChannels(settings), weakest: WeakestOf = () => undefined,
): TabPlan {
  const ordered = planOrder(customers.filter(isActive));
  const freq = memoText((t: Tier) => t, (t) => frequencyText(settings.plan.frequencyDays[t], channels[t], lang));
  // Measures come from a few dozen combinations of tier, verdict and facts: build each text once.
  // Keyed by the weakest names' list (the core hands out one per pair) and the rest packed in a number.
  const measureTexts = new Map<string[] | undefined, Map<number, string>>();
  const measures = (c: ScoredCustomer, weakestNames: string[] | undefined): string => {
    const unused = unusedCode(c);
    const dormant = c.register?.status === "dormant";
    const code = (((TIER_ORDER[c.tier] * 4 + (c.verdict ? VERDICT_CODE[c.verdict] : 3)) * 3 + STAGE_CODE[lifeStage(c)]) * 2 + (dormant ? 1 : 0)) * 5 + unused;
    let texts = measureTexts.get(weakestNames);
    if (!texts) measureTexts.set(weakestNames, (texts = new Map()));
    let text = texts.get(code);
    if (text === undefined) {
      const facts: MeasureFacts = { weakest: weakestNames, unused: unusedProducts(c), dormant };
      text = customerMeasures(c, lang, facts);
      texts.set(code, text);
    }
    return text;
  };
  const anyKept = carry.holds("retention");
  // Every row of a first run starts with the same editable values.
  const fresh = editableValues(RETENTION_SPEC, lang, undefined, RETENTION_DEFAULTS);
  const records: Record<string, PlanValue>[] = ordered.map((c) => {
    const tier = c.tier;
    const r = c.register;
    const ended = c.verdict === "end";
    // The tier's channel, and for 终止关系 the phone of its one closing call: always the channel of the frequency.
    const channel: Channel | undefined = tier === "incomplete" ? undefined : ended ? "phone" : channels[tier];
    let frequency: string;
    if (tier === "incomplete") frequency = "—";
    else if (ended) frequency = pick(END_FREQUENCY, lang);
    else frequency = freq(tier);
    const preferred = r?.preferredChannel ?? r?.channel;
    const budget = tier === "incomplete" || ended ? 0 : settings.plan.budget[tier];
    const edits = anyKept ? editableValues(RETENTION_SPEC, lang, carry.take("retention", c.key), RETENTION_DEFAULTS) : fresh;
    return {
      key: c.key,
      name: customerName(c),
      tier: tierLabel(tier, lang),
      tierName: tierName(tier, lang),
      computedTier: tierLabel(c.computedTier, lang),
      status: statusLabel(r?.status, lang),
      verdict: verdictLabel(c.verdict, lang) || null,
      channel: channel ? pick(CHANNEL_WORDS[channel], lang) : null,
      frequency,
      preferredChannel: preferred ? pick(CHANNEL_WORDS[preferred], lang) : null,
      // Only 改善关系's measures name the weakest indicators: no lookup (nor memo key part) for the others.
      measures: measures(c, c.verdict === "improve" ? weakest(c.key) : undefined),
      owner: r?.accountManager ?? null,
      budget,
      nextContact: nextContact(c, settings, asOf),
      // Named rather than spread: a spread after the other keys builds each record key by key (slow at 100,000 rows).
      reviewStatus: edits.reviewStatus,
      execution: edits.execution,
      remarks: edits.remarks,
    };
  });
  const firstEditable = colIndex(RETENTION_SPEC, "reviewStatus");
  const cols = RETENTION_SPEC.columns.length;
  const styles = [
    ...blocksFromRowRoles(ordered.map((c) => TIER_ROLE[c.tier]), 0, firstEditable),
    ...(ordered.length > 0 ? [{ role: "editable" as const, row: 0, rows: ordered.length, col: firstEditable, cols: cols - firstEditable }] : []),
  ];
  return buildTab(RETENTION_SPEC, lang, name, records, styles);
}
