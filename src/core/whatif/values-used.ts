import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { Indicator } from "../model/indicator";
import type { PlanValue } from "../plan/write-plan";
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
