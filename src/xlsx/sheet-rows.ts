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
  /** Sees each new row before it is stored and may blank the cells it does not need (see RowFilter). */
  filter?: RowFilter;
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
  if (i === n && n > 0) return Number(s);
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

/**
 * Reads one worksheet part into a grid as it streams (saxes events, no DOM, no object per cell): rows and
 * cells with or without `r`, any namespace prefix, formulas by their cached values (`<v>`), inline strings
 * without their phonetic runs, ISO dates (t="d") as serials. Refuses (PackageDamage) an address past
 * XFD1048576, more than 1,048,576 rows, a value that contradicts its type, more cells than the budget.
 */
export async function readSheetGrid(chunks: AsyncIterable<Buffer>, ctx: SheetContext, grid: SheetGrid): Promise<void> {
  const { part, sheet, strings, formats, dateStyle, date1904, budget, progress, filter } = ctx;
  const values = grid.values;
  const kinds: CellKind[][] = (grid.kinds ??= []);
  const fmts: string[][] = (grid.formats ??= []);
  const kindRows = new RowInterner<CellKind>();
  const formatRows = new RowInterner<string>();
  const EMPTY_KINDS: CellKind[] = [];
  const EMPTY_FORMATS: string[] = [];

  let inData = false;
  let inRow = false;
  let rowsSeen = 0;
  let nextRow = 0;
  let rowIdx = 0;
  let rowKnown = false; // the row's number is fixed (its own r, or its first cell's)
  let vals: RawValue[] = [];
  let ks: CellKind[] = [];
  let fs: string[] = [];
  let nextCol = 0;

  let inCell = false;
  let cellCol = 0;
  let cellType = "n";
  let cellStyle = 0;
  let vText: string | null = null;
  let inV = false;
  let inIs = false;
  let isText: string | null = null;
  const item = new StringItemText();
  const mergeRefs: string[] = [];

  const where = (col: number, row: number): string => `${columnLetters(col)}${row + 1}`;
  const bad = (col: number, detail: string): never => {
    throw damaged("cellValue", { part, sheet, cell: where(col, rowIdx), detail });
  };
  const spend = (n: number): void => {
    budget.left -= n;
    if (budget.left < 0) throw tooLarge("cells", { part, sheet, detail: `${MAX_CELL_SLOTS.toLocaleString("en-US")} cells` });
  };

  const p = xmlParser(part);
  // The text handler is set per row, not around every <v> (saxes's on/off per cell cost more than the text);
  // between rows it stays unset, so saxes does not gather the whitespace there into one item.
  const onText = (s: string): void => {
    if (inV) vText += s;
    else if (inIs) item.add(s);
  };

  const openRow = (tag: SaxesTagPlain): void => {
    if (++rowsSeen > MAX_ROWS) throw damaged("tooManyRows", { part, sheet, detail: String(MAX_ROWS) });
    const r = tag.attributes.r;
    if (r !== undefined) {
      const n = parseIndex(r);
      if (!(n >= 1 && n <= MAX_ROWS)) throw damaged("rowAddress", { part, sheet, cell: r.slice(0, 40) });
      rowIdx = n - 1;
      rowKnown = true;
    } else {
      if (nextRow >= MAX_ROWS) throw damaged("tooManyRows", { part, sheet, detail: String(MAX_ROWS) });
      rowIdx = nextRow;
      rowKnown = false;
    }
    inRow = true;
    vals = [];
    ks = [];
    fs = [];
    nextCol = 0;
  };

  const openCell = (tag: SaxesTagPlain): void => {
    const a = tag.attributes;
    const r = a.r;
    if (r !== undefined) {
      if (!parseRef(r)) throw damaged("cellAddress", { part, sheet, cell: r.slice(0, 40) });
      if (refRow !== rowIdx) {
        if (rowKnown) throw damaged("cellAddress", { part, sheet, cell: r, detail: String(rowIdx + 1) });
        rowIdx = refRow;
      }
      cellCol = refCol;
    } else {
      if (nextCol >= MAX_COLS) throw damaged("cellAddress", { part, sheet, cell: `${where(MAX_COLS - 1, rowIdx)}+1` });
      cellCol = nextCol;
    }
    rowKnown = true;
    nextCol = cellCol + 1;
    cellType = a.t ?? "n";
    const s = a.s;
    cellStyle = s === undefined ? 0 : Number(s) || 0;
    vText = null;
    isText = null;
    inCell = true;
  };

  const closeCell = (): void => {
    inCell = false;
    let value: RawValue = null;
    let kind: CellKind = "empty";
    let isoFormat: string | undefined;
    const col = cellCol;
    switch (cellType) {
      case "n": {
        if (vText === null) break;
        let n = parseNumber(vText);
        if (Number.isNaN(n)) {
          if (vText.trim() === "") break;
          bad(col, `number ${JSON.stringify(vText.slice(0, 40))}`);
        }
        // The 1904 date system counts from 1904-01-01; the model speaks the 1900 system's serials.
        if (date1904 && dateStyle[cellStyle]) n += DAYS_1904;
        value = n;
        kind = "number";
        break;
      }
      case "s": {
        if (vText === null || vText.trim() === "") break;
        const i = parseIndex(vText);
        if (i < 0 || i >= strings.length) bad(col, `shared string ${JSON.stringify(vText.slice(0, 40))} of ${strings.length}`);
        const text = strings[i];
        if (text !== "") {
          value = text;
          kind = "text";
        }
        break;
      }
      case "inlineStr":
      case "str": {
        const text = isText ?? vText ?? "";
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
        else bad(col, `boolean ${JSON.stringify(vText.slice(0, 40))}`);
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
        if (n === null) return bad(col, `date ${JSON.stringify(vText.slice(0, 40))}`);
        value = n;
        kind = "number";
        // An ISO date is a date whatever its style says: it keeps a date format so the core reads it as one.
        if (!dateStyle[cellStyle]) isoFormat = Number.isInteger(n) ? "yyyy-mm-dd" : n < 1 ? "hh:mm:ss" : "yyyy-mm-dd hh:mm:ss";
        break;
      }
      default:
        bad(col, `type t="${cellType.slice(0, 20)}"`);
    }
    if (kind === "empty") return;
    if (col >= vals.length) {
      spend(col + 1 - vals.length);
      const from = vals.length;
      if (col - from > 64) {
        // A wide gap (a cell far to the right): fill in bulk rather than one push at a time.
        vals.length = ks.length = fs.length = col;
        vals.fill(null, from);
        ks.fill("empty", from);
        fs.fill("General", from);
      } else {
        while (vals.length < col) {
          vals.push(null);
          ks.push("empty");
          fs.push("General");
        }
      }
    }
    vals[col] = value;
    ks[col] = kind;
    fs[col] = isoFormat ?? formats[cellStyle] ?? "General";
  };

  const closeRow = (): void => {
    inRow = false;
    nextRow = rowIdx + 1;
    if (vals.length === 0) return;
    if (filter && rowIdx >= values.length) {
      filter(rowIdx, vals, ks, fs);
      // Blanked cells at the end cost nothing once cut off.
      let n = vals.length;
      while (n > 0 && ks[n - 1] === "empty") n--;
      if (n === 0) return;
      vals.length = ks.length = fs.length = n;
    }
    if (rowIdx >= values.length) {
      spend(rowIdx + 1 - values.length);
      while (values.length < rowIdx) {
        values.push([]);
        kinds.push(EMPTY_KINDS);
        fmts.push(EMPTY_FORMATS);
      }
      // A copy of exactly its length: the array grown cell by cell holds up to twice the slots.
      values.push(vals.slice());
      kinds.push(kindRows.intern(ks));
      fmts.push(formatRows.intern(fs));
    } else {
      // A row seen before (rows out of order, or twice): its cells merge, later ones win.
      const old = values[rowIdx];
      const oldK = kinds[rowIdx].slice();
      const oldF = fmts[rowIdx].slice();
      for (let c = 0; c < vals.length; c++) {
        if (ks[c] === "empty") continue;
        if (c >= old.length) spend(c + 1 - old.length);
        while (old.length < c) {
          old.push(null);
          oldK.push("empty");
          oldF.push("General");
        }
        old[c] = vals[c];
        oldK[c] = ks[c];
        oldF[c] = fs[c];
      }
      kinds[rowIdx] = kindRows.intern(oldK);
      fmts[rowIdx] = formatRows.intern(oldF);
    }
    if (progress && rowIdx % 5000 === 0) progress(sheet, rowIdx);
  };

  p.on("opentag", (tag) => {
    const n = localName(tag.name);
    if (!inData) {
      if (n === "sheetData") inData = true;
      else if (n === "mergeCell" && tag.attributes.ref) mergeRefs.push(tag.attributes.ref);
      return;
    }
    if (inCell) {
      if (n === "v") {
        inV = true;
        vText = "";
      } else if (n === "is") {
        inIs = true;
        isText = "";
      } else if (inIs) {
        item.open(n);
      }
    } else if (n === "c") {
      if (inRow) openCell(tag);
    } else if (n === "row") {
      openRow(tag);
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
        isText = item.take();
      } else if (n === "c") {
        closeCell();
      } else if (inIs) {
        item.close(n);
      }
    } else if (n === "row") {
      p.off("text");
      if (inRow) closeRow();
    } else if (n === "sheetData") {
      inData = false;
    }
  });
  p.on("cdata", (s) => {
    if (inV) vText += s;
    else if (inIs) item.add(s);
  });
  await feedXml(chunks, part, p);
  // Merged areas (the grid starts at A1, so sheet and grid coordinates agree); header rows need them.
  grid.merges = mergeRefs.map(parseRange).filter((m): m is MergedArea => m !== null);
}
