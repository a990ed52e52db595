import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { Indicator } from "../model/indicator";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { bi, joinList, joinSentences } from "./common";
import { lifeStage } from "./lifecycle";

/** A tier's care item; `crossSell` is the placeholder that names the customer's unused products. */
type Measure = Bilingual | "crossSell";

/** What each tier gets while the relationship is kept: the more valuable the customer, the more personal the care. */
export const TIER_MEASURES: Record<"A" | "B" | "C" | "D", Measure[]> = {
  A: [
    bi("节日问候与礼品", "Holiday greetings and gifts"),
    bi("年度答谢会", "Annual thank-you event"),
    bi("新产品优先试用", "Early trial of new products"),
    bi("客户经理定期上门拜访", "Regular visits by the account manager"),
  ],
  B: [
    bi("节日问候", "Holiday greetings"),
    bi("邀请参加年度答谢会", "Invitation to the annual thank-you event"),
    "crossSell",
    bi("定期服务回顾", "Regular service review"),
  ],
  C: [
    bi("节日短信问候", "Holiday SMS greetings"),
    bi("服务回顾", "Service review"),
    "crossSell",
  ],
  D: [
    bi("节日短信问候", "Holiday SMS greetings"),
    bi("标准化服务，控制维护成本", "Standard service at low cost"),
  ],
};

/** What the verdict adds; 改善关系's weak points are named per customer (see `improveMeasure`). */
export const VERDICT_MEASURES: Record<"maintain" | "improve", Bilingual[]> = {
  maintain: [bi("保持现有服务水平", "Keep the current service level")],
  improve: [bi("激活回访", "Reactivation call")],
};

/** 终止关系: how to wind down politely; no promotion, no cross-sell, no events. */
export const END_MEASURES: Bilingual[] = [
  bi("逐步减少投入，停止主动营销", "Scale back: no active marketing"),
  bi("保留基础服务，投诉及时处理", "Keep the basic service and settle complaints promptly"),
  bi("安排一次说明回访，礼貌告知服务调整", "One closing call to explain the change of service politely"),
];

/** A 休眠 customer is woken up before anything else. */
export const DORMANT_MEASURE = bi("休眠激活：电话了解近况与需求", "Wake up the dormant customer: a call about its current needs");

/** The plan of a 资料不全 customer: data first. */
export const INCOMPLETE_MEASURE = bi(
  "资料不全：请先补全客户资料和评估数据，再制定维护措施",
  "Data incomplete: complete the customer's register and evaluation data first, then plan measures",
);

/** The plan of a churned customer: see the win-back list. */
export const CHURNED_MEASURE = bi("已流失：见挽回方案", "Churned: see the Win-back tab");

/** The plan of a transferred-out customer: tracked on the win-back list. */
export const TRANSFERRED_MEASURE = bi("已转出：见挽回方案（跟踪回流）", "Transferred out: see the Win-back tab (tracked for return)");

const PRODUCTS = { settlement: bi("结算产品", "settlement products"), wealth: bi("理财产品", "wealth products") };

/** The customer facts measures are tailored to. */
export interface MeasureFacts {
  /** The customer's two weakest indicators (largest gap to full marks × weight), display names. */
  weakest?: string[];
  /** Products the register says the customer does not use (结算 / 理财 未使用); undefined when unknown. */
  unused?: ("settlement" | "wealth")[];
  dormant?: boolean;
}

/** The products a customer does not use: known "no" answers only; undefined when the register says nothing. */
export function unusedProducts(c: ScoredCustomer): ("settlement" | "wealth")[] | undefined {
  return UNUSED_LISTS[unusedCode(c)];
}

/** unusedProducts as a number: 0 unknown, else 1 + 1 (结算 unused) + 2 (理财 unused). */
export function unusedCode(c: ScoredCustomer): number {
  const r = c.register;
  if (r?.settlementUse === undefined && r?.wealthUse === undefined) return 0;
  return 1 + (r?.settlementUse === false ? 1 : 0) + (r?.wealthUse === false ? 2 : 0);
}

/** The list of each unusedCode (shared, never changed). */
const UNUSED_LISTS: readonly (("settlement" | "wealth")[] | undefined)[] = [undefined, [], ["settlement"], ["wealth"], ["settlement", "wealth"]];

function crossSellText(unused: MeasureFacts["unused"], lang: Lang): string | null {
  if (unused === undefined) return pick(bi("交叉销售推荐", "Cross-sell offers"), lang);
  if (unused.length === 0) return null; // uses everything we sell it: nothing to cross-sell
  const names = joinList(unused.map((p) => pick(PRODUCTS[p], lang)), lang);
  return pick(bi(`交叉销售推荐：${names}`, `Cross-sell: ${names}`), lang);
}

/** 改善关系's own measure: the customer's weakest indicators by name, or a general review when unknown. */
export function improveMeasure(weakest: string[] | undefined, lang: Lang): string {
  if (!weakest || weakest.length === 0) return pick(bi("服务回顾，查找并改进薄弱环节", "Service review: find and fix weak points"), lang);
  const names = joinList(weakest, lang);
  return pick(bi(`重点改进薄弱指标：${names}`, `Improve the weakest indicators: ${names}`), lang);
}

/**
 * The measures of one customer as one cell's text, by its life stage, effective tier and verdict, tailored
 * to what it lacks. No measure appears twice in a cell.
 */
export function customerMeasures(c: ScoredCustomer, lang: Lang, facts: MeasureFacts = {}): string {
  const stage = lifeStage(c);
  if (stage === "churned") return pick(CHURNED_MEASURE, lang);
  if (stage === "transferred") return pick(TRANSFERRED_MEASURE, lang);
  return measuresText(c.tier, c.verdict, lang, false, facts);
}

/** The measures of an active customer from its tier, verdict and facts (churned = the win-back pointer). */
export function measuresText(tier: TierOrIncomplete, verdict: Verdict | null, lang: Lang, churned = false, facts: MeasureFacts = {}): string {
  if (churned) return pick(CHURNED_MEASURE, lang);
  if (tier === "incomplete") return pick(INCOMPLETE_MEASURE, lang);
  const items: string[] = [];
  if (facts.dormant) items.push(pick(DORMANT_MEASURE, lang));
  if (verdict === "end") {
    items.push(...END_MEASURES.map((m) => pick(m, lang)));
  } else {
    // A manual tier may come without a verdict (a 资料不全 customer tiered by hand): the tier's care still applies.
    for (const m of TIER_MEASURES[tier]) {
      const t = m === "crossSell" ? crossSellText(facts.unused, lang) : pick(m, lang);
      if (t) items.push(t);
    }
    if (verdict === "improve") items.push(improveMeasure(facts.weakest, lang));
    if (verdict) items.push(...VERDICT_MEASURES[verdict].map((m) => pick(m, lang)));
  }
  return joinSentences([...new Set(items)], lang);
}

/**
 * Each customer's two weakest indicators: the largest (full marks − score) × weight, on normalised points
 * (100 − nᵢ)·wᵢ, over the indicators it has. `points` is nᵢ per indicator (outer) per customer (inner).
 */
export function weakestIndicators(indicators: Pick<Indicator, "name" | "weight">[], points: ArrayLike<number>[], keys: string[], count = 2): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let c = 0; c < keys.length; c++) {
    const names = weakestOf(indicators, points, c, count);
    if (names.length > 0) out.set(keys[c], names);
  }
  return out;
}

/** Customer c's gap to full marks on indicator i, (100 − nᵢ)·wᵢ; 0 where it has no points or the weight is not positive. */
function gapAt(indicators: Pick<Indicator, "weight">[], points: ArrayLike<number>[], i: number, c: number): number {
  const n = points[i]?.[c];
  const w = indicators[i].weight;
  if (n === undefined || Number.isNaN(n) || w <= 0) return 0;
  return (100 - n) * w;
}

/** One customer's weakest indicators (customer index `c` of `points`), as weakestIndicators ranks them; [] when none. */
export function weakestOf(indicators: Pick<Indicator, "name" | "weight">[], points: ArrayLike<number>[], c: number, count = 2): string[] {
  // The largest `count` gaps kept by insertion into a short list: no object and no sort per customer.
  const best: number[] = [];
  const bestGap: number[] = [];
  for (let i = 0; i < indicators.length; i++) {
    const gap = gapAt(indicators, points, i, c);
    if (!(gap > 1e-9)) continue;
    let at = best.length;
    while (at > 0 && (gap > bestGap[at - 1] || (gap === bestGap[at - 1] && indicators[i].name < indicators[best[at - 1]].name))) at--;
    if (at >= count) continue;
    best.splice(at, 0, i);
    bestGap.splice(at, 0, gap);
    if (best.length > count) {
      best.pop();
      bestGap.pop();
    }
  }
  return best.map((i) => indicators[i].name);
}

/**
 * weakestOf with count 2, without allocating: the two indicator indexes packed as `(first + 1) * (n + 1) + (second + 1)`
 * (0 for none; a missing second is 0), so a caller can keep one name list per distinct pair.
 */
export function weakestPair(indicators: Pick<Indicator, "name" | "weight">[], points: ArrayLike<number>[], c: number): number {
  let b0 = -1;
  let g0 = 0;
  let b1 = -1;
  let g1 = 0;
  for (let i = 0; i < indicators.length; i++) {
    const gap = gapAt(indicators, points, i, c);
    if (!(gap > 1e-9)) continue;
    // Ahead of a kept one by a larger gap, or the same gap and an earlier name (as weakestOf's insertion).
    if (b0 < 0 || gap > g0 || (gap === g0 && indicators[i].name < indicators[b0].name)) {
      b1 = b0;
      g1 = g0;
      b0 = i;
      g0 = gap;
    } else if (b1 < 0 || gap > g1 || (gap === g1 && indicators[i].name < indicators[b1].name)) {
      b1 = i;
      g1 = gap;
    }
  }
  return (b0 + 1) * (indicators.length + 1) + (b1 + 1);
}

/** The indicator indexes of a weakestPair code, first then second (missing ones left out). */
export function unpackWeakest(code: number, count: number): number[] {
  const first = Math.floor(code / (count + 1)) - 1;
  const second = (code % (count + 1)) - 1;
  return [first, second].filter((i) => i >= 0);
}
