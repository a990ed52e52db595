import type { Lang } from "../core/i18n/lang";
import { tierLabel, verdictLabel } from "../core/i18n/labels";
import type { FoundSheet, JobSummary } from "../core/job/job-types";
import type { CarrySummary } from "../core/output-tabs/write-plan";
import type { Problem } from "../core/problems/problem";
import { levelWord } from "../core/problems/problem";
import { problemLocation, renderProblem } from "../core/problems/render";
import type { TierOrIncomplete, Verdict } from "../core/scoring/scored-customer";
import { text, type TextKey } from "./messages";

const TIER_ORDER: TierOrIncomplete[] = ["A", "B", "C", "D", "incomplete"];
const VERDICT_ORDER: Verdict[] = ["maintain", "improve", "end"];
const ROLE_KEYS: Record<FoundSheet["role"], TextKey> = {
  register: "roleRegister",
  evaluation: "roleEvaluation",
  model: "roleModel",
  settings: "roleSettings",
};
const LAYOUT_KEYS: Record<NonNullable<FoundSheet["layout"]>, TextKey> = { long: "layoutLong", wide: "layoutWide", form: "layoutForm" };
/** How many problems the terminal shows before pointing to the Data Problems tab. */
const SHOWN_PROBLEMS = 8;

function sheetList(sheets: FoundSheet[], lang: Lang): string {
  const sep = lang === "zh-CN" ? "、" : ", ";
  return sheets
    .map((s) => {
      const what = text(ROLE_KEYS[s.role], lang) + (s.layout ? (lang === "zh-CN" ? "，" : ", ") + text(LAYOUT_KEYS[s.layout], lang) : "");
      return lang === "zh-CN" ? `${s.name}（${what}）` : `${s.name} (${what})`;
    })
    .join(sep);
}

/** The short summary printed after a run: customers by tier and verdict, problems (worst first), the output. */
export function summaryText(input: string, output: string, summary: JobSummary, problems: Problem[], carried: boolean | CarrySummary): string {
  const lang = summary.lang;
  const sep = lang === "zh-CN" ? " · " : " · ";
  const lines = [
    text("title", lang, { file: input }),
    text("asOf", lang, { date: summary.asOf, n: summary.customers }),
  ];
  if (summary.sheets.length) lines.push(text("sheets", lang, { list: sheetList(summary.sheets, lang) }));
  lines.push(text("tiers", lang, { list: TIER_ORDER.map((t) => `${tierLabel(t, lang)} ${summary.byTier[t] ?? 0}`).join(sep) }));
  lines.push(text("verdicts", lang, { list: VERDICT_ORDER.map((v) => `${verdictLabel(v, lang)} ${summary.byVerdict[v] ?? 0}`).join(sep) }));
  lines.push(text("problems", lang, summary.problems));
  const rank = { error: 0, warning: 1, note: 2 } as const;
  const shown = [...problems].sort((a, b) => rank[a.level] - rank[b.level]).slice(0, SHOWN_PROBLEMS);
  for (const p of shown) {
    const where = problemLocation(p);
    lines.push(`  [${levelWord(p.level, lang)}] ${where ? where + " " : ""}${renderProblem(p, lang)}`);
  }
  if (problems.length > shown.length) lines.push(text("moreProblems", lang, { n: problems.length - shown.length }));
  lines.push(text("output", lang, { file: output }) + (carried === true ? " " + text("kept", lang) : ""));
  // What exactly was carried over, by kind, so nothing is claimed that was not done.
  if (carried && carried !== true) lines.push(text("carried", lang, { ...carried }));
  return lines.join("\n");
}
