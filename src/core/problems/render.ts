import type { Lang } from "../i18n/lang";
import { qualifiedAddress } from "../workbook/grid";
import { CORE_MESSAGES } from "./core-messages";
import { DEFAULT_MODEL_EN } from "../model/default-model";
import type { MessageCatalogue, Problem, ProblemParams } from "./problem";

const catalogues: MessageCatalogue[] = [CORE_MESSAGES];

/** Adds a module's messages (the plan tabs register theirs) to the catalogue renderProblem uses. */
export function registerMessages(catalogue: MessageCatalogue): void {
  if (!catalogues.includes(catalogue)) catalogues.push(catalogue);
}

/**
 * Parameters as an English message shows them: an indicator of the default model (日均存款 …) by its English
 * name. Headers, values and users' own names are left as they typed them.
 */
function englishParams(params: ProblemParams): ProblemParams {
  const v = params.indicator;
  const en = typeof v === "string" ? DEFAULT_MODEL_EN[v] : undefined;
  return en === undefined ? params : { ...params, indicator: en };
}

/** The message of a problem in a language, without its location. */
export function renderProblem(p: Problem, lang: Lang): string {
  for (const c of catalogues) {
    const t = c[p.code];
    if (t) return lang === "zh-CN" ? t.zh(p.params ?? {}) : t.en(englishParams(p.params ?? {}));
  }
  // An unknown code is a bug of ours; show the code rather than nothing.
  return p.code;
}

/** Where a problem is, as users read it: 客户状况登记表!F12, or the sheet alone, or "". */
export function problemLocation(p: Problem): string {
  if (p.sheet && p.cell) return qualifiedAddress(p.sheet, p.cell);
  return p.sheet ?? "";
}
