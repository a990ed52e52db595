import type { JobSummary } from "../core/job/job-types";
import type { Lang } from "../core/i18n/lang";
import type { TierOrIncomplete, Verdict } from "../core/scoring/scored-customer";
import { clear, el } from "./dom";
import { t } from "./i18n";

export const TIER_KEYS: TierOrIncomplete[] = ["A", "B", "C", "D", "incomplete"];
export const VERDICT_KEYS: Verdict[] = ["maintain", "improve", "end"];

/** A tier as the pane shows it. */
export function tierText(tier: TierOrIncomplete, lang: Lang): string {
  return tier === "incomplete" ? t(lang, "tierIncomplete") : tier;
}

/** A row of coloured count chips; with `before`, each shows its change (+3 / −2). */
export function chips<K extends string>(keys: K[], cls: (k: K) => string, label: (k: K) => string, counts: Record<K, number>, before?: Record<K, number>): HTMLElement {
  const row = el("div", { className: "chips" });
  for (const k of keys) {
    const parts = [el("span", { className: "chip-label", text: label(k) }), el("span", { className: "chip-value", text: String(counts[k] ?? 0) })];
    if (before) {
      const d = (counts[k] ?? 0) - (before[k] ?? 0);
      parts.push(el("span", { className: `chip-delta ${d > 0 ? "delta-up" : d < 0 ? "delta-down" : "muted"}`, text: d === 0 ? "±0" : d > 0 ? `+${d}` : `−${-d}` }));
    }
    row.appendChild(el("div", { className: `chip ${cls(k)}` }, parts));
  }
  return row;
}

/** Renders customers per tier and per verdict as coloured chips. */
export function renderResult(tiers: HTMLElement, verdicts: HTMLElement, lang: Lang, s: Pick<JobSummary, "byTier" | "byVerdict">): void {
  clear(tiers);
  tiers.appendChild(el("h3", { text: t(lang, "byTier") }));
  tiers.appendChild(chips(TIER_KEYS, (k) => `tier-${k}`, (k) => tierText(k, lang), s.byTier));
  clear(verdicts);
  verdicts.appendChild(el("h3", { text: t(lang, "byVerdict") }));
  verdicts.appendChild(chips(VERDICT_KEYS, (k) => `verdict-${k}`, (k) => t(lang, `verdict_${k}`), s.byVerdict));
}
