import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { PreviousRow } from "../output-tabs/previous-outputs";
import type { ColumnSpec } from "../output-tabs/tab-spec";
import type { PlanValue } from "../output-tabs/write-plan";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { churnWarning } from "./churn-warnings";
import { isActive } from "./lifecycle";
import { bi } from "./common";

// Bound once: a global lookup of Math per customer is slow under a vm context (jest).
const { ceil, floor } = Math;

/** 客户类别: VIP (top spenders), 普通 (regular), 潜在 (prospect: no spend yet). */
export type Category = "vip" | "regular" | "prospect";

/** 生命周期: where the customer stands in its life cycle. 已流失 is for customers marked 流失 or 转出. */
export type Lifecycle = "new" | "growing" | "stable" | "declining" | "atRisk" | "lost";

export const CATEGORY_WORDS: Record<Category, Bilingual> = {
  vip: bi("VIP", "VIP"),
  regular: bi("普通", "Regular"),
  prospect: bi("潜在", "Prospect"),
};

export const LIFECYCLE_WORDS: Record<Lifecycle, Bilingual> = {
  new: bi("新客户", "New"),
  growing: bi("成长", "Growing"),
  stable: bi("稳定", "Stable"),
  declining: bi("衰退", "Declining"),
  atRisk: bi("流失预警", "At risk"),
  lost: bi("已流失", "Lost"),
};

/** The roster's two segment columns (added after 变动 / Movement). */
export const SEGMENT_COLUMNS: ColumnSpec[] = [
  // Id "segment": the batch export's per-customer results read it from the roster by this id.
  { id: "segment", zh: "客户类别", en: "Customer Category", kind: "text", width: 10 },
  { id: "lifecycle", zh: "生命周期", en: "Life Cycle", kind: "text", width: 10 },
];

/** The register's status id (正常 active, 新客户 new, 休眠 dormant, 流失 churned, 转出 transferred, 已回流 returned). */
export function statusId(c: ScoredCustomer): string | undefined {
  return c.register?.status;
}

/** Marked 流失 (churned) or 转出 (transferred out): no longer an active customer (the life cycle's rule). */
export function isLost(c: ScoredCustomer): boolean {
  return !isActive(c);
}

/** ⌈x⌉ that ignores floating-point dust (20 × 10% is 2.0000000000000004: 2 customers, not 3). */
function ceilCount(x: number): number {
  return ceil(x - 1e-9);
}

/**
 * The VIP line: the settings' 金额线 when above 0, else the spend of the ⌈n × VIP share⌉-th biggest spender among
 * the n customers with a spend (ties at the line are all VIP). Infinity when nobody qualifies.
 */
export function vipLine(customers: ScoredCustomer[], settings: Settings): number {
  const s = settings.plan.supervisor;
  if (s.vipSpendFrom > 0) return s.vipSpendFrom;
  const spends: number[] = [];
  for (const c of customers) {
    const v = c.register?.annualSpend;
    if (v !== undefined && v > 0) spends.push(v);
  }
  const k = ceilCount(spends.length * s.vipShare);
  if (k <= 0) return Infinity;
  spends.sort((a, b) => b - a);
  return spends[k - 1];
}

/** 客户类别 of one customer: no spend → 潜在; spend at or above the VIP line → VIP; else 普通. */
export function category(c: ScoredCustomer, line: number): Category {
  const v = c.register?.annualSpend;
  if (v === undefined || v <= 0) return "prospect";
  return v >= line ? "vip" : "regular";
}

/** Each customer's final score in the previous run, read from the previous roster (最终得分 by 客户编号). */
export function previousScores(rosterRows: PreviousRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rosterRows) {
    const key = r.record.key;
    const score = r.record.score;
    if (key === null || key === undefined || typeof score !== "number" || !Number.isFinite(score)) continue;
    out.set(String(key), score);
  }
  return out;
}

/**
 * 生命周期, first rule that applies: 已流失 (marked 流失/转出); 流失预警 (a red churn warning); 新客户 (first
 * purchase within the new-customer days); 成长 / 衰退 (score up / down by the score-change points since the
 * last run); else 稳定. Risk comes first because it asks for action; growth needs a previous score.
 */
export function lifecycle(c: ScoredCustomer, settings: Settings, asOf: number, previousScore: number | undefined): Lifecycle {
  if (isLost(c)) return "lost";
  if (churnWarning(c, settings, asOf)?.level === "red") return "atRisk";
  const s = settings.plan.supervisor;
  const first = c.register?.firstPurchase;
  if (first !== undefined) {
    const age = floor(asOf) - floor(first);
    if (age >= 0 && age <= s.newCustomerDays) return "new";
  }
  if (previousScore !== undefined && c.score !== null) {
    const change = c.score - previousScore;
    // The epsilon keeps 75.0 − 70.0 = 5 (and 4.999999999 from rounding) on the 成长 side as written.
    if (change >= s.scoreChange - 1e-9) return "growing";
    if (change <= -s.scoreChange + 1e-9) return "declining";
  }
  return "stable";
}

/** Segments of every customer, computed once (the VIP line needs all customers). */
export interface Segments {
  category: Map<string, Category | null>;
  lifecycle: Map<string, Lifecycle>;
}

/**
 * Both segments for every customer. 客户类别 is left empty for everybody when no customer has an annual spend
 * (the register has no 年采购金额 / 年消费金额 column): calling them all 潜在 would say something we do not know.
 */
export function segmentCustomers(
  customers: ScoredCustomer[], settings: Settings, asOf: number, previous: Map<string, number>,
): Segments {
  const anySpend = customers.some((c) => c.register?.annualSpend !== undefined);
  const line = vipLine(customers, settings);
  const cat = new Map<string, Category | null>();
  const life = new Map<string, Lifecycle>();
  for (const c of customers) {
    cat.set(c.key, anySpend ? category(c, line) : null);
    life.set(c.key, lifecycle(c, settings, asOf, previous.get(c.key)));
  }
  return { category: cat, lifecycle: life };
}

/** The roster cells of the segment columns for a customer, in a language. */
export function segmentCells(segments: Segments, lang: Lang): (c: ScoredCustomer) => Record<string, PlanValue> {
  return (c) => {
    const cat = segments.category.get(c.key);
    const life = segments.lifecycle.get(c.key);
    return {
      segment: cat ? pick(CATEGORY_WORDS[cat], lang) : null,
      lifecycle: life ? pick(LIFECYCLE_WORDS[life], lang) : null,
    };
  };
}
