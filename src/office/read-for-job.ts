import { readOwnedTabs, readPreviousTable } from "../core/output-tabs/previous-outputs";
import { previousTabReads, rowsReadWhole, type PreviousTabReads } from "../core/output-tabs/previous-reads";
import { PROBLEMS_SPEC } from "../core/output-tabs/problems-tab";
import { ROSTER_SPEC } from "../core/output-tabs/roster-tab";
import { readFingerprints } from "../core/output-tabs/row-fingerprints";
import type { TabSpec } from "../core/output-tabs/tab-spec";
import { META_SHEET_NAME } from "../core/output-tabs/write-plan";
import { ACTION_PLAN_SPEC } from "../core/retention/action-plan";
import { CALLBACK_SPEC } from "../core/retention/callback-schedule";
import { CHURN_SPEC } from "../core/retention/churn-warnings";
import { HISTORY_SPEC, RUN_LOG_SPEC } from "../core/retention/history";
import { KPI_SPEC } from "../core/retention/kpi-dashboard";
import { SUMMARY_SPEC } from "../core/retention/maintenance-summary";
import { RETENTION_SPEC } from "../core/retention/retention-plan";
import { STRENGTHENING_SPEC } from "../core/retention/strengthening";
import { WINBACK_SPEC } from "../core/retention/win-back";
import { isErrorLiteral, type CellKind, type RawValue, type SheetGrid, type WorkbookModel } from "../core/workbook/grid";
import type { XlCellValue, XlContext, XlFunctionResult, XlFunctions, XlRange, XlWorksheet } from "./excel-subset";
import { utf8Length } from "./payload";
import { isOversizeAnswer } from "./office-errors";
import { RESPONSE_BUDGET_BYTES } from "./request-size";
import { syncBatch, type RetryPolicy } from "./retry";
import { kindOfValueType } from "./value-kinds";

/**
 * The output tabs' specs, imported one by one rather than from run-job so that the pane's bundle need not
 * take in the whole job (it runs in a worker). A tab missing here is read in full, never skipped; a test
 * holds this list to the job's OUTPUT_SPECS.
 */
export const READ_SPECS: TabSpec[] = [
  ROSTER_SPEC, RETENTION_SPEC, CALLBACK_SPEC, CHURN_SPEC, WINBACK_SPEC, KPI_SPEC, HISTORY_SPEC, RUN_LOG_SPEC, SUMMARY_SPEC,
  STRENGTHENING_SPEC, ACTION_PLAN_SPEC, PROBLEMS_SPEC,
];

/** Rows searched for an output tab's header (as the core's previous-output reader does). */
const HEADER_ROWS = 10;

/**
 * What is loaded of a piece: values and each column's COUNTA (input sheets, "counted": the value types
 * follow from them, see `placeCounted`), the value types of a column stretch whose empty-looking cells are not
 * all empty ("types"), then the number formats of their columns' numbers ("formats": a format is only ever
 * read on a number — percent, date — so only the rows from a column's first number to its last are asked
 * for); values (previous outputs); values and formats (users' columns).
 */
type Mode = "counted" | "types" | "formats" | "values" | "valuesFormats";

// "types" loads the values again with the types: a cell typed into between two syncs must not end up with the
// kind of its new content and the value of its old one.
const LOADS: Record<Mode, string> = { counted: "values", types: "values,valueTypes", formats: "numberFormat", values: "values", valuesFormats: "values,numberFormat" };

/** Response bytes per cell guessed before a sheet's first slice is measured (Chinese text, "General" formats). */
const FIRST_GUESS: Record<Mode, number> = { counted: 17, types: 27, formats: 14, values: 16, valuesFormats: 28 };

/** Factor over the bytes per cell measured on a slice, for the next slices of the same sheet or column run. */
const MEASURED_MARGIN = 1.04;

/** A rectangle to read, in used-range coordinates of one sheet. */
interface Piece {
  sheet: number;
  row: number;
  rows: number;
  col: number;
  cols: number;
  mode: Mode;
  /** Response bytes per cell guessed from the rows under the header (previous outputs), before any slice is measured. */
  sampled?: number;
}

interface Slice extends Piece {
  range?: XlRange;
  /** "counted": COUNTA of each group of columns of the slice (see `countGroups`). */
  counts?: XlFunctionResult<number>[];
}

interface Extent {
  empty: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** What the reader counted, for the bench. */
export interface ReadStats {
  syncs: number;
  cells: number;
}

/** Settings of readWorkbookForJob. */
export interface ReadOptions extends RetryPolicy {
  /** Estimated response bytes per sync (default 4 MB: Excel on the web refuses responses over 5 MB). */
  responseBytes?: number;
  /** Filled in as the read goes. */
  stats?: ReadStats;
}

/**
 * Reads what a run needs: every input sheet in full (values and value types as readWorkbook reads them, and
 * the number format of every number), and of the previous output tabs only what the carry-over uses — row keys, editable, carried and
 * users' columns; the history, the run log and tabs with row fingerprints whole; computed columns of the
 * other tabs only for rows the carry-over may keep whole. Output cells are read as values (their kinds
 * follow from the values; a text that looks like an Excel error is asked for its type).
 * Syncs: names; extents and the metadata sheet; the input's cells (the output tabs' header rows with the
 * first of them); the input's number formats and the outputs' columns — all sized by measured response
 * bytes (halved when Excel refuses a response); then, only when needed, the rows kept whole and the types
 * of error-like texts.
 */
export async function readWorkbookForJob(ctx: XlContext, options: ReadOptions = {}): Promise<WorkbookModel> {
  const stats = options.stats ?? { syncs: 0, cells: 0 };
  const sync = async <T>(queue: () => T): Promise<T> => {
    stats.syncs++;
    return syncBatch(ctx, queue, options);
  };
  const sheets = await sync(() => ctx.workbook.worksheets.load("items/name,items/visibility"));
  const items = sheets.items;
  const metaAt = items.findIndex((ws) => ws.name === META_SHEET_NAME);
  const first = await sync(() => ({
    used: items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount")),
    meta: metaAt >= 0 ? items[metaAt].getUsedRangeOrNullObject(true).load("values") : undefined,
  }));
  const extents: Extent[] = first.used.map((u) =>
    u.isNullObject ? { empty: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 } : { empty: false, rowIndex: u.rowIndex, columnIndex: u.columnIndex, rowCount: u.rowCount, columnCount: u.columnCount },
  );
  const grids: SheetGrid[] = items.map((ws, i) => ({
    name: ws.name, values: [], kinds: [], formats: [], top: extents[i].rowIndex, left: extents[i].columnIndex, hidden: ws.visibility !== "Visible",
  }));
  if (first.meta && !first.meta.isNullObject) {
    stats.cells += first.meta.values.length * (first.meta.values[0]?.length ?? 0);
    grids[metaAt].values = first.meta.values.map((r) => r.map(emptyToNull));
  }
  const owned = readOwnedTabs({ sheets: metaAt >= 0 ? [grids[metaAt]] : [] });
  const fingerprinted = readFingerprints({ sheets: metaAt >= 0 ? [grids[metaAt]] : [] });

  // Previous output tabs: their header rows first, to know which columns to read.
  const outputs = new Map<number, TabSpec>();
  items.forEach((ws, i) => {
    const id = owned.get(ws.name);
    const spec = id ? READ_SPECS.find((s) => s.id === id) : undefined;
    if (i !== metaAt && spec && !extents[i].empty) outputs.set(i, spec);
  });
  // Their header rows ride with the input's first cells (no sync of their own).
  let heads: XlRange[] = [];
  const queueHeads = (): void => {
    heads = [...outputs.keys()].map((i) => items[i].getRangeByIndexes(extents[i].rowIndex, extents[i].columnIndex, Math.min(HEADER_ROWS, extents[i].rowCount), extents[i].columnCount).load("values"));
  };
  const headBytes = [...outputs.keys()].reduce((n, i) => n + Math.min(HEADER_ROWS, extents[i].rowCount) * extents[i].columnCount * FIRST_GUESS.values * 2, 0);
  const inputs: Piece[] = [];
  items.forEach((_, i) => {
    const e = extents[i];
    if (i !== metaAt && !e.empty && e.rowCount > 0 && !outputs.has(i)) inputs.push({ sheet: i, row: 0, rows: e.rowCount, col: 0, cols: e.columnCount, mode: "counted" });
  });
  const reader = new PieceReader(items, ctx.workbook.functions, extents, grids, options.responseBytes ?? RESPONSE_BUDGET_BYTES, sync, stats);
  // The outputs' columns, known once the header rows are in: read after the input, in the same run of syncs.
  let outputCount = 0;
  const outputPieces = (): Piece[] => {
    const pieces = [...planReads()].flatMap(([i, plan]) => columnPieces(i, plan));
    outputCount = pieces.length;
    return pieces;
  };
  let planned: Map<number, PreviousTabReads> | undefined;
  const planReads = (): Map<number, PreviousTabReads> => (planned ??= readsFromHeads());
  // In the same run of syncs, each as soon as what it depends on is in: once the input is, its number formats
  // where it holds numbers and the value types where COUNTA says an empty-looking cell is not empty (none in
  // an ordinary register); once the outputs' columns are, the rows kept whole (none on an ordinary second run).
  const stages = [
    { after: (): number => inputs.length, pieces: (): Piece[] => [...inputs.flatMap((p) => numberFormatPieces(grids[p.sheet], p.sheet)), ...reader.typesWanted()] },
    { after: (): number => inputs.length + outputCount, pieces: keptWhole },
  ];
  if (inputs.length > 0) await reader.read(inputs, outputs.size > 0 ? { queue: queueHeads, bytes: headBytes, then: outputPieces } : undefined, stages);
  else if (outputs.size > 0) {
    await sync(queueHeads);
    await reader.read(outputPieces());
    await reader.read(keptWhole());
  }

  /** What to read of each output tab, from its header rows (once they are in). */
  function readsFromHeads(): Map<number, PreviousTabReads> {
    const reads = new Map<number, PreviousTabReads>();
    [...outputs].forEach(([i, spec], k) => {
      const e = extents[i];
      // The grid takes the used range's shape; cells not read stay empty.
      grids[i].values = Array.from({ length: e.rowCount }, () => new Array<RawValue>(e.columnCount).fill(null));
      heads[k].values.forEach((row, r) => row.forEach((v, c) => (grids[i].values[r][c] = emptyToNull(v))));
      stats.cells += heads[k].values.length * e.columnCount;
      const plan = previousTabReads(grids[i], spec, fingerprinted.has(spec.id));
      if (plan) reads.set(i, plan);
    });
    return reads;
  }

  /** An output tab's columns to read, under its header, as runs of columns. */
  function columnPieces(i: number, plan: PreviousTabReads): Piece[] {
    const e = extents[i];
    const from = plan.headerRow + 1;
    if (from >= e.rowCount) return [];
    return columnRuns(plan.columns, plan.formatColumns).map((run) => ({
      sheet: i, row: from, rows: e.rowCount - from, ...run, sampled: sampledCost(grids[i].values.slice(from, HEADER_ROWS), run.col, run.cols, run.mode),
    }));
  }

  /** Rows the carry-over may keep whole: their computed cells too (once the outputs' columns are in). */
  function keptWhole(): Piece[] {
    const historyAt = [...outputs].find(([, s]) => s.id === HISTORY_SPEC.id)?.[0];
    const historyKeys = new Set<string>();
    if (historyAt !== undefined) {
      for (const r of readPreviousTable(grids[historyAt], HISTORY_SPEC).rows) if (r.record.key !== null && r.record.key !== "") historyKeys.add(String(r.record.key));
    }
    const more: Piece[] = [];
    for (const [i, plan] of planReads()) {
      const rows = rowsReadWhole(grids[i], outputs.get(i)!, plan, historyKeys);
      for (const [row, n] of rowRuns(rows)) for (const run of columnRuns(plan.skipped, [])) more.push({ sheet: i, row, rows: n, ...run });
    }
    return more;
  }
  await reader.resolveErrorLikeTexts();
  return { sheets: grids };
}

function emptyToNull(v: XlCellValue): RawValue {
  return v === "" ? null : v;
}

/** Contiguous runs of columns (sorted), split where formats are wanted on one side and not the other. */
function columnRuns(cols: number[], formatCols: number[]): { col: number; cols: number; mode: Mode }[] {
  const withFormat = new Set(formatCols);
  const sorted = [...cols].sort((a, b) => a - b);
  const out: { col: number; cols: number; mode: Mode }[] = [];
  for (const c of sorted) {
    const mode: Mode = withFormat.has(c) ? "valuesFormats" : "values";
    const last = out[out.length - 1];
    if (last && last.col + last.cols === c && last.mode === mode) last.cols++;
    else out.push({ col: c, cols: 1, mode });
  }
  return out;
}

/**
 * Response bytes per cell of some columns, guessed from the data rows read with the header: their JSON, a
 * format string where formats are loaded, a quarter more for safety. Undefined without such rows.
 */
function sampledCost(rows: RawValue[][], col: number, cols: number, mode: Mode): number | undefined {
  let bytes = 0;
  let cells = 0;
  for (const row of rows) {
    for (let c = col; c < col + cols; c++) {
      bytes += utf8Length(JSON.stringify(row[c] ?? "")) + 1 + (mode === "valuesFormats" ? 12 : 0);
      cells++;
    }
  }
  return cells === 0 ? undefined : Math.max(4, (bytes / cells) * 1.25);
}

/**
 * The number formats an input sheet's numbers need: per column, the rows from its first number to its last
 * (neighbouring columns with the same rows in one piece). Cells whose format is not read are "General",
 * which nothing reads on a text, an empty cell or an error.
 */
function numberFormatPieces(grid: SheetGrid, sheet: number): Piece[] {
  const spans = new Map<number, [number, number]>();
  grid.kinds!.forEach((row, r) =>
    row.forEach((k, c) => {
      if (k !== "number") return;
      const span = spans.get(c);
      if (span) span[1] = r;
      else spans.set(c, [r, r]);
    }),
  );
  const out: Piece[] = [];
  for (const c of [...spans.keys()].sort((a, b) => a - b)) {
    const [first, last] = spans.get(c)!;
    const prev = out[out.length - 1];
    if (prev && prev.col + prev.cols === c && prev.row === first && prev.rows === last - first + 1) prev.cols++;
    else out.push({ sheet, row: first, rows: last - first + 1, col: c, cols: 1, mode: "formats" });
  }
  return out;
}

/** COUNTA calls per input slice at most: a very wide sheet's columns are counted in groups (a request stays small). */
const MAX_COUNTS = 64;

/** The groups of columns (0-based within a slice) whose non-empty cells one COUNTA counts: one column each, up to MAX_COUNTS groups. */
function countGroups(cols: number): { col: number; cols: number }[] {
  const size = Math.ceil(cols / MAX_COUNTS);
  return Array.from({ length: Math.ceil(cols / size) }, (_, k) => ({ col: k * size, cols: Math.min(size, cols - k * size) }));
}

/** Contiguous runs of rows (sorted) as [first, count]. */
function rowRuns(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else out.push([r, 1]);
  }
  return out;
}

/** What a measured cost applies to: a previous output's column run (columns differ: keys, empty edits), an input sheet. */
function costKey(p: Piece): string {
  return `${p.sheet}|${p.col}|${p.mode}`;
}

/**
 * Reads pieces in syncs whose responses stay near the byte budget: each sheet's bytes per cell are measured
 * on what came back (values, types and formats as JSON) and size its next slices; a response Excel refuses
 * (ResponsePayloadSizeLimitExceeded, or the generic error it sometimes answers instead) is asked for again
 * with half the budget — reading twice changes nothing — and the budget comes back when the refusal
 * came from a guessed size rather than a measured one.
 */
class PieceReader {
  private budget: number;
  private readonly full: number;
  private readonly perCell = new Map<string, number>();
  /** Cells read as values whose text looks like an Excel error: a typed "#N/A" is text, a formula's is an error. */
  private readonly errorLike: { sheet: number; row: number; col: number }[] = [];
  /** Column stretches of input sheets whose empty-looking cells COUNTA says are not all empty. */
  private readonly wantTypes: Piece[] = [];

  constructor(
    private readonly items: XlWorksheet[],
    private readonly functions: XlFunctions,
    private readonly extents: Extent[],
    private readonly grids: SheetGrid[],
    budget: number,
    private readonly sync: <T>(queue: () => T) => Promise<T>,
    private readonly stats: ReadStats,
  ) {
    this.budget = budget;
    this.full = budget;
  }

  /** Measured bytes per cell of this piece's columns (or its sheet's, for input sheets), else the guess. */
  private cost(p: Piece): number {
    return this.perCell.get(costKey(p)) ?? p.sampled ?? FIRST_GUESS[p.mode];
  }

  /** The next batch from pieces[at] (row `row` within it) under the budget; at least one row. */
  private batch(pieces: Piece[], at: number, row: number): Slice[] {
    const out: Slice[] = [];
    let used = 0;
    for (let [p, r] = [at, row]; p < pieces.length && used < this.budget; [p, r] = [p + 1, 0]) {
      const piece = pieces[p];
      const perRow = piece.cols * this.cost(piece);
      const rows = Math.min(piece.rows - r, Math.max(1, Math.floor((this.budget - used) / perRow)));
      if (used > 0 && rows * perRow > this.budget - used) break;
      out.push({ ...piece, row: piece.row + r, rows });
      used += rows * perRow;
      if (r + rows < piece.rows) break;
    }
    return out;
  }

  /**
   * Reads every piece, in order; `along` is queued with the first sync (its bytes kept out of that sync's
   * budget), and the pieces its `then` gives once that sync is in are read after these; then each stage's
   * pieces, once the first `after()` pieces are all in.
   */
  async read(pieces: Piece[], along?: { queue: () => void; bytes: number; then?: () => Piece[] }, stages: { after: () => number; pieces: () => Piece[] }[] = []): Promise<void> {
    let at = 0;
    let row = 0;
    let guessed = false;
    let first = along;
    const waiting = [...stages];
    for (;;) {
      // Once the first `after()` pieces are all read, what they tell to read next joins the list, stage by stage.
      while (waiting.length > 0 && at >= waiting[0].after()) pieces = [...pieces, ...waiting.shift()!.pieces()];
      if (at >= pieces.length) break;
      const full = this.budget;
      if (first) this.budget = Math.max(1, this.budget - first.bytes);
      const batch = this.batch(pieces, at, row);
      this.budget = full;
      try {
        await this.sync(() => {
          first?.queue();
          for (const s of batch) {
            const e = this.extents[s.sheet];
            const ws = this.items[s.sheet];
            s.range = ws.getRangeByIndexes(e.rowIndex + s.row, e.columnIndex + s.col, s.rows, s.cols).load(LOADS[s.mode]);
            if (s.mode === "counted") {
              s.counts = countGroups(s.cols).map((g) => this.functions.countA(ws.getRangeByIndexes(e.rowIndex + s.row, e.columnIndex + s.col + g.col, s.rows, g.cols)).load("value,error"));
            }
          }
        });
      } catch (e) {
        if (!isOversizeAnswer(e) || this.budget <= 1) throw e;
        // Refused on a guess (a piece not measured yet): the budget comes back once the slice is measured;
        // refused on measured sizes: the host's limit is lower, and the budget stays halved.
        guessed ||= batch.some((x) => !this.perCell.has(costKey(x)));
        this.budget = Math.max(1, Math.floor(this.budget / 2));
        continue;
      }
      // What `along` loaded tells what else to read: after these pieces, in the same run of syncs.
      if (first?.then) pieces = [...pieces, ...first.then()];
      first = undefined;
      if (guessed) [this.budget, guessed] = [this.full, false];
      for (const s of batch) this.place(s);
      const last = batch[batch.length - 1];
      const done = last.row + last.rows - pieces[at + batch.length - 1].row;
      at += batch.length - 1;
      row = done;
      if (row >= pieces[at].rows) [at, row] = [at + 1, 0];
    }
  }

  /** The column stretches whose value types are wanted (see `placeCounted`), once the input is read. */
  typesWanted(): Piece[] {
    return this.wantTypes.splice(0);
  }

  private place(s: Slice): void {
    const range = s.range!;
    const grid = this.grids[s.sheet];
    if (s.mode === "counted") {
      this.placeCounted(s);
      return;
    }
    if (s.mode === "types") {
      const types = range.valueTypes;
      const fresh = range.values;
      for (let r = 0; r < s.rows; r++) {
        const values = grid.values[s.row + r];
        const kinds = grid.kinds![s.row + r];
        for (let c = 0; c < s.cols; c++) {
          const kind = kindOfValueType(types[r][c]);
          kinds[s.col + c] = kind;
          // Value and kind from the same response. An empty-looking cell that is not empty (a formula giving "",
          // a text of no characters) is text "".
          values[s.col + c] = kind === "empty" ? null : fresh[r][c];
        }
      }
      this.perCell.set(costKey(s), Math.max(2, (utf8Length(JSON.stringify(types) + JSON.stringify(fresh)) / Math.max(1, s.rows * s.cols)) * MEASURED_MARGIN));
      return;
    }
    if (s.mode === "formats") {
      const formats = range.numberFormat;
      for (let r = 0; r < s.rows; r++) {
        const row = (grid.formats![s.row + r] ??= []);
        for (let c = 0; c < s.cols; c++) row[s.col + c] = String(Array.isArray(formats) ? formats[r][c] : formats);
      }
      this.perCell.set(costKey(s), Math.max(2, (utf8Length(JSON.stringify(formats)) / Math.max(1, s.rows * s.cols)) * MEASURED_MARGIN));
      return;
    }
    const values = range.values;
    this.stats.cells += s.rows * s.cols;
    let bytes = utf8Length(JSON.stringify(values));
    const formats = s.mode === "valuesFormats" ? range.numberFormat : null;
    if (formats) bytes += utf8Length(JSON.stringify(formats));
    for (let r = 0; r < values.length; r++) {
      const at = s.row + r;
      const row = grid.values[at];
      for (let c = 0; c < s.cols; c++) {
        const v = values[r][c];
        row[s.col + c] = emptyToNull(v);
        if (typeof v === "string" && isErrorLiteral(v)) this.errorLike.push({ sheet: s.sheet, row: at, col: s.col + c });
        if (formats) {
          const f = Array.isArray(formats) ? formats[r][c] : formats;
          ((grid.formats![at] ??= []) as string[])[s.col + c] = String(f);
        }
      }
    }
    // The next slices of this sheet are sized by what this one weighed (a little over, for safety: rows of one
    // sheet or column run weigh alike, and the budget is 5 % under the limit besides).
    this.perCell.set(costKey(s), Math.max(2, (bytes / Math.max(1, s.rows * s.cols)) * MEASURED_MARGIN));
  }

  /**
   * An input slice read as values with each column's COUNTA, appended as the full reader (values and value
   * types) would have it, without guessing: a number, a boolean, a text not starting with "#" have one kind
   * each; a text starting with "#" may be an error (every error value does): the column's rows from its first
   * such text to its last are asked for their types; an empty-looking cell ("") is empty when COUNTA of its
   * column counts exactly the cells that do not look empty, and otherwise (a formula giving "", a text of no
   * characters) the column's stretch is asked for its types.
   */
  private placeCounted(s: Slice): void {
    const values = s.range!.values;
    const grid = this.grids[s.sheet];
    this.stats.cells += s.rows * s.cols;
    const shown = new Array<number>(s.cols).fill(0);
    // Per column, the first and last row (within the slice) of a text starting with "#".
    const hashed: ([number, number] | undefined)[] = new Array(s.cols);
    for (let r = 0; r < values.length; r++) {
      const kinds: CellKind[] = new Array<CellKind>(s.cols);
      const row: RawValue[] = new Array<RawValue>(s.cols);
      for (let c = 0; c < s.cols; c++) {
        const v = values[r][c];
        if (v === "") {
          kinds[c] = "empty";
          row[c] = null;
          continue;
        }
        shown[c]++;
        row[c] = v;
        kinds[c] = typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "text";
        if (typeof v === "string" && v.charCodeAt(0) === 35) {
          const span = hashed[c];
          if (span) span[1] = r;
          else hashed[c] = [r, r];
        }
      }
      // Input sheets come whole-width, top to bottom: appended as the full reader does, formats to come.
      grid.values.push(row);
      grid.kinds!.push(kinds);
      grid.formats!.push([]);
    }
    // One piece per column at most (a column of #N/A from a lookup is one read, not one per cell).
    countGroups(s.cols).forEach((g, k) => {
      const n = s.counts![k];
      let looking = 0;
      for (let c = g.col; c < g.col + g.cols; c++) looking += shown[c];
      const counted = !n.error && n.value === looking;
      for (let c = g.col; c < g.col + g.cols; c++) {
        const span = hashed[c];
        if (!counted) this.wantTypes.push({ sheet: s.sheet, row: s.row, rows: s.rows, col: s.col + c, cols: 1, mode: "types" });
        else if (span) this.wantTypes.push({ sheet: s.sheet, row: s.row + span[0], rows: span[1] - span[0] + 1, col: s.col + c, cols: 1, mode: "types" });
      }
    });
    this.perCell.set(costKey(s), Math.max(2, (utf8Length(JSON.stringify(values)) / Math.max(1, s.rows * s.cols)) * MEASURED_MARGIN));
  }

  /** Asks the value types of error-like texts: a typed "#N/A" (text) stays, an error becomes empty. */
  async resolveErrorLikeTexts(): Promise<void> {
    const PER_SYNC = 5000;
    for (let i = 0; i < this.errorLike.length; i += PER_SYNC) {
      const cells = this.errorLike.slice(i, i + PER_SYNC);
      const ranges = await this.sync(() =>
        cells.map((x) => {
          const e = this.extents[x.sheet];
          return this.items[x.sheet].getRangeByIndexes(e.rowIndex + x.row, e.columnIndex + x.col, 1, 1).load("values,valueTypes");
        }),
      );
      cells.forEach((x, k) => {
        const kind: CellKind = kindOfValueType(ranges[k].valueTypes[0][0]);
        ((this.grids[x.sheet].kinds![x.row] ??= []) as CellKind[])[x.col] = kind;
        // The value of the same moment as the kind (the cell may have been typed into since the values were read).
        ((this.grids[x.sheet].values[x.row] ??= []) as RawValue[])[x.col] = kind === "empty" ? null : ranges[k].values[0][0];
      });
    }
  }
}
