import type { XlCellValue, XlVisibility } from "../../../src/office/excel-subset";
import { isErrorLiteral } from "../../../src/core/workbook/grid";
import { MAX_ROWS, overlaps, parseAddress, type Rect } from "./address";
import { fail } from "./errors";

/** A fill, font colour or bold setting applied to a rectangle, in the order applied. */
export interface FormatLayer extends Rect {
  prop: "fill" | "font" | "bold";
  value: string;
}

/** A table: its name and rectangle (header included). */
export interface TableState {
  name: string;
  sheet: SheetState;
  rect: Rect;
}

/** A chart: its type, source rectangle, title and x-axis values. */
export interface ChartState {
  type: string;
  source: Rect;
  title: string;
  xValues?: Rect;
  position?: string;
  name?: string;
  /** Name of the first series, when set. */
  seriesName?: string;
  /** Series added after the first (ExcelApi 1.7): name, values and x-axis values. */
  more?: { name: string; values?: Rect; xValues?: Rect }[];
}

/** A reference of a formula to a rectangle on a sheet, bound to the sheet itself (not its name), as Excel does. */
export interface FormulaRef {
  /** The sheet referred to; null once it was deleted (the reference is then #REF!). */
  sheet: SheetState | null;
  rect: Rect;
  /** The reference's cell part as typed ("F:F", "$A$1:$B$9"). */
  cells: string;
}

/**
 * A formula the fake can evaluate: `=COUNTIF(ref,criterion)`, `=COUNTA(ref)` or `=SUM(ref)` over a reference
 * to another sheet, or `=""` (a text of no characters, which Excel's value types call String); anything else evaluates to #NAME?. References follow their sheet through renames and
 * become #REF! when it is deleted — what happens to a user's formula when an output tab is deleted.
 */
export class FakeFormula {
  constructor(
    readonly fn: string,
    readonly ref: FormulaRef | null,
    readonly criterion: XlCellValue | undefined,
    private readonly original: string,
  ) {}

  /** The formula text as Excel would show it now (sheet renamed → new name; sheet deleted → #REF!). */
  text(): string {
    if (!this.ref) return this.original;
    const crit = this.criterion === undefined ? "" : `,${typeof this.criterion === "string" ? JSON.stringify(this.criterion) : String(this.criterion)}`;
    const sheet = this.ref.sheet;
    const target = sheet === null ? "#REF!" : `${/^[\p{L}\p{N}_]+$/u.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`}!${this.ref.cells}`;
    return `=${this.fn}(${target}${crit})`;
  }

  /** The value the formula shows. */
  evaluate(): XlCellValue {
    if (!this.ref) return /^=\s*""\s*$/.test(this.original) ? "" : "#NAME?";
    const sheet = this.ref.sheet;
    if (sheet === null || sheet.deleted) return "#REF!";
    const { rect } = this.ref;
    let count = 0;
    let sum = 0;
    const last = Math.min(rect.row + rect.rows, sheet.rows.length);
    for (let r = rect.row; r < last; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const v = sheet.valueAt(r, c);
        if (v === "") continue;
        if (this.fn === "COUNTA") count++;
        else if (this.fn === "SUM" && typeof v === "number") sum += v;
        else if (this.fn === "COUNTIF" && String(v).toLowerCase() === String(this.criterion).toLowerCase()) count++;
      }
    }
    return this.fn === "SUM" ? sum : count;
  }
}

const FORMULA = /^=\s*(COUNTIF|COUNTA|SUM)\(\s*(?:'((?:[^']|'')+)'|([^\s!'(),"]+))!(\$?[A-Z]{1,3}\$?\d*(?::\$?[A-Z]{1,3}\$?\d*)?)\s*(?:,\s*(?:"([^"]*)"|(-?\d+(?:\.\d+)?)))?\s*\)$/i;

/** Parses a formula the fake can evaluate, binding its reference to the sheet of that name (#REF! when none). */
export function parseFormula(text: string, book: WorkbookState | null): FakeFormula {
  const m = FORMULA.exec(text);
  if (!m) return new FakeFormula("", null, undefined, text);
  const name = m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3];
  const cells = m[4];
  const criterion = m[5] !== undefined ? m[5] : m[6] !== undefined ? Number(m[6]) : undefined;
  const sheet = book?.sheet(name) ?? null;
  return new FakeFormula(m[1].toUpperCase(), { sheet, rect: parseAddress(cells), cells }, criterion, text);
}

/** One worksheet's content. */
export class SheetState {
  /** The workbook holding the sheet (formulas resolve sheet names through it). */
  book: WorkbookState | null = null;
  deleted = false;
  visibility: XlVisibility = "Visible";
  /** Values by row then column; undefined is an empty cell. */
  rows: (XlCellValue | undefined)[][] = [];
  /** Cells holding an error value ("r,c"). */
  errors = new Set<string>();
  /** Formulas by "r,c". */
  formulas = new Map<string, FakeFormula>();
  /** Number formats set on single cells, by "r,c". */
  cellFormats = new Map<string, string>();
  /** Number formats set on whole columns. */
  columnFormats = new Map<number, string>();
  layers: FormatLayer[] = [];
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  charts: ChartState[] = [];

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  /** The number format of a cell. */
  formatAt(row: number, col: number): string {
    if (this.cellFormats.size > 0) {
      const f = this.cellFormats.get(`${row},${col}`);
      if (f !== undefined) return f;
    }
    return this.columnFormats.get(col) ?? "General";
  }

  /** Sets a number format on a rectangle (whole columns are stored as column formats). */
  setFormat(r: Rect, format: string): void {
    for (let c = r.col; c < r.col + r.cols; c++) {
      if (r.row === 0 && r.rows === MAX_ROWS) {
        this.columnFormats.set(c, format);
        for (const k of [...this.cellFormats.keys()]) if (k.endsWith(`,${c}`)) this.cellFormats.delete(k);
      } else {
        for (let i = r.row; i < r.row + r.rows; i++) this.cellFormats.set(`${i},${c}`, format);
      }
    }
  }

  /** The value of a cell ("" when empty); a formula's current result. */
  valueAt(row: number, col: number): XlCellValue {
    if (this.formulas.size > 0) {
      const f = this.formulas.get(`${row},${col}`);
      if (f) return f.evaluate();
    }
    return this.rows[row]?.[col] ?? "";
  }

  /** True when the cell shows an error value (an error literal or a formula giving one). */
  isError(row: number, col: number): boolean {
    const f = this.formulas.size > 0 ? this.formulas.get(`${row},${col}`) : undefined;
    if (f) return isErrorLiteral(String(f.evaluate()));
    return this.errors.has(`${row},${col}`);
  }

  /** The formula of a cell (as Excel shows it now), if a string written to it became one. */
  formulaAt(row: number, col: number): string | undefined {
    return this.formulas.get(`${row},${col}`)?.text();
  }

  /**
   * Writes one cell as Excel does when a value is set through the API: a leading apostrophe forces text,
   * "=…" becomes a formula and numeric text becomes a number, unless the cell is formatted as Text ("@").
   */
  writeCell(row: number, col: number, v: XlCellValue): void {
    const key = `${row},${col}`;
    this.formulas.delete(key);
    this.errors.delete(key);
    let value: XlCellValue | undefined = v === "" ? undefined : v;
    if (typeof v === "string" && v !== "") {
      const text = this.formatAt(row, col) === "@";
      if (v.startsWith("'")) value = v.slice(1);
      else if (!text && v.startsWith("=") && v.length > 1) {
        this.formulas.set(key, parseFormula(v, this.book));
        value = "#NAME?";
      } else if (!text && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) value = Number(v);
      // Typed into a Text ("@") cell, #N/A stays text, as in Excel.
      else if (!text && isErrorLiteral(v)) this.errors.add(key);
    }
    let r = this.rows[row];
    if (!r) {
      if (value === undefined) return;
      r = this.rows[row] = [];
    }
    r[col] = value;
  }

  /** Empties a rectangle: values and formulas ("Contents"), formats ("Formats"), or both ("All"). */
  clear(rect: Rect, applyTo: "All" | "Formats" | "Contents" = "All"): void {
    if (applyTo !== "Formats") {
      const lastRow = Math.min(rect.row + rect.rows, this.rows.length);
      for (let i = rect.row; i < lastRow; i++) {
        const r = this.rows[i];
        if (!r) continue;
        for (let c = rect.col; c < Math.min(rect.col + rect.cols, r.length); c++) {
          r[c] = undefined;
          this.formulas.delete(`${i},${c}`);
          this.errors.delete(`${i},${c}`);
        }
      }
    }
    if (applyTo !== "Contents") {
      this.layers = this.layers.filter((l) => !overlaps(l, rect));
      for (const k of [...this.cellFormats.keys()]) {
        const [r, c] = k.split(",").map(Number);
        if (r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols) this.cellFormats.delete(k);
      }
      if (rect.row === 0 && rect.rows >= MAX_ROWS) for (let c = rect.col; c < rect.col + rect.cols; c++) this.columnFormats.delete(c);
    }
  }

  /**
   * Shifts the cells of the columns [col, col + cols) that lie at or below `from`: down by `by` rows (an insert),
   * or, with a negative `by`, up — the rows [from, from - by) are removed (a delete). Values, formulas, errors,
   * cell formats and fill layers inside those columns move; the other columns stay where they are.
   */
  shiftRows(col: number, cols: number, from: number, by: number): void {
    const inCols = (c: number): boolean => c >= col && c < col + cols;
    const moved = (r: number): number | null => (r < from ? r : by < 0 && r < from - by ? null : r + by);
    const cells: { r: number; c: number; v: XlCellValue | undefined; f?: FakeFormula; e: boolean }[] = [];
    for (let r = from; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = col; c < Math.min(col + cols, row.length); c++) {
        const key = `${r},${c}`;
        if (row[c] === undefined) continue;
        cells.push({ r, c, v: row[c], f: this.formulas.get(key), e: this.errors.has(key) });
        row[c] = undefined;
        this.formulas.delete(key);
        this.errors.delete(key);
      }
    }
    for (const x of cells) {
      const r = moved(x.r);
      if (r === null) continue;
      (this.rows[r] ??= [])[x.c] = x.v;
      if (x.f) this.formulas.set(`${r},${x.c}`, x.f);
      if (x.e) this.errors.add(`${r},${x.c}`);
    }
    const formats = [...this.cellFormats.entries()].filter(([k]) => {
      const [r, c] = k.split(",").map(Number);
      return r >= from && inCols(c);
    });
    for (const [k] of formats) this.cellFormats.delete(k);
    for (const [k, f] of formats) {
      const [r, c] = k.split(",").map(Number);
      const to = moved(r);
      if (to !== null) this.cellFormats.set(`${to},${c}`, f);
    }
    this.layers = this.layers.flatMap((l) => {
      if (l.col < col || l.col + l.cols > col + cols || l.row + l.rows <= from) return [l];
      if (by > 0) return [l.row >= from ? { ...l, row: l.row + by } : { ...l, rows: l.rows + by }];
      const cut = -by;
      const start = l.row >= from ? Math.max(from, l.row - cut) : l.row;
      const removed = Math.max(0, Math.min(l.row + l.rows, from + cut) - Math.max(l.row, from));
      const rows = l.rows - removed;
      return rows > 0 ? [{ ...l, row: l.row >= from + cut ? l.row - cut : start, rows }] : [];
    });
  }
  /** The bounding rectangle of the cells holding values; null for an empty sheet. */
  usedRect(): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.rows.forEach((r, i) => {
      if (!r) return;
      r.forEach((v, c) => {
        if (v === undefined) return;
        if (top < 0) top = i;
        bottom = i;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    if (top < 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** The last fill, font colour or bold applied to a cell. */
  layerAt(row: number, col: number, prop: FormatLayer["prop"]): string | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i];
      if (l.prop === prop && row >= l.row && row < l.row + l.rows && col >= l.col && col < l.col + l.cols) return l.value;
    }
    return undefined;
  }

  /** The values of a rectangle as a 2-D array ("" for empty cells). */
  read(r: Rect): XlCellValue[][] {
    const out: XlCellValue[][] = [];
    for (let i = r.row; i < r.row + r.rows; i++) {
      const row: XlCellValue[] = [];
      for (let c = r.col; c < r.col + r.cols; c++) row.push(this.valueAt(i, c));
      out.push(row);
    }
    return out;
  }
}

const FORBIDDEN = /[[\]:*?/\\]/;

/** Throws as Excel does for a sheet name it refuses. */
export function checkSheetName(name: string): void {
  if (typeof name !== "string" || name.trim() === "") fail("InvalidArgument", "The sheet name cannot be blank.");
  if (name.length > 31) fail("InvalidArgument", `The sheet name is longer than 31 characters: ${name}`);
  if (FORBIDDEN.test(name)) fail("InvalidArgument", `The sheet name contains a character that is not allowed: ${name}`);
  if (name.startsWith("'") || name.endsWith("'")) fail("InvalidArgument", `The sheet name cannot begin or end with an apostrophe: ${name}`);
  if (name.toLowerCase() === "history") fail("InvalidArgument", "History is a reserved sheet name.");
}

/** The whole workbook: sheets, tables, the active sheet and the selection. */
export class WorkbookState {
  sheets: SheetState[] = [];
  /** Workbook structure protected (Review › Protect Workbook): sheets cannot be added, deleted, renamed, hidden. */
  structureProtected = false;
  /** Rows of a sheet: 1,048,576; 65,536 for an .xls open in compatibility mode. */
  rowLimit = MAX_ROWS;
  tables: TableState[] = [];
  active: SheetState | null = null;
  selection: { sheet: SheetState; rect: Rect } | null = null;
  private nextId = 1;
  private nextTable = 1;

  /** The live sheet of that name (case-insensitive), or undefined. */
  sheet(name: string): SheetState | undefined {
    const l = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === l);
  }

  /** Adds a sheet at the end; throws on a bad or taken name. */
  addSheet(name?: string): SheetState {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkStructure();
    checkSheetName(n);
    if (this.sheet(n)) fail("ItemAlreadyExists", `A sheet named ${n} already exists.`);
    const s = new SheetState(this.nextId++, n);
    s.book = this;
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  /** Renames a sheet; throws on a bad or taken name. */
  renameSheet(s: SheetState, name: string): void {
    if (s.name === name) return;
    this.checkStructure();
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== s) fail("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    s.name = name;
  }

  /** Number of visible sheets. */
  visibleCount(): number {
    return this.sheets.filter((s) => s.visibility === "Visible").length;
  }

  /** Deletes a sheet with its tables; the last visible sheet cannot go. */
  deleteSheet(s: SheetState): void {
    this.checkStructure();
    if (s.visibility === "Visible" && this.visibleCount() <= 1) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    // Excel's documented rule: a very hidden sheet is made visible or hidden before it can be deleted.
    if (s.visibility === "VeryHidden") fail("InvalidOperation", "A very hidden worksheet cannot be deleted.");
    s.deleted = true;
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    if (this.active === s) this.active = this.sheets.find((x) => x.visibility === "Visible") ?? null;
    if (this.selection?.sheet === s) this.selection = null;
    // Every formula that referred to the sheet now refers to nothing: #REF!, for good.
    for (const other of this.sheets) for (const f of other.formulas.values()) if (f.ref?.sheet === s) f.ref.sheet = null;
  }

  /** Refuses a structure change while the workbook structure is protected, as Excel does. */
  private checkStructure(): void {
    if (this.structureProtected) fail("AccessDenied", "The workbook structure is protected: sheets cannot be added, deleted, renamed, moved or hidden.");
  }

  /**
   * Inserts (shift down) or deletes (shift up) the cells of a rectangle. A table whose columns the rectangle
   * covers grows, shrinks or moves with it; a table only partly covered cannot be shifted (InvalidOperation).
   */
  shiftCells(sheet: SheetState, rect: Rect, mode: "insert" | "delete"): void {
    const end = rect.row + rect.rows;
    for (const t of this.tables.filter((x) => x.sheet === sheet)) {
      const tEnd = t.rect.row + t.rect.rows;
      const colsOverlap = t.rect.col < rect.col + rect.cols && rect.col < t.rect.col + t.rect.cols;
      const below = mode === "insert" ? rect.row < tEnd : rect.row < tEnd;
      if (!colsOverlap || !below) continue;
      const covers = rect.col <= t.rect.col && rect.col + rect.cols >= t.rect.col + t.rect.cols;
      if (!covers) fail("InvalidOperation", "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.");
      if (mode === "insert") {
        if (rect.row <= t.rect.row) t.rect = { ...t.rect, row: t.rect.row + rect.rows };
        else t.rect = { ...t.rect, rows: t.rect.rows + rect.rows };
      } else if (end <= t.rect.row) t.rect = { ...t.rect, row: t.rect.row - rect.rows };
      else {
        if (rect.row <= t.rect.row) fail("InvalidOperation", "The header row of a table cannot be deleted by shifting cells.");
        const removed = Math.min(end, tEnd) - rect.row;
        if (t.rect.rows - removed < 2) fail("InvalidOperation", "A table keeps at least one data row.");
        t.rect = { ...t.rect, rows: t.rect.rows - removed };
      }
    }
    sheet.shiftRows(rect.col, rect.cols, rect.row, mode === "insert" ? rect.rows : -rect.rows);
  }

  /** Changes a sheet's visibility; the last visible sheet cannot be hidden. */
  setVisibility(s: SheetState, v: XlVisibility): void {
    if (s.visibility === v) return;
    this.checkStructure();
    if (!["Visible", "Hidden", "VeryHidden"].includes(v)) fail("InvalidArgument", `Bad visibility: ${String(v)}`);
    if (v !== "Visible" && s.visibility === "Visible" && this.visibleCount() <= 1) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    s.visibility = v;
  }

  /** Adds a table over a rectangle; throws when it overlaps another table. */
  addTable(sheet: SheetState, rect: Rect): TableState {
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) fail("InvalidOperation", "A table can't overlap another table.");
    let name = `Table${this.nextTable++}`;
    while (this.table(name)) name = `Table${this.nextTable++}`;
    const t: TableState = { name, sheet, rect };
    this.tables.push(t);
    return t;
  }

  /** The table of that name (case-insensitive). */
  table(name: string): TableState | undefined {
    const l = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === l);
  }

  /** Renames a table under Excel's rules: unique, letters/digits/underscore/period, not a cell reference. */
  renameTable(t: TableState, name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || /^[A-Z]{1,3}\d+$/i.test(name) || /^[rc]$/i.test(name)) {
      fail("InvalidArgument", `This table name isn't valid: ${name}`);
    }
    const other = this.table(name);
    if (other && other !== t) fail("InvalidArgument", `A table named ${name} already exists.`);
    t.name = name;
  }
}
