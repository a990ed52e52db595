import type { JobSummary } from "../core/job/job-types";
import type { Lang } from "../core/i18n/lang";
import { clear, el } from "./dom";
import { t } from "./i18n";

/** Renders the customer and indicator counts (the weights are in the what-if card, where they can be changed). */
export function renderOverview(counts: HTMLElement, lang: Lang, s: JobSummary): void {
  clear(counts);
  const stat = (label: string, value: number): HTMLElement =>
    el("div", { className: "stat" }, [el("span", { className: "stat-value", text: value.toLocaleString(lang) }), el("span", { className: "stat-label", text: label })]);
  counts.appendChild(stat(t(lang, "customers"), s.customers));
  counts.appendChild(stat(t(lang, "indicators"), s.indicators.length));
}
