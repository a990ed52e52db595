import type { TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import type { Lang } from "./lang";

const TIER_WORDS: Record<TierOrIncomplete, { zh: string; en: string }> = {
  A: { zh: "A", en: "A" },
  B: { zh: "B", en: "B" },
  C: { zh: "C", en: "C" },
  D: { zh: "D", en: "D" },
  incomplete: { zh: "资料不全", en: "Incomplete" },
};

const VERDICT_WORDS: Record<Verdict, { zh: string; en: string }> = {
  maintain: { zh: "维持关系", en: "Maintain" },
  improve: { zh: "改善关系", en: "Improve" },
  end: { zh: "终止关系", en: "End" },
};

/** A tier as users read it: A … D, 资料不全 / Incomplete. */
export function tierLabel(tier: TierOrIncomplete, lang: Lang): string {
  return lang === "zh-CN" ? TIER_WORDS[tier].zh : TIER_WORDS[tier].en;
}

/** A verdict as users read it: 维持关系 / Maintain … */
export function verdictLabel(verdict: Verdict | null, lang: Lang): string {
  if (!verdict) return "";
  return lang === "zh-CN" ? VERDICT_WORDS[verdict].zh : VERDICT_WORDS[verdict].en;
}

/** Reads a tier typed by a user (A, ａ, "B级", "c") back; undefined when it is none of A–D. */
export function parseTier(text: string): "A" | "B" | "C" | "D" | undefined {
  const t = text.normalize("NFKC").trim().toUpperCase().replace(/级$|类$|TIER\s*/g, "").trim();
  return t === "A" || t === "B" || t === "C" || t === "D" ? t : undefined;
}

const TIER_NAMES: Record<TierOrIncomplete, { zh: string; en: string }> = {
  A: { zh: "核心价值客户", en: "Core value" },
  B: { zh: "重要发展客户", en: "Key growth" },
  C: { zh: "潜力培育客户", en: "Potential" },
  D: { zh: "一般维持客户", en: "General" },
  incomplete: { zh: "资料不全", en: "Incomplete" },
};

/** The name a tier carries beside its letter (seed 001): A 核心价值客户 … D 一般维持客户. */
export function tierName(tier: TierOrIncomplete, lang: Lang): string {
  return lang === "zh-CN" ? TIER_NAMES[tier].zh : TIER_NAMES[tier].en;
}

/** Letter and name together, "A 核心价值客户" / "A Core value"; 资料不全 alone. */
export function tierWithName(tier: TierOrIncomplete, lang: Lang): string {
  return tier === "incomplete" ? tierLabel(tier, lang) : `${tierLabel(tier, lang)} ${tierName(tier, lang)}`;
}
