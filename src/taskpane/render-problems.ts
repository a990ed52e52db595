import type { Lang } from "../core/i18n/lang";
import type { Problem } from "../core/problems/problem";
import { renderProblem } from "../core/problems/render";
import { qualifiedAddress } from "../core/workbook/grid";
import { clear, el } from "./dom";
import { t } from "./i18n";

/** How many problems the pane lists; the rest are on the Data Problems tab. */
export const PROBLEMS_SHOWN = 200;

/** Renders the problems, each with its address; a problem with a cell is a button that selects it. */
export function renderProblems(host: HTMLElement, lang: Lang, problems: Problem[], onSelect: (sheet: string, cell: string) => void): void {
  clear(host);
  if (problems.length === 0) {
    host.appendChild(el("li", { className: "hint", text: t(lang, "noProblems") }));
    return;
  }
  for (const p of problems.slice(0, PROBLEMS_SHOWN)) {
    const where = p.sheet ? (p.cell ? qualifiedAddress(p.sheet, p.cell) : p.sheet) : "";
    const body = [
      el("span", { className: `level level-${p.level}`, text: t(lang, `level_${p.level}`) }),
      el("span", { className: "address", text: where }),
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
  if (problems.length > PROBLEMS_SHOWN) host.appendChild(el("li", { className: "hint", text: t(lang, "problemsMore", { n: problems.length - PROBLEMS_SHOWN }) }));
}
