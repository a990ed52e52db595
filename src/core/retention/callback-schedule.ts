import { mulberry32 } from "../random/mulberry32";
import { tierLabel } from "../i18n/labels";
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { CarryOver } from "../output-tabs/previous-outputs";
import { buildTab, rowKey, type TabSpec } from "../output-tabs/tab-spec";
import { blocksFromRowRoles, type PlanValue, type StyleRole, type TabPlan } from "../output-tabs/write-plan";
import type { ProblemLog } from "../problems/problem";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import {
  bi, colIndex, compareKeys, customerName, editableValues, idleDays, isClosedStatus, joinList, memoText, warningDaysOf,
} from "./common";
import { addMonths, monthIndex } from "./dates";
import { isActive, lastTouch, lifeStage } from "./lifecycle";

// Bound once: a global lookup of Math per customer is slow under a vm context (jest).
const { floor, imul, max, min, round } = Math;

/** 电话回访计划 / Callback Schedule: one row per planned call. */
export const CALLBACK_SPEC: TabSpec = {
  id: "callbacks",
  zh: "电话回访计划",
  en: "Callback Schedule",
  tableName: "CallbackSchedule",
  keyColumns: ["key", "callType", "plannedDate"],
  columns: [
    { id: "plannedDate", zh: "计划日期", en: "Planned Date", kind: "date", width: 12 },
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 14 },
    { id: "name", zh: "客户名称", en: "Customer", kind: "text", width: 24 },
    { id: "tier", zh: "等级", en: "Tier", kind: "text", width: 9 },
    { id: "owner", zh: "负责人", en: "Owner", kind: "text", width: 12 },
    { id: "contact", zh: "联络方式", en: "Contact", kind: "text", width: 16 },
    { id: "callType", zh: "回访类型", en: "Call Type", kind: "text", width: 20 },
    { id: "content", zh: "回访内容", en: "Content", kind: "text", width: 14 },
    { id: "reason", zh: "选择依据", en: "Selected Because", kind: "text", width: 28 },
    { id: "status", zh: "状态", en: "Status", kind: "text", width: 10, editable: true, defaultValue: "待回访" },
    { id: "result", zh: "回访结果", en: "Call Result", kind: "text", width: 30, editable: true },
  ],
};

/** Defaults of the editable columns in both languages. */
export const CALLBACK_DEFAULTS = { status: bi("待回访", "To call") };

/** The kinds of planned call (purchase schedule, complaints, targeted). */
export type CallType =
  | "week" | "months4to6" | "months10to12" | "yearly" | "complaintNow" | "complaintAfter" | "targeted"
  | "reactivation" | "closing" | "transferFollowUp";

const CALL_ORDER: CallType[] = [
  "complaintNow", "complaintAfter", "closing", "reactivation", "week", "months4to6", "months10to12", "yearly", "transferFollowUp", "targeted",
];

/** 回访类型 as written in each language; read back in either to find kept edits. */
export const CALL_TYPE_WORDS: Record<CallType, Bilingual> = {
  week: bi("购买后一周回访", "1 week after purchase"),
  months4to6: bi("购买后4–6个月回访", "4–6 months after purchase"),
  months10to12: bi("购买后10–12个月回访", "10–12 months after purchase"),
  yearly: bi("年度回访", "Yearly call"),
  complaintNow: bi("投诉即时回访", "Complaint: call at once"),
  complaintAfter: bi("投诉解决后回访", "After resolved complaint"),
  targeted: bi("专项回访", "Targeted call"),
  reactivation: bi("休眠激活回访", "Dormant: reactivation call"),
  closing: bi("终止关系说明回访", "Closing call"),
  transferFollowUp: bi("转出跟踪回访", "Transferred: follow-up call"),
};

/** The six kinds of call content of the seed procedure. */
export const CONTENT_WORDS = {
  explain: bi("解释", "Explain"),
  promote: bi("宣传", "Promote"),
  relationship: bi("情感", "Relationship"),
  mediate: bi("调解", "Mediate"),
  suggest: bi("提议", "Suggest"),
  guide: bi("指导", "Guide"),
};
type Content = keyof typeof CONTENT_WORDS;

/** What each call is for: the first week explains and guides use, later calls keep in touch and propose. */
const CALL_CONTENT: Record<CallType, Content[]> = {
  week: ["explain", "guide"],
  months4to6: ["relationship", "suggest"],
  months10to12: ["promote", "suggest"],
  yearly: ["relationship", "promote"],
  complaintNow: ["mediate"],
  complaintAfter: ["mediate", "relationship"],
  targeted: ["relationship", "suggest"],
  reactivation: ["relationship", "suggest"],
  // 终止关系: one call that explains, nothing promoted or suggested.
  closing: ["explain"],
  transferFollowUp: ["relationship", "guide"],
};

/** Calls a 终止关系 customer may get: complaint calls and the one closing call. */
const END_CALLS = new Set<CallType>(["complaintNow", "complaintAfter", "closing"]);

/** The seed procedure's reasons to pick a customer for a call. */
export type SelectionReason = "lowSatisfaction" | "needsService" | "rarelyContacted" | "randomSample";

/** 选择依据 words; "routine" when a purchase call has no other reason. */
export const REASON_WORDS: Record<SelectionReason | "routine", Bilingual> = {
  lowSatisfaction: bi("满意度低", "Low satisfaction"),
  needsService: bi("需要服务", "Needs service"),
  rarelyContacted: bi("长期未联系", "Rarely contacted"),
  randomSample: bi("随机抽样", "Random sample"),
  routine: bi("购买后定期回访", "Routine after purchase"),
};

export { mulberry32 };

/** 选择依据 of the calls the life cycle and the verdict plan by themselves. */
const SPECIAL_REASONS: Partial<Record<CallType, Bilingual>> = {
  reactivation: bi("客户休眠", "Dormant customer"),
  closing: bi("终止关系", "Relationship ending"),
  transferFollowUp: bi("客户转出，跟踪回流", "Transferred out: tracking its return"),
};

/**
 * The random sample: round(n·share) of the keys, drawn by a partial Fisher–Yates shuffle of the sorted keys
 * with mulberry32(seed mixed with the month). Same seed, keys and month → same sample; a new month → a new one,
 * so the sample rotates instead of calling the same customers forever.
 */
export function randomSample(keys: string[], share: number, seed: number, month: number): Set<string> {
  const sorted = [...keys].sort(compareKeys);
  const k = min(sorted.length, max(0, round(sorted.length * share)));
  const rand = mulberry32((seed + imul(month, 0x9e3779b1)) >>> 0);
  for (let i = 0; i < k; i++) {
    const j = i + floor(rand() * (sorted.length - i));
    const t = sorted[i];
    sorted[i] = sorted[j];
    sorted[j] = t;
  }
  return new Set(sorted.slice(0, k));
}

/** Why a customer is picked for calls (the seed procedure's four reasons), in a fixed order. */
export function selectionReasons(c: ScoredCustomer, settings: Settings, asOf: number, sample: Set<string>): SelectionReason[] {
  const r = c.register;
  const out: SelectionReason[] = [];
  if (r?.satisfaction !== undefined && r.satisfaction < settings.plan.callbacks.lowSatisfactionBelow) out.push("lowSatisfaction");
  if (r?.openComplaint || (r?.complaints ?? 0) > 0) out.push("needsService");
  const idle = idleDays(c, asOf);
  if (idle !== null && idle > warningDaysOf(c, settings)) out.push("rarelyContacted");
  if (sample.has(c.key)) out.push("randomSample");
  return out;
}

/** A planned call before it becomes a row. */
export interface PlannedCall {
  key: string;
  type: CallType;
  date: number;
}

/**
 * The purchase-based calls of one anchor date that fall in [lo, hi]: +firstDays, +secondMonths,
 * +thirdMonths, then every 12 months after the third. Yearly dates are found by jumping near lo,
 * so an old customer costs a few steps, not one per year since the purchase.
 */
export function purchaseCalls(anchor: number, settings: Settings, lo: number, hi: number): { type: CallType; date: number }[] {
  const cb = settings.plan.callbacks;
  const a = floor(anchor);
  const out: { type: CallType; date: number }[] = [];
  const push = (type: CallType, date: number) => {
    if (date >= lo && date <= hi) out.push({ type, date });
  };
  push("week", a + cb.firstDays);
  push("months4to6", addMonths(a, cb.secondMonths));
  push("months10to12", addMonths(a, cb.thirdMonths));
  // Yearly k ≥ 1: anchor + thirdMonths + 12k months. Start a year before lo (366-day years bound the jump).
  let k = max(1, floor((lo - addMonths(a, cb.thirdMonths)) / 366));
  for (;; k++) {
    const d = addMonths(a, cb.thirdMonths + 12 * k);
    if (d > hi) break;
    push("yearly", d);
  }
  return out;
}

const CALL_TYPE_TEXT = new Map<string, CallType>();
for (const [t, w] of Object.entries(CALL_TYPE_WORDS) as [CallType, Bilingual][]) {
  CALL_TYPE_TEXT.set(w.zh, t);
  CALL_TYPE_TEXT.set(w.en, t);
}

/** A previous call a user typed something for, parsed from its row key. */
interface TypedCall {
  rowKey: string;
  key: string;
  typeText: string;
  type?: CallType;
  dateText: string;
  date: number | null;
  closed: boolean;
}

function parseTypedCalls(carry: CarryOver): Map<string, TypedCall[]> {
  const out = new Map<string, TypedCall[]>();
  for (const e of carry.unclaimed()) {
    if (e.tab !== "callbacks") continue;
    const [key = "", typeText = "", dateText = ""] = e.key.split("\u241f");
    const n = Number(dateText);
    const call: TypedCall = {
      rowKey: e.key, key, typeText, type: CALL_TYPE_TEXT.get(typeText), dateText,
      date: dateText !== "" && Number.isFinite(n) ? floor(n) : null, closed: isClosedStatus(e.values.status),
    };
    const list = out.get(key);
    if (list) list.push(call);
    else out.set(key, [call]);
  }
  return out;
}

interface CallRow {
  c: ScoredCustomer;
  reason: string;
  date: number | null;
  /** What a user left in the date cell when it is no date (kept as typed rather than lost). */
  dateText?: string;
  typeText: string;
  type?: CallType;
  edits: Record<string, PlanValue>;
}

/** What the callback builder tells the KPI dashboard. */
export interface CallbackOutcome {
  tab: TabPlan;
  overdue: number;
  /** Calls whose date was already past and that no earlier run planned: not planned now (a note counts them). */
  pastNotPlanned: number;
}

/** The follow-up calls of a transferred-out customer: every `months` months after its last purchase or contact, those in [lo, hi]. */
export function transferCalls(anchor: number, months: number, lo: number, hi: number): number[] {
  const a = floor(anchor);
  const out: number[] = [];
  // Jump near lo: months of 28+ days bound the number of steps skipped.
  let k = max(1, floor((lo - a) / (31 * months)));
  for (;; k++) {
    const d = addMonths(a, months * k);
    if (d > hi) break;
    if (d >= lo) out.push(d);
  }
  return out;
}

/**
 * Builds 电话回访计划. Calls are planned from today on: a call dated before today is listed only when an
 * earlier run planned it (then it is overdue until done); the others are not planned and counted in a note.
 * Listed: calls up to today + lookAhead, earlier planned ones back to today − lookBack, plus every call a
 * user typed something for while its customer is still here. 终止关系 customers get only complaint calls and
 * one closing call; 流失 customers only complaint calls; 转出 customers a follow-up every few months.
 */
export function buildCallbackSchedule(
  customers: ScoredCustomer[], settings: Settings, asOf: number, lang: Lang, name: string, carry: CarryOver,
  problems?: ProblemLog,
): CallbackOutcome {
  const cb = settings.plan.callbacks;
  const today = floor(asOf);
  const lo = today - cb.lookBackDays;
  const hi = today + cb.lookAheadDays;
  const typed = parseTypedCalls(carry);
  const active = customers.filter(isActive).map((c) => c.key);
  const sample = randomSample(active, cb.randomShare, cb.randomSeed, monthIndex(today));

  const rows: CallRow[] = [];
  const reasonText = memoText((rs: SelectionReason[]) => rs.join("|"), (rs) =>
    rs.length > 0 ? joinList(rs.map((x) => pick(REASON_WORDS[x], lang)), lang) : pick(REASON_WORDS.routine, lang));
  const typeText = memoText((t: CallType) => t, (t) => pick(CALL_TYPE_WORDS[t], lang));
  const contentText = memoText((t: CallType) => t, (t) => joinList(CALL_CONTENT[t].map((k) => pick(CONTENT_WORDS[k], lang)), lang));
  const anyKept = carry.holds("callbacks");
  const take = (key: string, type: CallType, date: number) => {
    // A first run keeps nothing: no row keys to build for ~100,000 calls.
    if (!anyKept) return undefined;
    const w = CALL_TYPE_WORDS[type];
    // The call type is written in the run's language; a run in the other language must still find the edit.
    return (
      carry.take("callbacks", rowKey(CALLBACK_SPEC, { key, callType: w.zh, plannedDate: date })) ??
      carry.take("callbacks", rowKey(CALLBACK_SPEC, { key, callType: w.en, plannedDate: date }))
    );
  };
  /**
   * Calls "at once" have no date of their own: they keep the date a user already worked on (so the typed
   * status survives and an unanswered call turns overdue), else today.
   */
  const floatingDate = (key: string, type: CallType): number => {
    const prev = (typed.get(key) ?? []).filter((t) => t.type === type && t.date !== null && (!t.closed || t.date >= lo));
    return prev.length > 0 ? max(...prev.map((t) => t.date!)) : today;
  };

  let pastNotPlanned = 0;
  for (const c of customers) {
    const r = c.register;
    const stage = lifeStage(c);
    const ended = stage === "active" && c.verdict === "end";
    // A customer has a handful of calls: a short list checked for the same type and date, not a map each.
    const calls: { type: CallType; date: number }[] = [];
    const add = (type: CallType, date: number) => {
      if (ended && !END_CALLS.has(type)) return;
      for (const x of calls) if (x.type === type && x.date === date) return;
      calls.push({ type, date });
    };
    if (r && stage === "active" && !ended) {
      const anchors: number[] = [];
      if (r.firstPurchase !== undefined) anchors.push(r.firstPurchase);
      if (r.lastPurchase !== undefined && (r.firstPurchase === undefined || r.lastPurchase > r.firstPurchase)) anchors.push(r.lastPurchase);
      for (const a of anchors) for (const x of purchaseCalls(a, settings, lo, hi)) add(x.type, x.date);
    }
    if (stage === "transferred") {
      const anchor = lastTouch(c);
      if (anchor === undefined) add("transferFollowUp", floatingDate(c.key, "transferFollowUp"));
      else for (const d of transferCalls(anchor, cb.transferFollowUpMonths, lo, hi)) add("transferFollowUp", d);
    }
    if (r?.openComplaint) add("complaintNow", floatingDate(c.key, "complaintNow"));
    else if ((r?.complaints ?? 0) > 0 || r?.complaintResolvedDate !== undefined) {
      // After a resolved complaint: the day after it was resolved when the register says so, else last contact + days.
      const d = r?.complaintResolvedDate !== undefined
        ? floor(r.complaintResolvedDate) + 1
        : r?.lastContact !== undefined ? floor(r.lastContact) + cb.complaintFollowUpDays : floatingDate(c.key, "complaintAfter");
      if (d >= lo && d <= hi) add("complaintAfter", d);
    }
    if (ended && !(typed.get(c.key) ?? []).some((t) => t.type === "closing" && t.closed)) add("closing", floatingDate(c.key, "closing"));
    if (stage === "active" && r?.status === "dormant") add("reactivation", floatingDate(c.key, "reactivation"));
    const reasons = stage !== "active" ? [] : selectionReasons(c, settings, asOf, sample);
    // Needing service is answered by the complaint calls; the other reasons need a call of their own
    // when nothing else is planned (else every customer who ever complained would be called every run).
    if (calls.length === 0 && reasons.some((x) => x !== "needsService")) add("targeted", floatingDate(c.key, "targeted"));
    const reason = reasonText(reasons);
    for (const x of calls) {
      const kept = take(c.key, x.type, x.date);
      // Planned from today on: a past date is listed only when an earlier run planned it (it is overdue then).
      if (x.date < today && kept === undefined) {
        pastNotPlanned++;
        continue;
      }
      rows.push({ c, reason, date: x.date, type: x.type, typeText: typeText(x.type), edits: editableValues(CALLBACK_SPEC, lang, kept, CALLBACK_DEFAULTS) });
    }
    // Whatever a user typed for this customer's other calls stays visible: nothing typed is silently dropped.
    for (const t of typed.get(c.key) ?? []) {
      const kept = carry.take("callbacks", t.rowKey);
      if (!kept) continue;
      rows.push({
        c, reason, date: t.date, dateText: t.date === null ? t.dateText : undefined, type: t.type, typeText: t.type ? typeText(t.type) : t.typeText,
        edits: editableValues(CALLBACK_SPEC, lang, kept, CALLBACK_DEFAULTS),
      });
    }
  }
  if (pastNotPlanned > 0 && problems) problems.note("plan.pastCallsNotPlanned", { sheet: name, params: { count: pastNotPlanned, sheet: name } });

  // Undated calls (a date a user overwrote with text) sort last.
  const LAST = Number.MAX_SAFE_INTEGER;
  rows.sort(
    (a, b) =>
      (a.date ?? LAST) - (b.date ?? LAST) ||
      compareKeys(a.c.key, b.c.key) ||
      (a.type ? CALL_ORDER.indexOf(a.type) : 99) - (b.type ? CALL_ORDER.indexOf(b.type) : 99),
  );
  let overdue = 0;
  const roles: (StyleRole | null)[] = rows.map((x) => {
    const late = x.date !== null && x.date < today && !isClosedStatus(x.edits.status);
    if (late) overdue++;
    return late ? "overdue" : null;
  });
  const reasonOf = (x: CallRow): string => {
    if (x.type === "complaintNow" || x.type === "complaintAfter") return pick(REASON_WORDS.needsService, lang);
    if (x.type && SPECIAL_REASONS[x.type]) return pick(SPECIAL_REASONS[x.type]!, lang);
    return x.reason;
  };
  const records = rows.map((x) => ({
    plannedDate: x.date ?? x.dateText ?? null,
    key: x.c.key,
    name: customerName(x.c),
    tier: tierLabel(x.c.tier, lang),
    owner: x.c.register?.accountManager ?? null,
    contact: x.c.register?.contact ?? null,
    callType: x.typeText,
    content: x.type ? contentText(x.type) : null,
    reason: reasonOf(x),
    // Named rather than spread: a spread after the other keys builds each record key by key (slow at 100,000 rows).
    status: x.edits.status,
    result: x.edits.result,
  }));
  const firstEditable = colIndex(CALLBACK_SPEC, "status");
  const cols = CALLBACK_SPEC.columns.length;
  const styles = [
    ...blocksFromRowRoles(roles, 0, firstEditable),
    ...(rows.length > 0 ? [{ role: "editable" as const, row: 0, rows: rows.length, col: firstEditable, cols: cols - firstEditable }] : []),
  ];
  return { tab: buildTab(CALLBACK_SPEC, lang, name, records, styles), overdue, pastNotPlanned };
}
