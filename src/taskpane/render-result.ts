import type { JobSummary } from "../core/job/job-types";
import type { Lang } from "../core/i18n/lang";
import type { TierOrIncomplete, Verdict } from "../core/scoring/scored-customer";
import { clear, el } from "./dom";
import { t } from "./i18n";

const TIERS: TierOrIncomplete[] = ["A", "B", "C", "D", "incomplete"];
const VERDICTS: Verdict[] = ["maintain", "improve", "end"];

/** Renders customers per tier and per verdict as coloured chips. */
export function renderResult(tiers: HTMLElement, verdicts: HTMLElement, lang: Lang, s: JobSummary): void {
  clear(tiers);
  tiers.appendChild(el("h3", { text: t(lang, "byTier") }));
  const tierRow = el("div", { className: "chips" });
  for (const tier of TIERS) {
    const label = tier === "incomplete" ? t(lang, "tierIncomplete") : tier;
    tierRow.appendChild(
      el("div", { className: `chip tier-${tier}` }, [el("span", { className: "chip-label", text: label }), el("span", { className: "chip-value", text: String(s.byTier[tier] ?? 0) })]),
    );
  }
  tiers.appendChild(tierRow);
  clear(verdicts);
  verdicts.appendChild(el("h3", { text: t(lang, "byVerdict") }));
  const verdictRow = el("div", { className: "chips" });
  for (const v of VERDICTS) {
    verdictRow.appendChild(
      el("div", { className: `chip verdict-${v}` }, [el("span", { className: "chip-label", text: t(lang, `verdict_${v}`) }), el("span", { className: "chip-value", text: String(s.byVerdict[v] ?? 0) })]),
    );
  }
  verdicts.appendChild(verdictRow);
}
