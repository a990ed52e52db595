import type { JobSummary } from "../core/job/job-types";
import type { Lang } from "../core/i18n/lang";
import { clear, el } from "./dom";
import { t } from "./i18n";

/** Renders the customer and indicator counts and the model's weights as bars. */
export function renderOverview(counts: HTMLElement, weights: HTMLElement, lang: Lang, s: JobSummary): void {
  clear(counts);
  const stat = (label: string, value: number): HTMLElement =>
    el("div", { className: "stat" }, [el("span", { className: "stat-value", text: value.toLocaleString(lang) }), el("span", { className: "stat-label", text: label })]);
  counts.appendChild(stat(t(lang, "customers"), s.customers));
  counts.appendChild(stat(t(lang, "indicators"), s.indicators.length));
  clear(weights);
  const total = s.indicators.reduce((n, i) => n + Math.max(0, i.weight), 0) || 1;
  for (const i of s.indicators) {
    const share = Math.max(0, i.weight) / total;
    const bar = el("progress", { className: "weight-bar" });
    bar.max = 1;
    bar.value = share;
    weights.appendChild(
      el("div", { className: "weight" }, [el("span", { className: "weight-name", text: i.name }), bar, el("span", { className: "weight-value", text: `${(share * 100).toFixed(1)}%` })]),
    );
  }
}
