import { registerFieldMatcher } from "../recognition/alias-matcher";
import { normalizeHeader } from "../text/normalize-header";
import { DEFAULT_MODEL, DEFAULT_MODEL_EN } from "../model/default-model";
import type { Indicator } from "../model/indicator";
import type { ProblemLog } from "../problems/problem";
import { registerCell, registerHeaderList, type RegisterRead } from "../reading/register-reader";
import type { ModelRead } from "../reading/model-reader";
import { originOf, type ScoreOrigin, type ScoreTable } from "../reading/score-table";
import { a1 } from "../workbook/grid";
import { REGISTER_FIELDS, type RegisterFieldId } from "../register/fields";
import { canonicalCategory } from "../reading/categories";
import type { RegisterRow } from "../register/register-row";
import { derivedPoints, type DerivedValue } from "../scoring/derived-points";
import { weightsTotalLooksRight } from "../scoring/final-score";
import { normaliseScore } from "../scoring/normalise";
import type { CustomerRef } from "../scoring/score-customers";

/** Chooses the weight of an evaluation indicator given different weights: the most common, first seen on a tie. */
function commonWeight(observed: Map<number, number>): number {
  let best = NaN;
  let count = -1;
  for (const [w, n] of observed) {
    if (n > count) {
      best = w;
      count = n;
    }
  }
  return best;
}

/** The first cell that gave an indicator a weight other than `used` (where a weight conflict shows). */
function conflictOrigin(table: ScoreTable, indicator: string, used: number): ScoreOrigin | undefined {
  for (const w of table.weights.get(indicator)?.keys() ?? []) {
    if (w !== used) return table.weightOrigin(indicator, w);
  }
  return undefined;
}

function reportConflict(table: ScoreTable, indicator: string, used: number, log: ProblemLog): void {
  const observed = table.weights.get(indicator);
  if (!observed || observed.size <= 1) return;
  log.warning("eval.weightConflict", {
    ...conflictOrigin(table, indicator, used),
    params: { indicator, weights: [...observed.keys()].join(" / "), weight: used },
  });
}

/** The model's indicators that can be scored: a 来源列 the register lacks is reported at its cell and left out. */
function modelIndicators(model: ModelRead, table: ScoreTable, register: RegisterRead | null, log: ProblemLog): Indicator[] {
  const inEvaluation = new Set(table.indicators.map(normalizeHeader));
  const indicators: Indicator[] = [];
  for (const ind of model.indicators) {
    const cells = model.cells.get(ind.name);
    if (ind.source && !register?.columns.has(ind.source as RegisterFieldId)) {
      const field = REGISTER_FIELDS.find((f) => f.id === ind.source);
      log.error("model.sourceMissing", {
        sheet: model.sheet, cell: cells?.source ?? cells?.indicator,
        params: {
          indicator: ind.name, column: cells?.sourceText ?? field?.zh[0] ?? String(ind.source),
          headers: registerHeaderList(register),
        },
      });
      continue;
    }
    const fromEval = inEvaluation.has(normalizeHeader(ind.name));
    if (!ind.source && !fromEval) {
      const field = registerFieldMatcher(normalizeHeader(ind.name)) as RegisterFieldId | undefined;
      if (field && register?.columns.has(field)) {
        // The map's keys could only be made canonical once the column, and so its kind, was known.
        const kind = REGISTER_FIELDS.find((f) => f.id === field)?.kind;
        const mapping = ind.mapping?.map((m) => ({ key: canonicalCategory(kind, m.key), points: m.points }));
        indicators.push({ ...ind, source: field, mapping });
        continue;
      }
      log.warning("model.notInEvaluation", { sheet: model.sheet, cell: cells?.indicator, params: { indicator: ind.name } });
    }
    indicators.push(ind);
  }
  for (const ind of model.indicators) reportConflict(table, ind.name, ind.weight, log);
  const inModel = new Set([...model.indicators.map((m) => m.name), ...model.leftOut].map(normalizeHeader));
  for (const name of table.indicators) {
    if (!inModel.has(normalizeHeader(name))) {
      const ref = table.indicatorRefs.get(name);
      log.note("eval.notInModel", { ...(ref ? originOf(ref) : {}), params: { indicator: name } });
    }
  }
  return indicators;
}

/** The evaluation's own indicators, weighted by its weight column or 权重 row (equal weights when it has none). */
function evaluationIndicators(table: ScoreTable, log: ProblemLog): Indicator[] {
  const anyWeights = table.indicators.some((n) => table.weights.has(n));
  if (!anyWeights) {
    const ref = table.indicatorRefs.get(table.indicators[0]);
    log.warning("eval.noWeights", ref ? originOf(ref) : {});
  }
  const out: Indicator[] = [];
  for (const name of table.indicators) {
    const observed = table.weights.get(name);
    let weight = anyWeights ? 0 : 1;
    if (observed) {
      weight = commonWeight(observed);
      reportConflict(table, name, weight, log);
    }
    if (weight < 0) {
      log.error("model.negativeWeight", { ...table.weightOrigin(name, weight), params: { indicator: name, text: String(weight) } });
      continue;
    }
    out.push({ name, weight, maxScore: table.maxScores.get(name) ?? 100, direction: "positive", method: "direct" });
  }
  return out;
}

/**
 * The indicators to score with: the model sheet's; else the evaluation's own (weights from its rows or
 * weight row); else the default model over the register columns that exist. Every problem names its cell.
 */
export function assembleIndicators(
  model: ModelRead | null, table: ScoreTable, register: RegisterRead | null, log: ProblemLog,
): Indicator[] {
  let indicators: Indicator[];
  let totalAt: ScoreOrigin | undefined;
  if (model) {
    indicators = modelIndicators(model, table, register, log);
    totalAt = { sheet: model.sheet, cell: model.weightHeader };
  } else if (table.indicators.length > 0) {
    indicators = evaluationIndicators(table, log);
    // Without any weight in the evaluation every indicator weighs 1: their total says nothing.
    if (!table.indicators.some((n) => table.weights.has(n))) return indicators;
    totalAt = table.weightHeader ? originOf(table.weightHeader) : undefined;
  } else {
    const used = DEFAULT_MODEL.filter((d) => register?.columns.has(d.source));
    indicators = used;
    const first = used[0] ? register?.columns.get(used[0].source) : undefined;
    log.note("model.default", {
      sheet: register?.sheet,
      cell: register && first ? a1(register.grid, register.headerRow, first.col) : undefined,
      params: {
        indicators: indicators.map((i) => i.name).join("、"),
        indicatorsEn: indicators.map((i) => DEFAULT_MODEL_EN[i.name] ?? i.name).join(", "),
      },
    });
    // The default model's weights total 100; over a subset of columns they are used in proportion by design.
    return indicators;
  }
  if (indicators.length > 0 && !weightsTotalLooksRight(indicators.map((i) => i.weight))) {
    const total = indicators.reduce((a, i) => a + i.weight, 0);
    log.warning("weights.total", { ...totalAt, params: { total: Number(total.toPrecision(6)) } });
  }
  return indicators;
}

/** A register value as a derived indicator reads it: numbers, or canonical categories ("yes", "high"). */
function registerValue(row: RegisterRow | undefined, field: string): DerivedValue {
  const v = row?.[field as keyof RegisterRow];
  if (v === undefined) return undefined;
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return v;
  // Same normal form as the map's keys (canonicalCategory), so free-text categories match too.
  return normalizeHeader(String(v)) || undefined;
}

/**
 * nᵢ of every customer for every indicator (NaN = missing). Scores outside 0–M are reported at their
 * cell and left out; derived values that fit no band or map entry likewise.
 */
export function pointsMatrix(
  indicators: Indicator[], customers: CustomerRef[], table: ScoreTable, register: RegisterRead | null, log: ProblemLog,
): Float64Array[] {
  const evalIndex = new Map(table.indicators.map((n, i) => [normalizeHeader(n), i]));
  const matrix: Float64Array[] = indicators.map(() => new Float64Array(customers.length).fill(NaN));
  // Evaluation scores: one lookup per customer, then a pass over its indicators.
  const evalCols = indicators.map((ind) => (ind.source ? undefined : evalIndex.get(normalizeHeader(ind.name))));
  for (let k = 0; k < customers.length; k++) {
    const c = customers[k];
    const row = table.rowOf(c.key, c.register?.row);
    if (row === undefined) continue;
    for (let j = 0; j < indicators.length; j++) {
      const i = evalCols[j];
      if (i === undefined) continue;
      const s = table.score(row, i);
      if (Number.isNaN(s)) continue;
      const ind = indicators[j];
      if (s < 0 || s > ind.maxScore) {
        const origin = table.originOf(c.key, i);
        log.warning("eval.scoreOutOfRange", { ...origin, key: c.key, params: { indicator: ind.name, text: s, max: ind.maxScore } });
        continue;
      }
      matrix[j][k] = normaliseScore(s, ind.maxScore, ind.direction);
    }
  }
  indicators.forEach((ind, j) => {
    if (!ind.source) return;
    const values = customers.map((c) => registerValue(c.register, ind.source!));
    const { points, misses } = derivedPoints(ind, values);
    for (const miss of misses) {
      const c = customers[miss.customer];
      log.warning(`derived.${miss.reason}`, {
        sheet: c.register?.sheet,
        cell: register && c.register ? registerCell(register, c.register, ind.source as RegisterFieldId) : undefined,
        key: c.key,
        params: { indicator: ind.name, text: String(values[miss.customer]), max: ind.maxScore },
      });
    }
    matrix[j] = points;
  });
  return matrix;
}
