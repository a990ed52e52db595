import type { Lang } from "../core/i18n/lang";
import type { JobSummary } from "../core/job/job-types";
import { checkParams, type WhatIfParams, type WhatIfResult } from "../core/whatif/what-if";
import { clear, el } from "./dom";
import { t, type TextKey } from "./i18n";
import { chips, TIER_KEYS, tierText, VERDICT_KEYS } from "./render-result";

const LINES = ["A", "B", "C"] as const;

function numberField(label: string, value: number, id: string): { field: HTMLElement; input: HTMLInputElement } {
  const input = el("input", { type: "number" });
  input.id = id;
  input.step = "any";
  input.inputMode = "decimal";
  input.value = String(Math.round(value * 1000) / 1000);
  const lab = el("label", { text: label });
  lab.htmlFor = id;
  return { field: el("div", { className: "whatif-field" }, [lab, input]), input };
}

/**
 * Renders the what-if form for these values: a field per indicator weight, the tier mode with its lines
 * or quotas, and the verdict lines. Every edit calls `onChange` with the values as typed, or shows why
 * they cannot be used. `onReset` puts the workbook's values back.
 */
export function renderWhatIfForm(host: HTMLElement, lang: Lang, p: WhatIfParams, onChange: (p: WhatIfParams) => void, onReset: () => void, errorsHost: HTMLElement): void {
  clear(host);
  const weights = Object.keys(p.weights).map((name, i) => ({ name, ...numberField(name, p.weights[name], `wi-weight-${i}`) }));
  host.appendChild(el("h3", { text: t(lang, "weightsHeading2") }));
  host.appendChild(el("div", { className: "whatif-grid" }, weights.map((w) => w.field)));

  host.appendChild(el("h3", { text: t(lang, "tierLinesHeading") }));
  const mode = el("select");
  mode.id = "wi-mode";
  for (const m of ["thresholds", "quotas"] as const) {
    const o = el("option", { text: t(lang, `tierMode_${m}` as TextKey) });
    o.value = m;
    mode.appendChild(o);
  }
  mode.value = p.tierMode;
  const modeLabel = el("label", { text: t(lang, "tierModeLabel") });
  modeLabel.htmlFor = "wi-mode";
  const lines = LINES.map((k) => numberField(t(lang, "lineLabel", { tier: k }), p.thresholds[k], `wi-line-${k}`));
  const quotas = LINES.map((k) => numberField(t(lang, "quotaLabel", { tier: k }), p.quotas[k] * 100, `wi-quota-${k}`));
  const lineGrid = el("div", { className: "whatif-grid" }, lines.map((x) => x.field));
  const quotaGrid = el("div", { className: "whatif-grid" }, quotas.map((x) => x.field));
  host.appendChild(el("div", { className: "whatif-grid" }, [el("div", { className: "whatif-field" }, [modeLabel, mode])]));
  host.appendChild(lineGrid);
  host.appendChild(quotaGrid);

  host.appendChild(el("h3", { text: t(lang, "verdictLinesHeading") }));
  const maintain = numberField(t(lang, "maintainFrom"), p.maintainFrom, "wi-maintain");
  const end = numberField(t(lang, "endBelow"), p.endBelow, "wi-end");
  host.appendChild(el("div", { className: "whatif-grid" }, [maintain.field, end.field]));
  const reset = el("button", { className: "button secondary", type: "button", text: t(lang, "resetValues") });
  reset.id = "wi-reset";
  reset.addEventListener("click", onReset);
  host.appendChild(el("div", { className: "actions" }, [reset]));

  const showMode = (): void => {
    lineGrid.hidden = mode.value !== "thresholds";
    quotaGrid.hidden = mode.value !== "quotas";
  };
  showMode();
  const num = (i: HTMLInputElement): number => (i.value.trim() === "" ? NaN : Number(i.value));
  const changed = (): void => {
    showMode();
    const next: WhatIfParams = {
      weights: Object.fromEntries(weights.map((w) => [w.name, num(w.input)])),
      tierMode: mode.value === "quotas" ? "quotas" : "thresholds",
      thresholds: { A: num(lines[0].input), B: num(lines[1].input), C: num(lines[2].input) },
      quotas: { A: num(quotas[0].input) / 100, B: num(quotas[1].input) / 100, C: num(quotas[2].input) / 100 },
      maintainFrom: num(maintain.input),
      endBelow: num(end.input),
    };
    const errors = checkParams(next).filter((e) => (next.tierMode === "quotas" ? e !== "whatif.lines" : e !== "whatif.quotas"));
    clear(errorsHost);
    for (const e of errors) errorsHost.appendChild(el("p", { className: "whatif-errors", text: t(lang, e) }));
    if (errors.length === 0) onChange(next);
  };
  for (const i of [...weights.map((w) => w.input), ...lines.map((x) => x.input), ...quotas.map((x) => x.input), maintain.input, end.input]) i.addEventListener("input", changed);
  mode.addEventListener("change", changed);
}

/** Renders a what-if's counts (with the change from the workbook's own values) and who would move. */
export function renderWhatIfResult(host: HTMLElement, lang: Lang, r: WhatIfResult, baseline: Pick<JobSummary, "byTier" | "byVerdict">, ms: number): void {
  clear(host);
  host.appendChild(chips(TIER_KEYS, (k) => `tier-${k}`, (k) => tierText(k, lang), r.byTier, baseline.byTier));
  host.appendChild(chips(VERDICT_KEYS, (k) => `verdict-${k}`, (k) => t(lang, `verdict_${k}`), r.byVerdict, baseline.byVerdict));
  host.appendChild(el("p", { className: "whatif-movers", text: t(lang, r.against === "outputs" ? "whatifAgainstOutputs" : "whatifAgainstSettings", { n: r.moverCount }) }));
  if (r.movers.length > 0) {
    const list = el("ul", { className: "movers" });
    for (const m of r.movers.slice(0, 10)) {
      list.appendChild(
        el("li", {}, [
          el("span", { className: "mover-key", text: m.key }),
          el("span", { className: "mover-name", text: m.name ?? "" }),
          el("span", { className: `mover-move ${TIER_RANK[m.to] > TIER_RANK[m.from] ? "delta-up" : "delta-down"}`, text: `${tierText(m.from, lang)} → ${tierText(m.to, lang)}` }),
        ]),
      );
    }
    if (r.moverCount > 10) list.appendChild(el("li", { className: "muted", text: t(lang, "whatifMoversMore", { n: r.moverCount - 10 }) }));
    host.appendChild(list);
  }
  host.appendChild(el("p", { className: "muted", text: t(lang, "whatifTime", { ms }) }));
}

const TIER_RANK = { A: 4, B: 3, C: 2, D: 1, incomplete: 0 } as const;
