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
  /*
   * Scores and their packed cells are kept column by column (one Float64Array per indicator, NaN: none), one
   * row per customer: 100,000 customers cost no object each. A customer of the register has its register
   * grid row as its row here (`known`), so the join with the register needs no second index; any other
   * customer gets a row after those, in order of first sight (`extra`).
   */
  private readonly extra = new Map<string, number>();
  /** Rows in order of first sight, and per row its key, id, name and the packed cell naming it (NaN: not named). */
  private readonly order: number[] = [];
  private readonly keys: (string | undefined)[];
  private readonly ids: (string | undefined)[];
  private readonly names: (string | undefined)[];
  private readonly namedAt: number[];
  private scoreColumns: Float64Array[] = [];
  private originColumns: Float64Array[] = [];
  private capacity: number;
  private nextRow: number;
  // The last key looked up: a wide row names its customer, then gives its scores.
  private lastKey: string | undefined;
  private lastRow = -1;

  private readonly knownRows: number;

  /**
   * `known`: customer key → a row number below `rows` (the register's key → grid row), so those customers'
   * rows are known without a lookup (rowOf's `knownRow`).
   */
  constructor(private readonly known?: ReadonlyMap<string, number>, rows = 0) {
    this.knownRows = known ? rows : 0;
    this.capacity = rows;
    this.nextRow = rows;
    // Sized up front, so rows set out of order stay in V8's fast (holey) elements, not a dictionary.
    this.keys = new Array<string | undefined>(rows);
    this.ids = new Array<string | undefined>(rows);
    this.names = new Array<string | undefined>(rows);
    this.namedAt = new Array<number>(rows).fill(NaN);
  }
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
      this.scoreColumns.push(new Float64Array(this.capacity).fill(NaN));
      this.originColumns.push(new Float64Array(this.capacity));
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
    const i = this.indicatorIndex(indicator);
    this.put(this.entry(key), key, i, score, ref.grid, ref.row, ref.col, log);
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
    // The customer's entry and the sheet's indicator indexes looked up once for the whole row, not per score.
    const at = this.entry(key);
    let idx = this.columnIndexes.get(indicators);
    if (!idx) this.columnIndexes.set(indicators, (idx = indicators.map(() => -1)));
    for (let k = 0; k < scores.length; k++) {
      const score = scores[k];
      if (score === null) continue;
      // An indicator is added on its first score, so one without any stays out of the table.
      if (idx[k] < 0) idx[k] = this.indicatorIndex(indicators[k]);
      this.put(at, key, idx[k], score, ref.grid, ref.row, cols[k], log);
    }
  }

  /** Indicator indexes of a wide sheet's columns (-1: not yet seen), per sheet's list of indicator names. */
  private readonly columnIndexes = new WeakMap<string[], number[]>();

  /** A customer's row in the columns, created on first sight (addCustomer comes first in every layout). */
  private entry(key: string): number {
    if (key === this.lastKey) return this.lastRow;
    let at = this.known?.get(key) ?? this.extra.get(key);
    const seen = at !== undefined && this.keys[at] !== undefined;
    if (at === undefined) {
      at = this.nextRow++;
      if (at >= this.capacity) this.grow();
      this.extra.set(key, at);
    }
    if (!seen) {
      this.keys[at] = key;
      this.namedAt[at] = NaN;
      this.order.push(at);
    }
    this.lastKey = key;
    this.lastRow = at;
    return at;
  }

  /** Doubles every column's room (amortised: each score is copied about once more in all). */
  private grow(): void {
    this.capacity = Math.max(1024, this.nextRow, this.capacity * 2);
    this.scoreColumns = this.scoreColumns.map((old) => {
      const next = new Float64Array(this.capacity).fill(NaN);
      next.set(old);
      return next;
    });
    this.originColumns = this.originColumns.map((old) => {
      const next = new Float64Array(this.capacity);
      next.set(old);
      return next;
    });
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

  private put(at: number, key: string, i: number, score: number, grid: SheetGrid, r: number, c: number, log: ProblemLog): void {
    const column = this.scoreColumns[i];
    // Scores are finite once validated, so NaN marks an empty slot.
    if (!Number.isNaN(column[at])) {
      log.warning("eval.duplicateScore", { ...originOf({ grid, row: r, col: c }), key, params: { key, indicator: this.indicators[i] } });
      return;
    }
    column[at] = score;
    this.originColumns[i][at] = this.pack(grid, r, c);
  }

  /**
   * A customer's row (for `score`); undefined when the evaluation has nothing of it. `knownRow`: the
   * customer's row in the table's `known` map, when the caller has it (a register row's grid row).
   */
  rowOf(key: string, knownRow?: number): number | undefined {
    const at = knownRow !== undefined && this.known ? knownRow : this.known?.get(key) ?? this.extra.get(key);
    return at !== undefined && this.keys[at] !== undefined ? at : undefined;
  }

  /** The score of a customer's row (rowOf) for an indicator (by index); NaN when none was read. */
  score(row: number, indicator: number): number {
    return this.scoreColumns[indicator][row];
  }

  /** Where a customer's score for an indicator (by index) was read; undefined when it has none. */
  originOf(key: string, indicator: number): ScoreOrigin | undefined {
    const at = this.rowOf(key);
    if (at === undefined || Number.isNaN(this.scoreColumns[indicator][at])) return undefined;
    return originOf(this.unpack(this.originColumns[indicator][at]));
  }

  /** A customer's scores by indicator index as read (holes: none); undefined when the evaluation has nothing of it. */
  scoresOf(key: string): readonly (number | undefined)[] | undefined {
    const at = this.rowOf(key);
    if (at === undefined) return undefined;
    const out: (number | undefined)[] = [];
    this.scoreColumns.forEach((column, i) => {
      if (!Number.isNaN(column[at])) out[i] = column[at];
    });
    return out;
  }

  /** Notes a customer the evaluation names, with its id/name and the cell naming it (the first mention stands). */
  addCustomer(key: string, id: string | undefined, name: string | undefined, ref: CellRef): void {
    const at = this.entry(key);
    if (!Number.isNaN(this.namedAt[at])) return;
    this.ids[at] = id;
    this.names[at] = name;
    this.namedAt[at] = this.pack(ref.grid, ref.row, ref.col);
  }

  /**
   * The customers the evaluation names that the table's `known` map does not hold (none of the register), in
   * order of first mention, with the cell naming each.
   */
  *unknownNamed(): IterableIterator<[string, { id?: string; name?: string; ref: CellRef }]> {
    for (const at of this.order) {
      // Rows below `rows` belong to known customers: no lookup needed to skip them.
      if (at < this.knownRows || Number.isNaN(this.namedAt[at])) continue;
      yield [this.keys[at]!, { id: this.ids[at], name: this.names[at], ref: this.unpack(this.namedAt[at]) }];
    }
  }

  /** The cell naming a customer in the evaluation; undefined when it names none. */
  refOf(key: string): CellRef | undefined {
    const at = this.rowOf(key);
    return at !== undefined && !Number.isNaN(this.namedAt[at]) ? this.unpack(this.namedAt[at]) : undefined;
  }
}
