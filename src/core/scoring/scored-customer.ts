import type { RegisterRow } from "../register/register-row";

export type Tier = "A" | "B" | "C" | "D";
/** A computed tier, or 资料不全 when coverage is below the minimum. */
export type TierOrIncomplete = Tier | "incomplete";
export type Verdict = "maintain" | "improve" | "end";

export const TIERS: Tier[] = ["A", "B", "C", "D"];

/** One indicator's share of a customer's final score: wᵢ·nᵢ / Σw (over present indicators). */
export interface Contribution {
  indicator: string;
  points: number;
}

/** A customer after scoring: what every tab and both adapters work from. */
export interface ScoredCustomer {
  key: string;
  id?: string;
  name?: string;
  /** The register row, when the customer is in the register (evaluation-only customers have none). */
  register?: RegisterRow;
  /** Weighted score 0–100 at full precision; null when no indicator is present. */
  score: number | null;
  /** Σw present / Σw all, 0–1. */
  coverage: number;
  computedTier: TierOrIncomplete;
  /** The tier typed in the roster's 人工等级 column, kept across runs. */
  manualTier?: Tier;
  manualReason?: string;
  /** What the user typed in 人工等级 as typed, kept even when it is no valid tier (so nothing typed is lost). */
  manualTyped?: string;
  /** The tier the plans use: the manual tier where given, else the computed one. */
  tier: TierOrIncomplete;
  /** null for 资料不全. */
  verdict: Verdict | null;
  /** The largest contributions (at most TOP_CONTRIBUTIONS), largest first. */
  contributions: Contribution[];
  /** 1-based rank by score (highest first, ties by key); null for customers without a score. */
  rank: number | null;
}
