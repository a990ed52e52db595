import type { Lang } from "../core/i18n/lang";
import type { Problem } from "../core/problems/problem";
import { renderProblem } from "../core/problems/render";
import { sortProblems } from "../core/output-tabs/problems-tab";
import { qualifiedAddress } from "../core/workbook/grid";
import { clear, el } from "./dom";
import { t } from "./i18n";

/** How many problems the pane lists; the rest are on the Data Problems tab. */
export const PROBLEMS_SHOWN = 200;

/** A problem's address as users read it: `客户状况登记表!D7`, the sheet alone, or nothing. */
export function problemAddress(p: Problem): string {
  return p.sheet ? (p.cell ? qualifiedAddress(p.sheet, p.cell) : p.sheet) : "";
}

/**
 * Renders the problems, errors first then by sheet and cell: level and address on one line (the address
 * wraps), the message below it at the card's width. A problem with a cell is a button that selects it.
 */
export function renderProblems(host: HTMLElement, lang: Lang, problems: Problem[], onSelect: (sheet: string, cell: string) => void, total = problems.length): void {
  clear(host);
  if (problems.length === 0) {
    host.appendChild(el("li", { className: "hint", text: t(lang, "noProblems") }));
    return;
  }
  const sorted = sortProblems(problems);
  for (const p of sorted.slice(0, PROBLEMS_SHOWN)) {
    const body = [
      el("span", { className: `level level-${p.level}`, text: t(lang, `level_${p.level}`) }),
      el("span", { className: "address", text: problemAddress(p) }),
      el("span", { className: "problem-text", text: renderProblem(p, lang) }),
    ];
    if (p.sheet && p.cell) {
      const sheet = p.sheet;
      const cell = p.cell;
      const button = el("button", { className: "problem", title: t(lang, "clickToSelect"), type: "button" }, body);
      button.addEventListener("click", () => onSelect(sheet, cell));
      host.appendChild(el("li", {}, [button]));
    } else {
      host.appendChild(el("li", {}, [el("div", { className: "problem" }, body)]));
    }
  }
  const shown = Math.min(sorted.length, PROBLEMS_SHOWN);
  if (total > shown) host.appendChild(el("li", { className: "hint", text: t(lang, "problemsMore", { n: total - shown }) }));
}
