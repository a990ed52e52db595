/**
 * The customer's life cycle (spec: "Customer status and the customer's life cycle"): which stage a status
 * puts a customer in, what the previous run said about it, who came back, and who only looks churned.
 */
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { PreviousRow } from "../output-tabs/previous-outputs";
import type { PlanValue } from "../output-tabs/write-plan";
import type { CustomerStatusId } from "../register/register-row";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { readStatus } from "../values/choice-cell";
import { bi, warningDaysOf } from "./common";

/** Where a status puts a customer: looked after (active), on the win-back list (churned), tracked (transferred). */
export type LifeStage = "active" | "churned" | "transferred";

/** 客户状态 words in both languages. */
export const STATUS_WORDS: Record<CustomerStatusId, Bilingual> = {
  active: bi("正常", "Active"),
  new: bi("新客户", "New"),
  dormant: bi("休眠", "Dormant"),
  churned: bi("流失", "Churned"),
  transferred: bi("转出", "Transferred out"),
  returned: bi("已回流", "Returned"),
};

/** 正常, 新客户, 休眠, 已回流 and an empty status are active; 流失 churned; 转出 transferred. */
export function stageOfStatus(status: CustomerStatusId | undefined): LifeStage {
  return status === "churned" ? "churned" : status === "transferred" ? "transferred" : "active";
}

/** The customer's life stage from its register status. */
export function lifeStage(c: ScoredCustomer): LifeStage {
  return stageOfStatus(c.register?.status);
}

/** True for customers the maintenance plan, callbacks and churn warnings look after. */
export function isActive(c: ScoredCustomer): boolean {
  return lifeStage(c) === "active";
}

/** The status as users read it; null when the register gives none. */
export function statusLabel(status: CustomerStatusId | undefined, lang: Lang): string | null {
  return status ? pick(STATUS_WORDS[status], lang) : null;
}

/** What the previous run's outputs say about each customer's life cycle. */
export interface PreviousLifecycle {
  /** True when the previous roster had a 客户状态 column: only then can a return be measured. */
  known: boolean;
  /** Each customer's status at the previous run (undefined = none given, i.e. active). */
  status: Map<string, CustomerStatusId | undefined>;
  /** Customers the previous win-back tab flagged 疑似伪流失. */
  pseudoFlagged: Set<string>;
}

/** No previous run. */
export const NO_PREVIOUS_LIFECYCLE: PreviousLifecycle = { known: false, status: new Map(), pseudoFlagged: new Set() };

/** The 标记 text of a pseudo-churn flag, as written by `PSEUDO_FLAG` in either language. */
export const PSEUDO_FLAG = bi("疑似伪流失", "Suspected pseudo-churn");

function text(v: PlanValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * Reads the previous run's statuses from its roster (the 客户状态 column this lane writes) and the
 * pseudo-churn flags from its win-back tab. The history's layout is not relied on.
 */
export function readPreviousLifecycle(roster: PreviousRow[] | undefined, winback: PreviousRow[] | undefined): PreviousLifecycle {
  const status = new Map<string, CustomerStatusId | undefined>();
  let known = false;
  for (const row of roster ?? []) {
    if (!("status" in row.record)) continue;
    known = true;
    const key = text(row.record.key);
    if (key === "") continue;
    const t = text(row.record.status);
    status.set(key, t === "" ? undefined : readStatus(t));
  }
  const pseudoFlagged = new Set<string>();
  for (const row of winback ?? []) {
    const flag = text(row.record.flag);
    if (flag === PSEUDO_FLAG.zh || flag === PSEUDO_FLAG.en) pseudoFlagged.add(text(row.record.key));
  }
  return { known, status, pseudoFlagged };
}

/** Churned or transferred at the previous run (a status the roster recorded). */
export function wasLost(key: string, prev: PreviousLifecycle): boolean {
  const s = prev.status.get(key);
  return s === "churned" || s === "transferred";
}

/** Returned: 流失 or 转出 at the previous run and active now (measured, never planned). */
export function hasReturned(c: ScoredCustomer, prev: PreviousLifecycle): boolean {
  return wasLost(c.key, prev) && isActive(c);
}

/** The most recent of last purchase and last contact; undefined when neither is known. */
export function lastTouch(c: ScoredCustomer): number | undefined {
  const r = c.register;
  if (r?.lastPurchase === undefined) return r?.lastContact;
  if (r.lastContact === undefined) return r.lastPurchase;
  return Math.max(r.lastPurchase, r.lastContact);
}

/**
 * 疑似伪流失 (seed 003): marked 流失, but its last purchase or contact lies within its tier's warning days.
 * Flagged until the manager confirms by leaving the status after the warning: a customer the previous
 * run already flagged is churned for good.
 */
export function isSuspectedPseudoChurn(c: ScoredCustomer, settings: Settings, asOf: number, prev: PreviousLifecycle): boolean {
  if (lifeStage(c) !== "churned" || prev.pseudoFlagged.has(c.key)) return false;
  const t = lastTouch(c);
  return t !== undefined && Math.floor(asOf) - Math.floor(t) <= warningDaysOf(c, settings);
}
