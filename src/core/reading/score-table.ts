import type { ProblemLog } from "../problems/problem";

import { a1, type SheetGrid } from "../workbook/grid";
import {
  evaluationScoreFast, evaluationScoreSchema, evaluationWideRowFast, evaluationWideRowSchema, type EvaluationScore, type EvaluationWideRow,
} from "./evaluation-row";
import { fastSafeParse } from "./fast-path";

/** Where a score was read from, for messages. */
export interface ScoreOrigin {
  sheet: string;
  cell: string;
}

/** A cell of an evaluation sheet: the grid and its row/column there. Addresses are built only when reported. */
export interface CellRef {
  grid: SheetGrid;
  row: number;
  col: number;
}

/** The sheet and A1 address of a cell reference. */
export function originOf(ref: CellRef): ScoreOrigin {
  return { sheet: ref.grid.name, cell: a1(ref.grid, ref.row, ref.col) };
}

// Packs sheet, row and column into one number (Excel has ≤ 16,384 columns and ≤ 1,048,576 rows), so a
// million scores keep their origin without a million objects.
const COLS = 16384;
const ROWS = 1048576;

/**
 * Scores typed in the evaluation, by customer key and indicator, plus the weights and full marks each
 * indicator was given. Scores are kept as read (range checks need the model's full marks).
 */
export class ScoreTable {
  readonly indicators: string[] = [];
  private readonly index = new Map<string, number>();
  /** Customer key → what the evaluation says of the customer: one entry (and one lookup) per customer. */
  private readonly customers = new Map<string, EvaluationCustomer>();
  /** Indicator → weight → how many rows gave it, in order of first appearance. */
  readonly weights = new Map<string, Map<number, number>>();
  /** Indicator → weight → the first cell that gave it (for weight conflicts and negative weights). */
  readonly weightRefs = new Map<string, Map<number, CellRef>>();
  /** Indicator → the first cell naming it (long/form: its 分析指标 cell; wide: its header). */
  readonly indicatorRefs = new Map<string, CellRef>();
  /** Where the evaluation's weights are headed: the first 指标权重 header cell or 权重 row label. */
  weightHeader?: CellRef;
  /** Indicator → full mark given by the evaluation (满分 column). */
  readonly maxScores = new Map<string, number>();
  private readonly grids: SheetGrid[] = [];
  private lastGrid = 0;

  /** The column index of an indicator, adding it on first sight (`ref`: the cell naming it). */
  indicatorIndex(name: string, ref?: CellRef): number {
    if (ref && !this.indicatorRefs.has(name)) this.indicatorRefs.set(name, ref);
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.indicators.length;
      this.indicators.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  /** Records a weight observation for an indicator, and the cell of the first time each weight was given. */
  addWeight(indicator: string, weight: number, ref?: CellRef): void {
    let m = this.weights.get(indicator);
    if (!m) this.weights.set(indicator, (m = new Map()));
    const seen = m.get(weight);
    m.set(weight, (seen ?? 0) + 1);
    if (seen === undefined && ref) {
      let refs = this.weightRefs.get(indicator);
      if (!refs) this.weightRefs.set(indicator, (refs = new Map()));
      refs.set(weight, ref);
    }
  }

  /** Where a weight of an indicator was first given, as sheet and cell; undefined when not known. */
  weightOrigin(indicator: string, weight: number): ScoreOrigin | undefined {
    const ref = this.weightRefs.get(indicator)?.get(weight);
    return ref ? originOf(ref) : undefined;
  }

  /**
   * Records a score after validating it against the evaluation row schema; a second score for the same
   * customer and indicator is reported and ignored.
   */
  addScore(entry: EvaluationScore, ref: CellRef, log: ProblemLog): void {
    const parsed = fastSafeParse(evaluationScoreSchema, evaluationScoreFast, entry);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0].path[0] ?? "");
      log.warning("eval.invalidScore", { ...originOf(ref), key: entry.key || undefined, params: { field, indicator: entry.indicator } });
      return;
    }
    const { key, indicator, score } = parsed.data;
    this.store(key, this.indicatorIndex(indicator), score, ref.grid, ref.row, ref.col, log);
  }

  /**
   * Records a wide-layout row after validating it as a whole against the wide row schema: one check per
   * customer, not per score. `indicators[k]` and `cols[k]` belong to `row.scores[k]`.
   */
  addWideRow(row: EvaluationWideRow, indicators: string[], cols: number[], ref: CellRef, log: ProblemLog): void {
    const parsed = fastSafeParse(evaluationWideRowSchema, evaluationWideRowFast, row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const k = typeof issue.path[1] === "number" ? issue.path[1] : undefined;
      const cell = k === undefined ? ref : { ...ref, col: cols[k] };
      log.warning("eval.invalidScore", {
        ...originOf(cell), key: row.key || undefined,
        params: { field: String(issue.path[0] ?? ""), indicator: k === undefined ? "" : indicators[k] },
      });
      return;
    }
    const { key, scores } = parsed.data;
    // The customer's entry looked up once for its whole row, not once per score.
    const entry = this.entry(key);
    for (let k = 0; k < scores.length; k++) {
      const score = scores[k];
      if (score !== null) this.put(entry, key, this.indexOfColumn(indicators, k), score, ref.grid, ref.row, cols[k], log);
    }
  }

  /** Indicator indexes of a wide sheet's columns, each found on its first score rather than on every score. */
  private readonly columnIndexes = new WeakMap<string[], number[]>();

  private indexOfColumn(indicators: string[], k: number): number {
    let idx = this.columnIndexes.get(indicators);
    if (!idx) this.columnIndexes.set(indicators, (idx = indicators.map(() => -1)));
    if (idx[k] < 0) idx[k] = this.indicatorIndex(indicators[k]);
    return idx[k];
  }

  /** Stores a validated score, keeping the first of two for one customer and indicator. */
  private store(key: string, i: number, score: number, grid: SheetGrid, r: number, c: number, log: ProblemLog): void {
    this.put(this.entry(key), key, i, score, grid, r, c, log);
  }

  /** A customer's entry, created on first sight (addCustomer comes first in every layout). */
  private entry(key: string): EvaluationCustomer {
    let e = this.customers.get(key);
    if (!e) this.customers.set(key, (e = { at: NaN, scores: [], origins: [] }));
    return e;
  }

  /** The packed cell of a grid's cell (see COLS/ROWS). */
  private pack(grid: SheetGrid, r: number, c: number): number {
    // The grid of the last cell is almost always the grid of this one.
    let g = this.grids[this.lastGrid] === grid ? this.lastGrid : this.grids.indexOf(grid);
    if (g < 0) g = this.grids.push(grid) - 1;
    this.lastGrid = g;
    return (g * ROWS + r) * COLS + c;
  }

  private unpack(p: number): CellRef {
    const col = p % COLS;
    const rest = (p - col) / COLS;
    const row = rest % ROWS;
    return { grid: this.grids[(rest - row) / ROWS], row, col };
  }

  private put({ scores: row, origins }: EvaluationCustomer, key: string, i: number, score: number, grid: SheetGrid, r: number, c: number, log: ProblemLog): void {
    if (row[i] !== undefined && !Number.isNaN(row[i])) {
      log.warning("eval.duplicateScore", { ...originOf({ grid, row: r, col: c }), key, params: { key, indicator: this.indicators[i] } });
      return;
    }
    row[i] = score;
    origins[i] = this.pack(grid, r, c);
  }

  /** Where a customer's score for an indicator (by index) was read; undefined when it has none. */
  originOf(key: string, indicator: number): ScoreOrigin | undefined {
    const p = this.customers.get(key)?.origins[indicator];
    return p === undefined ? undefined : originOf(this.unpack(p));
  }

  /** A customer's scores by indicator index as read (holes and NaN: none); undefined when it has none. */
  scoresOf(key: string): readonly number[] | undefined {
    return this.customers.get(key)?.scores;
  }

  /** Notes a customer the evaluation names, with its id/name and the cell naming it (the first mention stands). */
  addCustomer(key: string, id: string | undefined, name: string | undefined, ref: CellRef): void {
    const e = this.entry(key);
    if (!Number.isNaN(e.at)) return;
    e.id = id;
    e.name = name;
    e.at = this.pack(ref.grid, ref.row, ref.col);
  }

  /** The customers the evaluation names, in order of first mention, with the cell naming each. */
  *named(): IterableIterator<[string, { id?: string; name?: string; ref: CellRef }]> {
    for (const [key, e] of this.customers) if (!Number.isNaN(e.at)) yield [key, { id: e.id, name: e.name, ref: this.unpack(e.at) }];
  }

  /** The cell naming a customer in the evaluation; undefined when it names none. */
  refOf(key: string): CellRef | undefined {
    const e = this.customers.get(key);
    return e && !Number.isNaN(e.at) ? this.unpack(e.at) : undefined;
  }
}

/** One customer as the evaluation gives it: id/name, the packed cell naming it (NaN: not named), scores and their packed cells. */
interface EvaluationCustomer {
  id?: string;
  name?: string;
  at: number;
  scores: number[];
  origins: number[];
}
