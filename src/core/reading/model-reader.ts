import { aliasMatcher, registerFieldMatcher } from "../recognition/alias-matcher";
import { findHeaderRow } from "../recognition/header-row";
import { isBlankRow, isTotalRow } from "../recognition/row-kinds";
import { normalizeHeader } from "../text/normalize-header";
import type { ProblemLog } from "../problems/problem";
import { parseBand, splitEntries } from "../model/bands-text";
import { indicatorSchema, type Indicator, type MapEntry, type ScoringMethod } from "../model/indicator";
import { REGISTER_FIELDS, type RegisterFieldId } from "../register/fields";
import { readNumber } from "../values/number-cell";
import { canonicalCategory } from "./categories";
import { a1, formatAt, kindAt, rawAt, type SheetGrid } from "../workbook/grid";
import { cellDisplay, cellText } from "./cell-text";
import { noteUnreadHeaders } from "./header-notes";

/** Column names of the model sheet. */
export const MODEL_COLUMNS = [
  { id: "indicator", names: ["指标", "分析指标", "指标名称", "Indicator"] },
  { id: "weight", names: ["权重", "指标权重", "Weight"] },
  { id: "max", names: ["满分", "Max Score", "Full Mark"] },
  { id: "direction", names: ["方向", "Direction"] },
  { id: "source", names: ["来源列", "来源", "Source Column", "Source"] },
  { id: "method", names: ["计分方法", "方法", "Method"] },
  { id: "bands", names: ["分档", "分档/映射", "映射", "Bands", "Map"] },
];

/** Sheet names that identify the model. */
export const MODEL_SHEET_NAMES = ["评估模型", "指标权重", "权重设置", "Model", "Weights"];

const modelMatcher = aliasMatcher(MODEL_COLUMNS);

const METHOD_WORDS: Record<string, ScoringMethod> = {
  直接: "direct", direct: "direct", 分档: "bands", bands: "bands", band: "bands",
  比例: "minmax", "min-max": "minmax", minmax: "minmax", 排名: "rank", rank: "rank", percentilerank: "rank",
  百分位: "rank", 映射: "map", map: "map", mapping: "map",
};

const DIRECTION_WORDS: Record<string, Indicator["direction"]> = {
  正向: "positive", positive: "positive", higher: "positive", higherisbetter: "positive",
  反向: "negative", negative: "negative", lower: "negative", lowerisbetter: "negative",
};

/** Where a model row's cells are (A1 addresses on the model sheet), for problems found after reading. */
export interface ModelCells {
  indicator: string;
  weight: string;
  /** The 来源列 cell, when the row names one, and its text as typed. */
  source?: string;
  sourceText?: string;
}

/** The model after reading: indicators with their weights, in sheet order, and where each row is. */
export interface ModelRead {
  sheet: string;
  indicators: Indicator[];
  /** Indicator name → its row's cells. */
  cells: Map<string, ModelCells>;
  /** The 权重 / Weight header cell. */
  weightHeader: string;
  /** Model rows reported and left out (negative or bad weight, bad bands …): still the model's, not unknown. */
  leftOut: string[];
}

function numberAt(grid: SheetGrid, r: number, c: number | undefined) {
  if (c === undefined) return undefined;
  return readNumber(rawAt(grid, r, c), kindAt(grid, r, c), formatAt(grid, r, c));
}

function fieldKind(source: string | undefined) {
  return REGISTER_FIELDS.find((f) => f.id === source)?.kind;
}

/**
 * Reads the model sheet; an indicator with a bad weight or bands is reported and left out, others fall back
 * to defaults. `registerHeaders` lists the register's headers for a 来源列 that names none of them.
 */
export function readModel(grid: SheetGrid, log: ProblemLog, registerHeaders = "—"): ModelRead | null {
  const header = findHeaderRow(grid, modelMatcher);
  if (!header || !header.columns.has("indicator") || !header.columns.has("weight")) {
    log.error("sheet.noHeader", { sheet: grid.name, cell: a1(grid, 0, 0), params: { sheet: grid.name } });
    return null;
  }
  noteUnreadHeaders(grid, header, log);
  const col = (id: string) => header.columns.get(id);
  const indicators: Indicator[] = [];
  const cells = new Map<string, ModelCells>();
  const seen = new Set<string>();
  const named: string[] = [];
  for (let r = header.row + 1; r < grid.values.length; r++) {
    if (isBlankRow(grid, r) || isTotalRow(grid, r)) continue;
    const name = cellText(grid, r, col("indicator")!);
    if (!name) continue;
    const at = (c: number | undefined) => ({ sheet: grid.name, cell: c === undefined ? a1(grid, r, 0) : a1(grid, r, c) });
    const params = (c: number | undefined) => ({ indicator: name, text: c === undefined ? "" : cellDisplay(grid, r, c) });
    if (seen.has(normalizeHeader(name))) {
      log.warning("model.duplicate", { ...at(col("indicator")), params: params(col("indicator")) });
      continue;
    }
    named.push(name);
    const w = numberAt(grid, r, col("weight"));
    if (!w || !w.ok) {
      log.error("model.badWeight", { ...at(col("weight")), params: params(col("weight")) });
      continue;
    }
    const weight = w.percent ? w.value * 100 : w.value;
    if (weight < 0) {
      log.error("model.negativeWeight", { ...at(col("weight")), params: params(col("weight")) });
      continue;
    }
    let maxScore = 100;
    const m = numberAt(grid, r, col("max"));
    if (m && m.ok && m.value > 0) maxScore = m.value;
    else if (m && (m.ok || m.reason !== "missing")) log.warning("model.badMaxScore", { ...at(col("max")), params: params(col("max")) });

    let direction: Indicator["direction"] = "positive";
    const dText = col("direction") === undefined ? "" : cellText(grid, r, col("direction")!);
    if (dText) {
      const d = DIRECTION_WORDS[normalizeHeader(dText)];
      if (d) direction = d;
      else log.warning("model.badDirection", { ...at(col("direction")), params: params(col("direction")) });
    }

    let source: RegisterFieldId | undefined;
    const sText = col("source") === undefined ? "" : cellText(grid, r, col("source")!);
    if (sText) {
      source = registerFieldMatcher(normalizeHeader(sText)) as RegisterFieldId | undefined;
      if (!source) {
        log.error("model.unknownSource", { ...at(col("source")), params: { ...params(col("source")), headers: registerHeaders } });
        continue;
      }
    }

    let method: ScoringMethod = "direct";
    const mText = col("method") === undefined ? "" : cellText(grid, r, col("method")!);
    if (mText) {
      const found = METHOD_WORDS[normalizeHeader(mText)];
      if (found) method = found;
      else log.warning("model.badMethod", { ...at(col("method")), params: params(col("method")) });
    }

    const bText = col("bands") === undefined ? "" : cellText(grid, r, col("bands")!);
    let bands: Indicator["bands"];
    let mapping: MapEntry[] | undefined;
    if (method === "bands" || method === "map") {
      const entries = bText ? splitEntries(bText) : null;
      const readAmount = (t: string) => {
        const n = readNumber(t, "text", "General");
        return n.ok ? n.value : undefined;
      };
      if (entries && method === "bands") {
        const parsed = entries.map((e) => parseBand(e.left, e.points, readAmount));
        if (parsed.every((b) => b !== null)) bands = parsed as NonNullable<Indicator["bands"]>;
      } else if (entries) {
        mapping = entries.map((e) => ({ key: canonicalCategory(fieldKind(source), e.left), points: e.points }));
      }
      if (!bands && !mapping) {
        log.error("model.badBands", { ...at(col("bands")), params: params(col("bands")) });
        continue;
      }
    }
    const parsed = indicatorSchema.safeParse({ name, weight, maxScore, direction, source, method, bands, mapping });
    if (!parsed.success) {
      log.error("model.badWeight", { ...at(col("weight")), params: params(col("weight")) });
      continue;
    }
    seen.add(normalizeHeader(name));
    indicators.push(parsed.data);
    cells.set(parsed.data.name, {
      indicator: a1(grid, r, col("indicator")!), weight: a1(grid, r, col("weight")!),
      source: sText ? a1(grid, r, col("source")!) : undefined, sourceText: sText || undefined,
    });
  }
  const leftOut = named.filter((n) => !cells.has(n));
  return { sheet: grid.name, indicators, cells, weightHeader: a1(grid, header.row, col("weight")!), leftOut };
}
