import type { Lang } from "../core/i18n/lang";
import type { CustomerWhy } from "../core/whatif/why";
import { clear, el } from "./dom";
import { t } from "./i18n";
import { tierText } from "./render-result";

const one = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);
const signed = (n: number): string => (n >= 0.05 ? `+${one(n)}` : n <= -0.05 ? `−${one(-n)}` : "±0.0");

/** Fills the key picker with the customers (value = key, label = name). */
export function renderWhyKeys(list: HTMLDataListElement, keys: { key: string; name?: string }[]): void {
  clear(list);
  for (const k of keys) {
    const o = el("option");
    o.value = k.key;
    if (k.name) o.label = k.name;
    list.appendChild(o);
  }
}

/** The key a user meant: a key as typed, else the key of a customer of that name. */
export function resolveKey(typed: string, keys: { key: string; name?: string }[]): string {
  const s = typed.trim();
  if (keys.some((k) => k.key === s)) return s;
  return keys.find((k) => k.name === s)?.key ?? s;
}

/** Renders why a customer has its tier: each indicator against the average, the weakest, the next tier. */
export function renderWhy(host: HTMLElement, lang: Lang, why: CustomerWhy | null, typed: string): void {
  clear(host);
  if (!why) {
    if (typed.trim() !== "") host.appendChild(el("p", { className: "muted", text: t(lang, "whyNotFound", { key: typed.trim() }) }));
    return;
  }
  const name = why.name ? `${why.key} ${why.name}` : why.key;
  host.appendChild(
    el("p", { className: "why-title", text: why.score === null ? t(lang, "whyNoScore", { name }) : t(lang, "whyScore", { name, score: one(why.score), tier: tierText(why.tier, lang) }) }),
  );
  const rows = el("ul", { className: "why-rows" });
  for (const r of why.indicators) {
    const meter = el("meter");
    meter.min = 0;
    meter.max = 100;
    meter.optimum = 100;
    meter.value = r.points ?? 0;
    if (r.average !== null) meter.low = r.average;
    const detail = r.points === null ? t(lang, "whyMissing") : t(lang, "whyPoints", { points: one(r.points), average: r.average === null ? "—" : one(r.average) });
    rows.appendChild(
      el("li", { className: "why-row" }, [
        el("span", { className: "why-name", text: r.indicator }),
        el("span", { className: r.vsAverage > 0.05 ? "delta-up" : r.vsAverage < -0.05 ? "delta-down" : "muted", text: t(lang, "whyVsAverage", { delta: signed(r.vsAverage) }) }),
        meter,
        el("span", { className: "muted", text: detail }),
      ]),
    );
  }
  host.appendChild(rows);
  if (why.weakest.length > 0) host.appendChild(el("p", { className: "why-weakest", text: t(lang, "whyWeakest", { list: why.weakest.join(lang === "zh-CN" ? "、" : ", ") }) }));
  if (why.tier === "incomplete") {
    host.appendChild(el("p", { className: "why-next", text: t(lang, "whyIncomplete", { coverage: `${Math.round(why.coverage * 100)}%` }) }));
  } else if (!why.next) {
    host.appendChild(el("p", { className: "why-next", text: why.tier === "A" ? t(lang, "whyTop") : t(lang, "whyNoStep", { tier: "" }) }));
  } else {
    const n = why.next;
    host.appendChild(el("p", { className: "why-next", text: t(lang, n.rule === "line" ? "whyNext" : n.rule === "reach" ? "whyNextReach" : "whyNextPass", { tier: n.tier, score: one(n.scoreNeeded), gap: one(n.gap) }) }));
    if (n.steps.length === 0) host.appendChild(el("p", { className: "muted", text: t(lang, "whyNoStep", { tier: n.tier }) }));
    const steps = el("ul", { className: "why-steps" });
    for (const s of n.steps) steps.appendChild(el("li", { className: "why-step", text: t(lang, s.missing ? "whyStepMissing" : "whyStep", { indicator: s.indicator, add: s.add, tier: n.tier }) }));
    host.appendChild(steps);
  }
}
