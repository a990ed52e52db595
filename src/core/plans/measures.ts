import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { bi, joinSentences } from "./common";

/** What each tier gets, whatever the verdict: the more valuable the customer, the more personal the care. */
export const TIER_MEASURES: Record<"A" | "B" | "C" | "D", Bilingual[]> = {
  A: [
    bi("节日问候与礼品", "Holiday greetings and gifts"),
    bi("年度答谢会", "Annual thank-you event"),
    bi("新产品优先试用", "Early trial of new products"),
    bi("客户经理定期上门拜访", "Regular visits by the account manager"),
  ],
  B: [
    bi("节日问候", "Holiday greetings"),
    bi("邀请参加年度答谢会", "Invitation to the annual thank-you event"),
    bi("交叉销售推荐", "Cross-sell offers"),
    bi("定期服务回顾", "Regular service review"),
  ],
  C: [
    bi("节日短信问候", "Holiday SMS greetings"),
    bi("服务回顾", "Service review"),
    bi("交叉销售推荐", "Cross-sell offers"),
  ],
  D: [
    bi("节日短信问候", "Holiday SMS greetings"),
    bi("标准化服务，控制维护成本", "Standard service at low cost"),
  ],
};

/** What the verdict adds: keep, repair, or wind down the relationship. */
export const VERDICT_MEASURES: Record<Verdict, Bilingual[]> = {
  maintain: [bi("保持现有服务水平", "Keep the current service level")],
  improve: [
    bi("服务回顾，查找并改进薄弱环节", "Service review: find and fix weak points"),
    bi("激活回访", "Reactivation call"),
  ],
  end: [bi("逐步减少投入，停止主动营销", "Scale back: no active marketing")],
};

/** The plan of a 资料不全 customer: data first. */
export const INCOMPLETE_MEASURE = bi(
  "资料不全：请先补全客户资料和评估数据，再制定维护措施",
  "Data incomplete: complete the customer's register and evaluation data first, then plan measures",
);

/** The plan of a churned customer: see the win-back list. */
export const CHURNED_MEASURE = bi("已流失：见挽回方案", "Churned: see the Win-back tab");

/** The measures of one customer as one cell's text, by its effective tier and verdict. */
export function measuresText(tier: TierOrIncomplete, verdict: Verdict | null, lang: Lang, churned = false): string {
  if (churned) return pick(CHURNED_MEASURE, lang);
  if (tier === "incomplete") return pick(INCOMPLETE_MEASURE, lang);
  // A manual tier may come without a verdict (a 资料不全 customer tiered by hand): the tier's care still applies.
  const items = [...TIER_MEASURES[tier], ...(verdict ? VERDICT_MEASURES[verdict] : [])];
  return joinSentences(items.map((m) => pick(m, lang)), lang);
}
