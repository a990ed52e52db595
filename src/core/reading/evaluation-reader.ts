import { normalizeHeader } from "../text/normalize-header";
import { findHeaderRow, type HeaderRow } from "../recognition/header-row";
import { isBlankRow, isTotalRow } from "../recognition/row-kinds";
import type { ProblemLog } from "../problems/problem";
import { plainNumber, readNumber } from "../values/number-cell";
import { a1, formatAt, kindAt, rawAt, type SheetGrid } from "../workbook/grid";
import { cellDisplay, cellText } from "./cell-text";
import type { KeyResolver } from "./customer-keys";
import { noteUnreadHeaders } from "./header-notes";
import {
  evaluationColumnMatcher, evaluationTableMatcher, FORM_FOOTER_LABELS, FORM_TOTAL_LABELS, WEIGHT_ROW_LABELS,
} from "./evaluation-headers";
import type { ScoreTable } from "./score-table";

export type EvaluationLayout = "long" | "wide" | "form";

/** What the evaluation readers share. */
export interface EvaluationContext {
  resolver: KeyResolver;
  table: ScoreTable;
  log: ProblemLog;
  /** Normalised indicator name → the model's name, when there is a model sheet. */
  modelNames?: Map<string, string>;
}

/**
 * The header of an indicator table (分析指标 + 指标得分 …) with every evaluation column on that row (the
 * customer columns too); null when none. `unmatched`/`duplicates` keep what is not read.
 */
function tableHeader(grid: SheetGrid): HeaderRow | null {
  const h = findHeaderRow(grid, evaluationTableMatcher);
  if (!h || !h.columns.has("indicator") || !h.columns.has("score")) return null;
  const columns = new Map(h.columns);
  const unmatched: HeaderRow["unmatched"] = [];
  const duplicates = [...h.duplicates];
  for (const { col, text } of h.unmatched) {
    const id = evaluationColumnMatcher(normalizeHeader(text));
    if (!id) unmatched.push({ col, text });
    else if (columns.has(id)) duplicates.push({ col, text, field: id });
    else columns.set(id, col);
  }
  return { ...h, columns, unmatched, duplicates };
}

/** Which layout a sheet holds, from its header row; null when it is no evaluation. */
export function detectLayout(grid: SheetGrid): EvaluationLayout | null {
  const header = tableHeader(grid);
  if (header) return header.columns.has("id") || header.columns.has("name") ? "long" : "form";
  const keyHeader = findHeaderRow(grid, evaluationColumnMatcher, { minMatches: 1 });
  if (keyHeader && (keyHeader.columns.has("id") || keyHeader.columns.has("name")) && keyHeader.unmatched.length > 0) return "wide";
  return null;
}

/** Reads an evaluation sheet in whichever layout it has into the score table. */
export function readEvaluation(grid: SheetGrid, ctx: EvaluationContext): EvaluationLayout | null {
  const layout = detectLayout(grid);
  if (layout === "long") readLong(grid, ctx);
  else if (layout === "form") readForm(grid, ctx);
  else if (layout === "wide") readWide(grid, ctx);
  else ctx.log.error("sheet.noHeader", { sheet: grid.name, cell: a1(grid, 0, 0), params: { sheet: grid.name } });
  return layout;
}

const nameCache = new WeakMap<EvaluationContext, Map<string, string>>();

/** The model's name for an evaluation indicator (so 满意度 and 满意度： are one indicator); cached per run. */
function indicatorName(text: string, ctx: EvaluationContext): string {
  if (!ctx.modelNames) return text;
  let cache = nameCache.get(ctx);
  if (!cache) nameCache.set(ctx, (cache = new Map()));
  let name = cache.get(text);
  if (name === undefined) {
    name = ctx.modelNames.get(normalizeHeader(text)) ?? text;
    cache.set(text, name);
  }
  return name;
}

/** Reads a score cell; reports excel errors and text that is no number; undefined when missing or bad. */
function scoreAt(grid: SheetGrid, r: number, c: number, indicator: string, key: string | undefined, ctx: EvaluationContext): number | undefined {
  const raw = rawAt(grid, r, c);
  const kind = kindAt(grid, r, c);
  const format = formatAt(grid, r, c);
  const plain = plainNumber(raw, kind, format);
  if (plain !== undefined) return plain;
  const n = readNumber(raw, kind, format);
  if (n.ok) return n.percent ? n.value * 100 : n.value;
  if (n.reason === "missing") return undefined;
  ctx.log.warning(n.reason === "excelError" ? "eval.excelError" : "eval.notNumber", {
    sheet: grid.name, cell: a1(grid, r, c), key, params: { indicator, text: cellDisplay(grid, r, c) },
  });
  return undefined;
}

/** A weight cell as a number (30%, 0.3 and 30 as typed: percent cells count as points of 100). */
function weightAt(grid: SheetGrid, r: number, c: number): number | undefined {
  const n = readNumber(rawAt(grid, r, c), kindAt(grid, r, c), formatAt(grid, r, c));
  return n.ok ? (n.percent ? n.value * 100 : n.value) : undefined;
}

/** Notes the weight and full mark a long or form row gives its indicator (the first full mark stands). */
function recordWeightAndMax(grid: SheetGrid, r: number, wCol: number | undefined, mCol: number | undefined, indicator: string, ctx: EvaluationContext): void {
  const w = wCol === undefined ? undefined : weightAt(grid, r, wCol);
  if (w !== undefined) ctx.table.addWeight(indicator, w, { grid, row: r, col: wCol! });
  const m = mCol === undefined ? undefined : weightAt(grid, r, mCol);
  if (m !== undefined && m > 0 && !ctx.table.maxScores.has(indicator)) ctx.table.maxScores.set(indicator, m);
}

function keyOf(grid: SheetGrid, r: number, idCol: number | undefined, nameCol: number | undefined, ctx: EvaluationContext) {
  const id = idCol === undefined ? undefined : cellText(grid, r, idCol) || undefined;
  const name = nameCol === undefined ? undefined : cellText(grid, r, nameCol) || undefined;
  return { id, name, key: ctx.resolver.resolve(id, name) };
}

/** Long layout: one row per customer and indicator. */
function readLong(grid: SheetGrid, ctx: EvaluationContext): void {
  const header = tableHeader(grid)!;
  noteUnreadHeaders(grid, header, ctx.log);
  const col = (id: string) => header.columns.get(id);
  const [idCol, nameCol, indCol, wCol, sCol, mCol] = ["id", "name", "indicator", "weight", "score", "max"].map(col);
  if (wCol !== undefined) ctx.table.weightHeader ??= { grid, row: header.row, col: wCol };
  for (let r = header.row + 1; r < grid.values.length; r++) {
    if (isBlankRow(grid, r) || isTotalRow(grid, r)) continue;
    const { id, name, key } = keyOf(grid, r, idCol, nameCol, ctx);
    // A customer is located at its key cell (the id, else the name), as in the register.
    const origin = { grid, row: r, col: idCol ?? nameCol ?? 0 };
    if (!key) {
      ctx.log.error("eval.noCustomer", { sheet: grid.name, cell: a1(grid, r, idCol ?? nameCol ?? 0) });
      continue;
    }
    const indText = cellText(grid, r, indCol!);
    if (!indText) {
      if (kindAt(grid, r, sCol!) !== "empty") ctx.log.warning("eval.noIndicator", { sheet: grid.name, cell: a1(grid, r, indCol!), key });
      continue;
    }
    const indicator = indicatorName(indText, ctx);
    ctx.table.addCustomer(key, id, name, origin);
    recordWeightAndMax(grid, r, wCol, mCol, indicator, ctx);
    ctx.table.indicatorIndex(indicator, { grid, row: r, col: indCol! });
    const s = scoreAt(grid, r, sCol!, indicator, key, ctx);
    if (s !== undefined) ctx.table.addScore({ key, id, name, indicator, score: s }, { grid, row: r, col: sCol! }, ctx.log);
  }
}

/** Wide layout: one row per customer, one column per indicator; weights from the model or a 权重 row. */
function readWide(grid: SheetGrid, ctx: EvaluationContext): void {
  const header = findHeaderRow(grid, evaluationColumnMatcher, { minMatches: 1 })!;
  // Every unmatched header is an indicator here; known evaluation words other than the keys are not read.
  noteUnreadHeaders(grid, header, ctx.log, { unknown: false });
  for (const [field, col] of header.columns) {
    if (field !== "id" && field !== "name") {
      ctx.log.note("header.unknown", { sheet: grid.name, cell: a1(grid, header.row, col), params: { text: header.texts.get(col) ?? "" } });
    }
  }
  const idCol = header.columns.get("id");
  const nameCol = header.columns.get("name");
  const labelCol = idCol ?? nameCol!;
  const indicatorCols: { col: number; name: string }[] = [];
  for (const { col, text } of header.unmatched) {
    const name = indicatorName(text.trim(), ctx);
    if (ctx.modelNames && !ctx.modelNames.has(normalizeHeader(name))) {
      ctx.log.note("eval.notInModel", { sheet: grid.name, cell: a1(grid, header.row, col), params: { indicator: name } });
      continue;
    }
    indicatorCols.push({ col, name });
    ctx.table.indicatorIndex(name, { grid, row: header.row, col });
  }
  const indicatorNames = indicatorCols.map((ic) => ic.name);
  const indicatorColumns = indicatorCols.map((ic) => ic.col);
  let first = header.row + 1;
  while (first < grid.values.length && isBlankRow(grid, first)) first++;
  const labelAt = (grid.values[first] ?? []).findIndex((_, c) => cellText(grid, first, c) !== "");
  const firstText = labelAt < 0 ? "" : cellText(grid, first, labelAt);
  if (first < grid.values.length && WEIGHT_ROW_LABELS.includes(normalizeHeader(firstText))) {
    ctx.table.weightHeader ??= { grid, row: first, col: labelAt };
    for (const { col, name } of indicatorCols) {
      const w = weightAt(grid, first, col);
      if (w !== undefined) ctx.table.addWeight(name, w, { grid, row: first, col });
    }
    first++;
  }
  // One scores array for every row: the table copies the scores it keeps.
  const scores: (number | null)[] = indicatorCols.map(() => null);
  for (let r = first; r < grid.values.length; r++) {
    if (isBlankRow(grid, r) || isTotalRow(grid, r)) continue;
    const id = idCol === undefined ? undefined : cellText(grid, r, idCol) || undefined;
    const name = nameCol === undefined ? undefined : cellText(grid, r, nameCol) || undefined;
    const key = ctx.resolver.resolve(id, name);
    if (!key) {
      ctx.log.error("eval.noCustomer", { sheet: grid.name, cell: a1(grid, r, labelCol) });
      continue;
    }
    const at = { grid, row: r, col: labelCol };
    ctx.table.addCustomer(key, id, name, at);
    for (let k = 0; k < indicatorCols.length; k++) scores[k] = scoreAt(grid, r, indicatorColumns[k], indicatorNames[k], key, ctx) ?? null;
    ctx.table.addWideRow({ key, id, name, scores }, indicatorNames, indicatorColumns, at, ctx.log);
  }
}

const FORM_LABELS = {
  name: ["客户名称", "客户", "customername", "customer"],
  id: ["客户编号", "编号", "客户代码", "customerid", "id"],
};

/** A form's 客户名称 / 编号 value and the cell holding it. */
interface FormValue {
  text: string;
  row: number;
  col: number;
}

/** The value labelled 客户名称 / 编号 above a form's table: in the same cell after a colon, or the next cell right. */
function formLabel(grid: SheetGrid, headerRow: number, labels: string[]): FormValue | undefined {
  for (let r = 0; r < headerRow; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(grid, r, c);
      if (!text) continue;
      const m = /^(.+?)[:：](.*)$/.exec(text);
      const label = normalizeHeader(m ? m[1] : text);
      if (!labels.includes(label)) continue;
      const inline = m?.[2].trim();
      if (inline) return { text: inline, row: r, col: c };
      for (let k = c + 1; k < row.length; k++) {
        const v = cellText(grid, r, k);
        if (v) return { text: v, row: r, col: k };
      }
    }
  }
  return undefined;
}

const FORM_END_LABELS = new Set([...FORM_TOTAL_LABELS, ...FORM_FOOTER_LABELS].map(normalizeHeader));

/** True when a form's row is its 合计 / 最终得分 row or a footer row (评估结果, 建议, 评估日期, 签字 …). */
function isFormFooter(grid: SheetGrid, r: number): boolean {
  if (isTotalRow(grid, r)) return true;
  const firstText = (grid.values[r] ?? []).map((_, c) => cellText(grid, r, c)).find((t) => t !== "") ?? "";
  // "评估日期：2026-11-01" and "评估人：张三" carry their value after a colon in the same cell.
  const label = normalizeHeader(firstText.split(/[:：]/)[0]);
  return FORM_END_LABELS.has(label);
}

/** Form layout: one tab per customer, a 客户名称 label above an indicator table; 合计 / 最终得分 rows ignored. */
function readForm(grid: SheetGrid, ctx: EvaluationContext): void {
  const header = tableHeader(grid)!;
  noteUnreadHeaders(grid, header, ctx.log);
  const nameAt = formLabel(grid, header.row, FORM_LABELS.name);
  const idAt = formLabel(grid, header.row, FORM_LABELS.id);
  const name = nameAt?.text;
  const id = idAt?.text;
  const key = ctx.resolver.resolve(id, name);
  if (!key) {
    ctx.log.error("eval.formNoCustomer", { sheet: grid.name, cell: a1(grid, header.row, 0), params: { sheet: grid.name } });
    return;
  }
  const indCol = header.columns.get("indicator")!;
  const wCol = header.columns.get("weight");
  const sCol = header.columns.get("score")!;
  const mCol = header.columns.get("max");
  if (wCol !== undefined) ctx.table.weightHeader ??= { grid, row: header.row, col: wCol };
  // The form's customer is located at the cell holding its key (编号, else 客户名称).
  const keyAt = (idAt && key === id ? idAt : nameAt) ?? idAt!;
  ctx.table.addCustomer(key, id, name, { grid, row: keyAt.row, col: keyAt.col });
  for (let r = header.row + 1; r < grid.values.length; r++) {
    if (isBlankRow(grid, r)) continue;
    // The 合计 / 最终得分 rows end the table: what follows (评估结果, 建议, 评估日期, signatures) is the footer.
    if (isFormFooter(grid, r)) break;
    const indText = cellText(grid, r, indCol);
    if (!indText) continue;
    const indicator = indicatorName(indText, ctx);
    ctx.table.indicatorIndex(indicator, { grid, row: r, col: indCol });
    recordWeightAndMax(grid, r, wCol, mCol, indicator, ctx);
    const s = scoreAt(grid, r, sCol, indicator, key, ctx);
    if (s !== undefined) ctx.table.addScore({ key, id, name, indicator, score: s }, { grid, row: r, col: sCol }, ctx.log);
  }
}
