import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { Channel } from "../register/register-row";
import type { ScoredCustomer, Tier, TierOrIncomplete } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import type { TabSpec } from "../output-tabs/tab-spec";
import type { PlanValue, StyleRole } from "../output-tabs/write-plan";

// Bound once: a global lookup of Math per customer is slow under a vm context (jest).
const { floor } = Math;

/** Shorthand for a text in both languages. */
export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** The list separator of a language (、 between Chinese items, ", " between English ones). */
export function joinList(items: string[], lang: Lang): string {
  return items.join(lang === "zh-CN" ? "、" : ", ");
}

/** The sentence separator of a language, for lists of measures. */
export function joinSentences(items: string[], lang: Lang): string {
  return items.join(lang === "zh-CN" ? "；" : "; ");
}

/** Row colour of each tier, the same as the roster's. */
export const TIER_ROLE: Record<TierOrIncomplete, StyleRole> = {
  A: "tierA", B: "tierB", C: "tierC", D: "tierD", incomplete: "incomplete",
};

/** A number per channel (0 for none), for packed memo keys. */
export const CHANNEL_CODE: Record<Channel, number> = { phone: 1, email: 2, sms: 3, wechat: 4, visit: 5, meeting: 6 };

/** Plan order of tiers: A first, 资料不全 last. */
export const TIER_ORDER: Record<TierOrIncomplete, number> = { A: 0, B: 1, C: 2, D: 3, incomplete: 4 };

/** The tier whose settings apply: a customer without a tier is treated like D (the most patient limits). */
export function settingsTier(tier: TierOrIncomplete): Tier {
  return tier === "incomplete" ? "D" : tier;
}

/** Display name of a customer: the register's name, else the evaluation's, else nothing. */
export function customerName(c: ScoredCustomer): string | null {
  return c.name ?? c.register?.name ?? null;
}

/** Ascending key order with a plain code-unit comparison, identical on every machine (no locale). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Days since the customer was last in touch: today − last contact, else today − last purchase.
 * null when neither date is known (we do not guess how idle an unknown customer is).
 */
export function idleDays(c: ScoredCustomer, asOf: number): number | null {
  const last = c.register?.lastContact ?? c.register?.lastPurchase;
  return last === undefined ? null : floor(asOf) - floor(last);
}

/** The customer's warning days by its (effective) tier. */
export function warningDaysOf(c: ScoredCustomer, settings: Settings): number {
  return settings.warningDays[settingsTier(c.tier)];
}

/** 沟通方式 words in both languages. */
export const CHANNEL_WORDS: Record<Channel, Bilingual> = {
  phone: bi("电话", "Phone"),
  email: bi("邮件", "Email"),
  sms: bi("短信", "SMS"),
  wechat: bi("微信", "WeChat"),
  visit: bi("拜访", "Visit"),
  meeting: bi("会议", "Meeting"),
};

const CHANNEL_TEXT: Record<string, Channel> = {
  电话: "phone", 电话回访: "phone", phone: "phone", call: "phone", telephone: "phone",
  邮件: "email", 电子邮件: "email", email: "email", "e-mail": "email", mail: "email",
  短信: "sms", sms: "sms", text: "sms",
  微信: "wechat", wechat: "wechat",
  拜访: "visit", 上门拜访: "visit", 上门: "visit", visit: "visit",
  会议: "meeting", meeting: "meeting",
};

/** Reads a contact method typed on the settings sheet (拜访, visit, 电话 …); undefined when unknown. */
export function parseChannel(text: string | undefined): Channel | undefined {
  if (!text) return undefined;
  return CHANNEL_TEXT[text.normalize("NFKC").trim().toLowerCase()];
}

const TIER_TEXT: Record<string, TierOrIncomplete> = {
  a: "A", b: "B", c: "C", d: "D", 资料不全: "incomplete", incomplete: "incomplete",
};

/** Reads a tier label written by an earlier run (A–D, 资料不全 / Incomplete) back. */
export function parseTierLabel(v: PlanValue): TierOrIncomplete | undefined {
  if (v === null) return undefined;
  return TIER_TEXT[String(v).normalize("NFKC").trim().toLowerCase()];
}

/** Words of a status that means the task is closed (done or cancelled), so it is never overdue. */
const CLOSED_WORDS = new Set([
  "已完成", "完成", "已回访", "已联系", "已处理", "已解决", "已关闭", "关闭", "已取消", "取消", "是", "√", "✓", "✔",
  "done", "completed", "complete", "finished", "closed", "cancelled", "canceled", "yes", "ok",
]);

/** True when a status typed by a user says the call is done (or cancelled). */
export function isClosedStatus(v: PlanValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  return CLOSED_WORDS.has(String(v).normalize("NFKC").trim().toLowerCase());
}

/**
 * The editable values of a fresh or carried row. A kept value that is one language's default is shown
 * as this language's default (a zh run after an en run says 待审核, not "Pending review"); an empty
 * defaulted cell gets its default back, because a status must say something.
 */
export function editableValues(
  spec: TabSpec, lang: Lang, kept: Record<string, PlanValue> | undefined, defaults: Record<string, Bilingual>,
): Record<string, PlanValue> {
  const out: Record<string, PlanValue> = {};
  for (const c of spec.columns) {
    if (!c.editable) continue;
    const d = defaults[c.id];
    const v = kept?.[c.id] ?? null;
    if (d && (v === null || v === "" || v === d.zh || v === d.en)) out[c.id] = pick(d, lang);
    else out[c.id] = v === "" ? null : v;
  }
  return out;
}

/** The index of a column in a spec (a bug if missing, so it throws). */
export function colIndex(spec: TabSpec, id: string): number {
  const i = spec.columns.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`column ${id} not in ${spec.id}`);
  return i;
}

/**
 * Caches a text builder by a small key (tier, verdict, flags …): plan texts come from a handful of
 * combinations, so 100,000 rows share a few dozen strings instead of building one each.
 */
export function memoText<A extends unknown[]>(key: (...a: A) => string | number, build: (...a: A) => string): (...a: A) => string {
  // A number key (the combination packed) is looked up without building and hashing a new string per row.
  const cache = new Map<string | number, string>();
  return (...a: A) => {
    const k = key(...a);
    let v = cache.get(k);
    if (v === undefined) {
      v = build(...a);
      cache.set(k, v);
    }
    return v;
  };
}

/**
 * Sorts items by a comparison of their indexes, over columns the caller read once per item: the same
 * permutation as Array.prototype.sort on the items with the same comparison (both are stable), without
 * reading object fields and looking words up two million times per 100,000 items.
 */
export function sortByIndex<T>(items: readonly T[], compare: (i: number, j: number) => number): T[] {
  const idx = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) idx[i] = i;
  idx.sort(compare);
  const out = new Array<T>(items.length);
  for (let i = 0; i < idx.length; i++) out[i] = items[idx[i]];
  return out;
}

/**
 * Items ordered by a small rank (lowest first), then a value (highest first), then key: each read once per
 * item into columns, then sorted by index (sortByIndex).
 */
export function rankValueKeyOrder<T>(items: readonly T[], rank: (t: T) => number, value: (t: T) => number, key: (t: T) => string): T[] {
  const n = items.length;
  const ranks = new Uint8Array(n);
  const values = new Float64Array(n);
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = items[i];
    ranks[i] = rank(t);
    values[i] = value(t);
    keys[i] = key(t);
  }
  return sortByIndex(items, (a, b) => ranks[a] - ranks[b] || values[b] - values[a] || compareKeys(keys[a], keys[b]));
}

/** Customers in plan order: effective tier (A first, 资料不全 last), then score (highest first), then key. */
export function tierScoreOrder(customers: readonly ScoredCustomer[]): ScoredCustomer[] {
  return rankValueKeyOrder(customers, (c) => TIER_ORDER[c.tier], (c) => c.score ?? -1, (c) => c.key);
}
