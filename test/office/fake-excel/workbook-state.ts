import type { XlCellValue, XlVisibility } from "../../../src/office/excel-subset";
import { isErrorLiteral } from "../../../src/core/workbook/grid";
import { MAX_ROWS, overlaps, type Rect } from "./address";
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
  /** Name of the first series, when set. */
  seriesName?: string;
  /** Series added after the first (ExcelApi 1.7): name, values and x-axis values. */
  more?: { name: string; values?: Rect; xValues?: Rect }[];
}

/** One worksheet's content. */
export class SheetState {
  deleted = false;
  visibility: XlVisibility = "Visible";
  /** Values by row then column; undefined is an empty cell. */
  rows: (XlCellValue | undefined)[][] = [];
  /** Cells holding an error value ("r,c"). */
  errors = new Set<string>();
  /** Formulas by "r,c". */
  formulas = new Map<string, string>();
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

  /** The value of a cell; "" when empty. */
  valueAt(row: number, col: number): XlCellValue {
    return this.rows[row]?.[col] ?? "";
  }

  /** The formula of a cell, if a string written to it became one. */
  formulaAt(row: number, col: number): string | undefined {
    return this.formulas.get(`${row},${col}`);
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
        this.formulas.set(key, v);
        value = "#NAME?";
        this.errors.add(key);
      } else if (!text && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) value = Number(v);
      else if (isErrorLiteral(v)) this.errors.add(key);
    }
    let r = this.rows[row];
    if (!r) {
      if (value === undefined) return;
      r = this.rows[row] = [];
    }
    r[col] = value;
  }

  /** Empties a rectangle: values, formulas and single-cell formats. */
  clear(rect: Rect): void {
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
    this.layers = this.layers.filter((l) => !overlaps(l, rect));
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
    checkSheetName(n);
    if (this.sheet(n)) fail("ItemAlreadyExists", `A sheet named ${n} already exists.`);
    const s = new SheetState(this.nextId++, n);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  /** Renames a sheet; throws on a bad or taken name. */
  renameSheet(s: SheetState, name: string): void {
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
    if (s.visibility === "Visible" && this.visibleCount() <= 1) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    s.deleted = true;
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    if (this.active === s) this.active = this.sheets.find((x) => x.visibility === "Visible") ?? null;
    if (this.selection?.sheet === s) this.selection = null;
  }

  /** Changes a sheet's visibility; the last visible sheet cannot be hidden. */
  setVisibility(s: SheetState, v: XlVisibility): void {
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
