import { registerFieldMatcher } from "../recognition/alias-matcher";
import { normalizeHeader } from "../text/normalize-header";
import { DEFAULT_MODEL } from "../model/default-model";
import type { Indicator } from "../model/indicator";
import type { ProblemLog } from "../problems/problem";
import { registerCell, type RegisterRead } from "../reading/register-reader";
import type { ScoreTable } from "../reading/score-table";
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

/**
 * The indicators to score with: the model sheet's; else the evaluation's own (weights from its rows or
 * weight row); else the default model over the register columns that exist.
 */
export function assembleIndicators(
  model: Indicator[] | null, table: ScoreTable, register: RegisterRead | null, log: ProblemLog, modelSheet?: string,
): Indicator[] {
  let indicators: Indicator[];
  if (model) {
    const inEvaluation = new Set(table.indicators.map(normalizeHeader));
    indicators = [];
    for (const ind of model) {
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
        log.warning("model.notInEvaluation", { sheet: modelSheet, params: { indicator: ind.name } });
      }
      indicators.push(ind);
    }
    for (const ind of model) {
      const observed = table.weights.get(ind.name);
      if (observed && observed.size > 1) {
        log.warning("eval.weightConflict", {
          params: { indicator: ind.name, weights: [...observed.keys()].join(" / "), weight: ind.weight },
        });
      }
    }
    for (const name of table.indicators) {
      if (!model.some((m) => normalizeHeader(m.name) === normalizeHeader(name))) {
        log.note("eval.notInModel", { params: { indicator: name } });
      }
    }
  } else if (table.indicators.length > 0) {
    const anyWeights = table.indicators.some((n) => table.weights.has(n));
    if (!anyWeights) log.warning("eval.noWeights");
    indicators = table.indicators.map((name) => {
      const observed = table.weights.get(name);
      let weight = anyWeights ? 0 : 1;
      if (observed) {
        weight = commonWeight(observed);
        if (observed.size > 1) {
          log.warning("eval.weightConflict", {
            params: { indicator: name, weights: [...observed.keys()].join(" / "), weight },
          });
        }
      }
      if (weight < 0) {
        log.error("model.negativeWeight", { params: { indicator: name, text: String(weight) } });
      }
      return { name, weight, maxScore: table.maxScores.get(name) ?? 100, direction: "positive" as const, method: "direct" as const };
    }).filter((i) => i.weight >= 0);
  } else {
    indicators = DEFAULT_MODEL.filter((d) => register?.columns.has(d.source));
    log.note("model.default", { params: { indicators: indicators.map((i) => i.name).join("、") } });
    // The default model's weights total 100; over a subset of columns they are used in proportion by design.
    return indicators;
  }
  if (indicators.length > 0 && !weightsTotalLooksRight(indicators.map((i) => i.weight))) {
    const total = indicators.reduce((a, i) => a + i.weight, 0);
    log.warning("weights.total", { sheet: modelSheet, params: { total: Number(total.toPrecision(6)) } });
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
  customers.forEach((c, k) => {
    const row = table.scores.get(c.key);
    if (!row) return;
    indicators.forEach((ind, j) => {
      const i = evalCols[j];
      if (i === undefined) return;
      const s = row[i];
      if (s === undefined || Number.isNaN(s)) return;
      if (s < 0 || s > ind.maxScore) {
        const origin = table.originOf(c.key, i);
        log.warning("eval.scoreOutOfRange", { ...origin, key: c.key, params: { indicator: ind.name, text: s, max: ind.maxScore } });
        return;
      }
      matrix[j][k] = normaliseScore(s, ind.maxScore, ind.direction);
    });
  });
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
