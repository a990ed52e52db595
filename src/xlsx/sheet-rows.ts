import type { SaxesTagPlain } from "saxes";
import { columnLetters, parseRange, type CellKind, type MergedArea, type RawValue, type SheetGrid } from "../core/workbook/grid";
import { damaged, tooLarge } from "./read-error";
import { StringItemText } from "./read-shared-strings";
import { RowInterner } from "./row-interner";
import { feedXml, localName, xmlParser } from "./xml-stream";

/** Excel's last row (1,048,576) and last column (XFD = 16,384). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/**
 * Most grid slots (cells, counting blanks inside a row, plus one per row) a workbook may fill: 16.7 million,
 * five times the 100,000-customer bench workbook; about 130 MB of values at most on a hostile file (one
 * cell at XFD in every row) instead of gigabytes.
 */
export const MAX_CELL_SLOTS = 1 << 24;

/** Grid slots left for the workbook being read (shared by its sheets). */
export interface CellBudget {
  left: number;
}

/** What reading one worksheet part needs. */
export interface SheetContext {
  part: string;
  sheet: string;
  strings: string[];
  formats: string[];
  /** Per cell style: its format shows a date (the 1904 shift applies to those serials only). */
  dateStyle: boolean[];
  date1904: boolean;
  budget: CellBudget;
  progress?: (sheet: string, rows: number) => void;
  /** A new row filter for one reading of the sheet (see RowFilter); it sees each new row before it is stored and may blank the cells it does not need. */
  filter?: () => RowFilter | undefined;
}

/**
 * Decides, row by row as a sheet streams, which cells are kept: it gets each row's own arrays (0-based row
 * index, values, kinds, formats) and blanks what is not needed (value null, kind "empty", format "General").
 * Lets a caller keep a few columns of a big sheet, chosen once its header row has been seen.
 */
export type RowFilter = (row: number, values: RawValue[], kinds: CellKind[], formats: string[]) => void;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell's number (XML Schema's xsd:double lexical form, surrounding spaces allowed); NaN when it is none. */
function parseNumber(s: string): number {
  // Plain digits (most cells) are checked by a scan; anything else by the full pattern.
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
  }
  if (i === n && n > 0) {
    // 309 digits or more overflow to Infinity: refused like any other number out of range.
    const v = Number(s);
    return Number.isFinite(v) ? v : NaN;
  }
  const t = s.trim();
  if (!NUMBER.test(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

/** A non-negative integer written in plain digits (surrounding spaces allowed); -1 when it is none. */
function parseIndex(s: string): number {
  let v = 0;
  let digits = 0;
  let i = 0;
  const n = s.length;
  while (i < n && s.charCodeAt(i) <= 32) i++;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    if (++digits > 15) return -1;
  }
  while (i < n && s.charCodeAt(i) <= 32) i++;
  return digits > 0 && i === n ? v : -1;
}
/** Days from 1900-01-00 (Excel's 1900 system) to 1904-01-01, the 1904 system's day 0. */
const DAYS_1904 = 1462;

// The cell address parsed last (parseRef writes here: no object per cell).
let refCol = 0;
let refRow = 0;

/** Parses an A1 reference ("AB12", "$ab$12") into refCol/refRow (0-based); false when it is none or past XFD1048576. */
function parseRef(ref: string): boolean {
  let i = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const c0 = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > MAX_COLS) return false;
  }
  if (i === c0) return false;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const r0 = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
    if (row > MAX_ROWS) return false;
  }
  if (i === r0 || row === 0) return false;
  refCol = col - 1;
  refRow = row - 1;
  return true;
}

/** Excel serial of an ISO 8601 date/time (t="d" cells): the same day in either date system. */
function isoToSerial(s: string): number | null {
  if (/^\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(s)) {
    const [h, m, sec] = s.split(":").map(Number);
    return (h * 3600 + m * 60 + (sec || 0)) / 86400;
  }
  if (!/^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?)?([zZ]|[+-]\d\d:?\d\d)?$/.test(s)) return null;
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(" ", "T")}${s.length > 10 ? "" : "T00:00:00"}Z`);
  if (!Number.isFinite(t)) return null;
  const serial = t / 86400000 + 25569;
  // Before 1900-03-01 the 1900 system counts Excel's phantom 29 Feb 1900 one day less.
  return serial < 61 ? serial - 1 : serial;
}

/** Cell types as the fast scanner hands them over (the same strings saxes gives, so `===` compares them). */
export const CELL_TYPES = ["n", "s", "str", "inlineStr", "b", "e", "d"] as const;

/**
 * Builds a sheet's grid from the cells of its <sheetData>, whichever parser finds them (saxes, or the byte
 * scanner of sheet-scan.ts): one place for what a cell means, so both read a part alike. The parser calls
 * openRow, openCell, sets vText/isText (or vNumber for plain digits), closeCell, closeRow, in document order.
 */
export class GridBuilder {
  private readonly values: RawValue[][];
  private readonly kinds: CellKind[][];
  private readonly fmts: string[][];
  private readonly kindRows = new RowInterner<CellKind>();
  private readonly formatRows = new RowInterner<string>();
  private rowsSeen = 0;
  private nextRow = 0;
  private rowIdx = 0;
  /** The row's number is fixed (its own r, or its first cell's). */
  private rowKnown = false;
  // The row being read: its first `len` slots (arrays reused row after row; a row is stored as a copy).
  private readonly vals: RawValue[] = [];
  private readonly ks: CellKind[] = [];
  private readonly fs: string[] = [];
  private len = 0;
  private nextCol = 0;
  private cellCol = 0;
  private cellType = "n";
  private cellStyle = 0;
  /** The cell's <v> text (null: no <v>); vNumber stands for it when vIsNumber (plain digits, see sheet-scan). */
  vText: string | null = null;
  vNumber = 0;
  vIsNumber = false;
  /** The cell's inline string (null: no <is>). */
  isText: string | null = null;
  /** Refs of <mergeCell> elements outside <sheetData>. */
  readonly mergeRefs: string[] = [];

  constructor(
    private readonly ctx: SheetContext,
    grid: SheetGrid,
    private readonly filter: RowFilter | undefined,
  ) {
    this.values = grid.values;
    this.kinds = grid.kinds ??= [];
    this.fmts = grid.formats ??= [];
  }

  private where(col: number, row: number): string {
    return `${columnLetters(col)}${row + 1}`;
  }

  private bad(col: number, detail: string): never {
    const { part, sheet } = this.ctx;
    throw damaged("cellValue", { part, sheet, cell: this.where(col, this.rowIdx), detail });
  }

  private spend(n: number): void {
    const { budget, part, sheet } = this.ctx;
    budget.left -= n;
    if (budget.left < 0) throw tooLarge("cells", { part, sheet, detail: `${MAX_CELL_SLOTS.toLocaleString("en-US")} cells` });
  }

  /** A <row> opens; `r` is its r attribute as written (undefined when it has none). */
  openRow(r: string | undefined): void {
    const { part, sheet } = this.ctx;
    if (r === undefined) return this.openRowAt(-1);
    const n = parseIndex(r);
    if (!(n >= 1 && n <= MAX_ROWS)) {
      if (++this.rowsSeen > MAX_ROWS) throw damaged("tooManyRows", { part, sheet, detail: String(MAX_ROWS) });
      throw damaged("rowAddress", { part, sheet, cell: r.slice(0, 40) });
    }
    this.openRowAt(n);
  }

  /** A <row> opens: `n` its 1-based number (1 to MAX_ROWS), -1 when it has no r. */
  openRowAt(n: number): void {
    const { part, sheet } = this.ctx;
    if (++this.rowsSeen > MAX_ROWS) throw damaged("tooManyRows", { part, sheet, detail: String(MAX_ROWS) });
    if (n > 0) {
      this.rowIdx = n - 1;
      this.rowKnown = true;
    } else {
      if (this.nextRow >= MAX_ROWS) throw damaged("tooManyRows", { part, sheet, detail: String(MAX_ROWS) });
      this.rowIdx = this.nextRow;
      this.rowKnown = false;
    }
    this.len = 0;
    this.nextCol = 0;
  }

  /** A <c> opens with its r, t and s attributes as written (undefined when absent). */
  openCell(r: string | undefined, t: string | undefined, s: string | undefined): void {
    if (r !== undefined) {
      if (!parseRef(r)) throw damaged("cellAddress", { part: this.ctx.part, sheet: this.ctx.sheet, cell: r.slice(0, 40) });
      this.openCellAt(refCol, refRow, t ?? "n", s === undefined ? 0 : Number(s) || 0, r);
    } else {
      this.openCellAt(-1, -1, t ?? "n", s === undefined ? 0 : Number(s) || 0, "");
    }
  }

  /**
   * A <c> opens at a checked address (0-based; col -1 when it has no r; `ref` as written, for messages), of
   * type `t` and style index `style` (Number(s) || 0).
   */
  openCellAt(col: number, row: number, t: string, style: number, ref: string): void {
    if (col >= 0) {
      if (row !== this.rowIdx) {
        if (this.rowKnown) throw damaged("cellAddress", { part: this.ctx.part, sheet: this.ctx.sheet, cell: ref, detail: String(this.rowIdx + 1) });
        this.rowIdx = row;
      }
      this.cellCol = col;
    } else {
      if (this.nextCol >= MAX_COLS) throw damaged("cellAddress", { part: this.ctx.part, sheet: this.ctx.sheet, cell: `${this.where(MAX_COLS - 1, this.rowIdx)}+1` });
      this.cellCol = this.nextCol;
    }
    this.rowKnown = true;
    this.nextCol = this.cellCol + 1;
    this.cellType = t;
    this.cellStyle = style;
    this.vText = null;
    this.vIsNumber = false;
    this.isText = null;
  }

  /** The cell closes: its value is stored by its type. */
  closeCell(): void {
    const { strings, formats, dateStyle, date1904 } = this.ctx;
    let value: RawValue = null;
    let kind: CellKind = "empty";
    let isoFormat: string | undefined;
    const col = this.cellCol;
    const vText = this.vIsNumber ? null : this.vText;
    switch (this.cellType) {
      case "n": {
        let n: number;
        if (this.vIsNumber) n = this.vNumber;
        else {
          if (vText === null) break;
          n = parseNumber(vText);
          if (Number.isNaN(n)) {
            if (vText.trim() === "") break;
            this.bad(col, `number ${JSON.stringify(vText.slice(0, 40))}`);
          }
        }
        // The 1904 date system counts from 1904-01-01; the model speaks the 1900 system's serials.
        if (date1904 && dateStyle[this.cellStyle]) n += DAYS_1904;
        value = n;
        kind = "number";
        break;
      }
      case "s": {
        let i: number;
        if (this.vIsNumber) i = this.vNumber;
        else {
          if (vText === null || vText.trim() === "") break;
          i = parseIndex(vText);
        }
        if (i < 0 || i >= strings.length) this.bad(col, `shared string ${JSON.stringify(this.vIsNumber ? String(i) : (vText ?? "").slice(0, 40))} of ${strings.length}`);
        const text = strings[i];
        if (text !== "") {
          value = text;
          kind = "text";
        }
        break;
      }
      case "inlineStr":
      case "str": {
        const text = this.isText ?? vText ?? "";
        if (text !== "") {
          value = text;
          kind = "text";
        }
        break;
      }
      case "b": {
        if (vText === null || vText.trim() === "") break;
        const s = vText.trim().toLowerCase();
        if (s === "1" || s === "true") value = true;
        else if (s === "0" || s === "false") value = false;
        else this.bad(col, `boolean ${JSON.stringify(vText.slice(0, 40))}`);
        kind = "boolean";
        break;
      }
      case "e": {
        const s = (vText ?? "").trim();
        if (s !== "") {
          value = s;
          kind = "error";
        }
        break;
      }
      case "d": {
        if (vText === null || vText.trim() === "") break;
        const n = isoToSerial(vText.trim());
        if (n === null) return this.bad(col, `date ${JSON.stringify(vText.slice(0, 40))}`);
        value = n;
        kind = "number";
        // An ISO date is a date whatever its style says: it keeps a date format so the core reads it as one.
        if (!dateStyle[this.cellStyle]) isoFormat = Number.isInteger(n) ? "yyyy-mm-dd" : n < 1 ? "hh:mm:ss" : "yyyy-mm-dd hh:mm:ss";
        break;
      }
      default:
        this.bad(col, `type t="${this.cellType.slice(0, 20)}"`);
    }
    if (kind === "empty") return;
    const { vals, ks, fs } = this;
    let len = this.len;
    if (col >= len) {
      this.spend(col + 1 - len);
      // Slot by slot from the row's end (never past the arrays' end: they stay without holes).
      for (; len < col; len++) {
        vals[len] = null;
        ks[len] = "empty";
        fs[len] = "General";
      }
      this.len = col + 1;
    }
    vals[col] = value;
    ks[col] = kind;
    fs[col] = isoFormat ?? formats[this.cellStyle] ?? "General";
  }

  /** The row closes: it is stored (or merged into a row of the same number read before). */
  closeRow(): void {
    const { values, kinds, fmts, filter } = this;
    const rowIdx = this.rowIdx;
    this.nextRow = rowIdx + 1;
    let len = this.len;
    if (len === 0) return;
    let vals = this.vals;
    let ks = this.ks;
    let fs = this.fs;
    // True while vals, ks, fs are the scratch arrays (the row is their first len slots: stored as copies).
    let scratch = true;
    if (filter && rowIdx >= values.length) {
      // The filter gets arrays of the row's length, then blanked cells at the end are cut off.
      const full = len;
      vals = vals.slice(0, len);
      ks = ks.slice(0, len);
      fs = fs.slice(0, len);
      filter(rowIdx, vals, ks, fs);
      while (len > 0 && ks[len - 1] === "empty") len--;
      if (len === 0) return;
      scratch = len < full;
    }
    if (rowIdx >= values.length) {
      this.spend(rowIdx + 1 - values.length);
      while (values.length < rowIdx) {
        values.push([]);
        kinds.push(EMPTY_KINDS);
        fmts.push(EMPTY_FORMATS);
      }
      // Copies of exactly the row's length (a row like one before shares its kinds and formats).
      values.push(scratch ? vals.slice(0, len) : vals);
      kinds.push(scratch ? this.kindRows.intern(ks, len) : this.kindRows.intern(ks));
      fmts.push(scratch ? this.formatRows.intern(fs, len) : this.formatRows.intern(fs));
    } else {
      // A row seen before (rows out of order, or twice): its cells merge, later ones win.
      const old = values[rowIdx];
      const oldK = kinds[rowIdx].slice();
      const oldF = fmts[rowIdx].slice();
      for (let c = 0; c < len; c++) {
        if (ks[c] === "empty") continue;
        if (c >= old.length) this.spend(c + 1 - old.length);
        while (old.length < c) {
          old.push(null);
          oldK.push("empty");
          oldF.push("General");
        }
        old[c] = vals[c];
        oldK[c] = ks[c];
        oldF[c] = fs[c];
      }
      kinds[rowIdx] = this.kindRows.intern(oldK);
      fmts[rowIdx] = this.formatRows.intern(oldF);
    }
    if (this.ctx.progress && rowIdx % 5000 === 0) this.ctx.progress(this.ctx.sheet, rowIdx);
  }
}

const EMPTY_KINDS: CellKind[] = [];
const EMPTY_FORMATS: string[] = [];

/** Merged areas (the grid starts at A1, so sheet and grid coordinates agree); header rows need them. */
export function mergesOf(refs: readonly string[]): MergedArea[] {
  return refs.map(parseRange).filter((m): m is MergedArea => m !== null);
}

/** readSheetGrid (sheet-scan.ts) by saxes alone: the reading that decides whenever the byte scanner gives up. */
export async function readSheetGridSaxes(chunks: AsyncIterable<Buffer>, ctx: SheetContext, grid: SheetGrid): Promise<void> {
  const b = new GridBuilder(ctx, grid, ctx.filter?.());
  let inData = false;
  let inRow = false;
  let inCell = false;
  let inV = false;
  let inIs = false;
  const item = new StringItemText();

  const p = xmlParser(ctx.part);
  // The text handler is set per row, not around every <v> (saxes's on/off per cell cost more than the text);
  // between rows it stays unset, so saxes does not gather the whitespace there into one item.
  const onText = (s: string): void => {
    if (inV) b.vText += s;
    else if (inIs) item.add(s);
  };

  p.on("opentag", (tag: SaxesTagPlain) => {
    const n = localName(tag.name);
    if (!inData) {
      if (n === "sheetData") inData = true;
      else if (n === "mergeCell" && tag.attributes.ref) b.mergeRefs.push(tag.attributes.ref);
      return;
    }
    if (inCell) {
      if (n === "v") {
        inV = true;
        b.vText = "";
      } else if (n === "is") {
        inIs = true;
        b.isText = "";
      } else if (inIs) {
        item.open(n);
      }
    } else if (n === "c") {
      if (inRow) {
        const a = tag.attributes;
        b.openCell(a.r, a.t, a.s);
        inCell = true;
      }
    } else if (n === "row") {
      b.openRow(tag.attributes.r);
      inRow = true;
      p.on("text", onText);
    }
  });
  p.on("closetag", (tag) => {
    if (!inData) return;
    const n = localName(tag.name);
    if (inCell) {
      if (n === "v") {
        inV = false;
      } else if (n === "is") {
        inIs = false;
        b.isText = item.take();
      } else if (n === "c") {
        inCell = false;
        b.closeCell();
      } else if (inIs) {
        item.close(n);
      }
    } else if (n === "row") {
      p.off("text");
      if (inRow) {
        inRow = false;
        b.closeRow();
      }
    } else if (n === "sheetData") {
      inData = false;
    }
  });
  p.on("cdata", (s) => {
    if (inV) b.vText += s;
    else if (inIs) item.add(s);
  });
  await feedXml(chunks, ctx.part, p);
  grid.merges = mergesOf(b.mergeRefs);
}
