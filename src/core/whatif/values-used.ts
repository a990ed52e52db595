import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { Indicator } from "../model/indicator";
import type { PlanValue } from "../output-tabs/write-plan";
import type { Settings } from "../settings/settings";

/** The weights and lines a run used, and whether they were tried in the pane or read from the workbook. */
export interface ValuesUsed {
  settings: Settings;
  indicators: Indicator[];
  fromPane: boolean;
}

const b = (zh: string, en: string): Bilingual => ({ zh, en });
const SECTION = b("本次参数", "Values used");
const SOURCE = { pane: b("任务窗格试算后采用", "tried in the task pane and used"), workbook: b("取自工作簿的模型与设置", "from the workbook's model and settings") };

/**
 * KPI rows recording the values a run used (weights, tier lines or quotas, verdict lines), so a result can
 * always be traced to them. Columns: section, figure, count, share, value, definition.
 */
export function valuesUsedRows(used: ValuesUsed, lang: Lang): Record<string, PlanValue>[] {
  const p = (x: Bilingual) => pick(x, lang);
  const source = p(used.fromPane ? SOURCE.pane : SOURCE.workbook);
  const section = p(SECTION);
  const total = used.indicators.reduce((s, i) => s + Math.max(0, i.weight), 0);
  const rows: Record<string, PlanValue>[] = used.indicators.map((i) => ({
    section, figure: `${p(b("权重", "Weight"))} · ${i.name}`, share: total > 0 ? i.weight / total : null, value: i.weight, definition: source,
  }));
  const s = used.settings;
  if (s.tierMode === "thresholds") {
    for (const t of ["A", "B", "C"] as const) rows.push({ section, figure: p(b(`${t}级分数线`, `${t} line`)), value: s.thresholds[t], definition: source });
  } else {
    for (const t of ["A", "B", "C"] as const) rows.push({ section, figure: p(b(`${t}级比例`, `${t} share`)), share: s.quotas[t], definition: source });
  }
  rows.push({ section, figure: p(b("维持关系分数线", "Maintain from")), value: s.maintainFrom, definition: source });
  rows.push({ section, figure: p(b("终止关系分数线", "End below")), value: s.endBelow, definition: source });
  return rows;
}

/** The run log's record of the values a run used: where they came from, the weights, the tier and verdict lines. */
export interface RunLogValues {
  valuesFrom: string | null;
  weights: string | null;
  tierLines: string | null;
  verdictLines: string | null;
}

const RUN_LOG_SOURCE = { pane: b("任务窗格试算", "tried in the task pane"), workbook: b("模型与设置", "model and settings") };

/** Up to 4 decimals, no trailing zeros: a weight or line as the user would type it. */
const plain = (n: number): string => String(Math.round(n * 1e4) / 1e4);

/** The values a run used as the run log's text cells (`合作深度 30; 满意度 25`, `A 85 / B 70 / C 55`, `维持 ≥ 70; 终止 < 40`). */
export function runLogValues(used: ValuesUsed, lang: Lang): RunLogValues {
  const p = (x: Bilingual) => pick(x, lang);
  const s = used.settings;
  const lines = s.tierMode === "thresholds"
    ? `${p(b("分数线", "lines"))} ${(["A", "B", "C"] as const).map((t) => `${t} ${plain(s.thresholds[t])}`).join(" / ")}`
    : `${p(b("比例", "shares"))} ${(["A", "B", "C"] as const).map((t) => `${t} ${plain(s.quotas[t] * 100)}%`).join(" / ")}`;
  return {
    valuesFrom: p(used.fromPane ? RUN_LOG_SOURCE.pane : RUN_LOG_SOURCE.workbook),
    weights: used.indicators.map((i) => `${i.name} ${plain(i.weight)}`).join("; "),
    tierLines: lines,
    verdictLines: `${p(b("维持", "maintain"))} ≥ ${plain(s.maintainFrom)}; ${p(b("终止", "end"))} < ${plain(s.endBelow)}`,
  };
}
