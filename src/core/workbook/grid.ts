/**
 * The workbook model every adapter reads into: named sheets of 2-D raw values, shaped like what
 * Office.js hands over (`values`, `valueTypes`, `numberFormat`) so the add-in needs no copy.
 * Dates are Excel serial day numbers with a date number format; errors are their `#...` text with kind "error".
 */
export type RawValue = string | number | boolean | null;

/** What a cell holds. Dates are "number" cells whose format is a date format. */
export type CellKind = "empty" | "number" | "text" | "boolean" | "error";

export interface SheetGrid {
  name: string;
  /** Row-major values of the used range. Rows may be ragged; missing cells are empty. */
  values: RawValue[][];
  /** Per-cell kind where the source knows it (Office `valueTypes`, ExcelJS cell types); else inferred. */
  kinds?: CellKind[][];
  /** Per-cell number format where known ("General", "0%", "yyyy-mm-dd", ...). */
  formats?: string[][];
  /** 0-based row of values[0] in the sheet (a used range need not start at A1). */
  top?: number;
  /** 0-based column of values[0][0]. */
  left?: number;
  /** Sheet visibility as the source reports it. */
  hidden?: boolean;
  /**
   * Merged areas, in the grid's own 0-based coordinates (like `values`), where the source knows them; a
   * merged area's value sits in its top-left cell, the other cells are empty. Undefined: the source does
   * not say (readers then guess a header cell merged down from the empty cells under it); [] means none.
   */
  merges?: MergedArea[];
}

/** A merged area: rows top…bottom and columns left…right, inclusive, in the grid's own coordinates. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookModel {
  sheets: SheetGrid[];
}

const ERROR_LITERALS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!",
]);

/** True when the text is one of Excel's error values. */
export function isErrorLiteral(text: string): boolean {
  // Every error starts with "#": test that before allocating a trimmed, upper-cased copy.
  const first = text.charCodeAt(0);
  if (first !== 35 && first !== 32 && first !== 9 && first !== 0xa0 && first !== 0x3000) return false;
  return ERROR_LITERALS.has(text.trim().toUpperCase());
}

/** The raw value at (row, col) of the grid's own coordinates; null outside. */
export function rawAt(grid: SheetGrid, row: number, col: number): RawValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/** The kind of the cell at (row, col): from the source where known, else inferred from the value. */
export function kindAt(grid: SheetGrid, row: number, col: number): CellKind {
  const known = grid.kinds?.[row]?.[col];
  if (known) return known;
  const v = rawAt(grid, row, col);
  if (v === null || v === "") return "empty";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "boolean";
  return isErrorLiteral(v) ? "error" : "text";
}

/** The number format at (row, col), "General" when unknown. */
export function formatAt(grid: SheetGrid, row: number, col: number): string {
  return grid.formats?.[row]?.[col] ?? "General";
}

/** Number of rows in the grid. */
export function rowCount(grid: SheetGrid): number {
  return grid.values.length;
}

// Addresses are built for every customer row (its rowAddress): the letters of the first columns are kept.
const LETTERS = new Array<string | undefined>(702);

/** Column letters for a 0-based column index (0 → A, 27 → AB). */
export function columnLetters(col: number): string {
  if (col >= 0 && col < LETTERS.length) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The A1 address (no sheet) of a cell given in the grid's own coordinates. */
export function a1(grid: SheetGrid, row: number, col: number): string {
  return `${columnLetters((grid.left ?? 0) + col)}${(grid.top ?? 0) + row + 1}`;
}

/** A sheet-qualified reference as users read and Excel accepts it: 客户状况登记表!F12, 'Customer Register'!F12. */
export function qualifiedAddress(sheet: string, cell: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/** Parses an A1 address ("F12") into 0-based sheet row/column. */
export function parseA1(cell: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(cell.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses a range ("A1:B3", or one cell "C4") into a merged area in sheet coordinates (0-based); null when malformed. */
export function parseRange(ref: string): MergedArea | null {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col),
  };
}
