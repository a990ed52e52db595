import { normalizeHeader } from "../text/normalize-header";
import { kindAt, rawAt, type SheetGrid } from "../workbook/grid";
import { isBlankRow } from "./row-kinds";

/** The header row found in a sheet, with the columns of the fields it names. */
export interface HeaderRow {
  /** 0-based row in the grid's own coordinates. */
  row: number;
  /** Field id → the first column whose header matched it. */
  columns: Map<string, number>;
  /** Non-empty header cells that name no known field (wide evaluation sheets read these as indicators). */
  unmatched: { col: number; text: string }[];
  /** Later cells naming a field already matched in this row; they are not read. */
  duplicates: { col: number; text: string; field: string }[];
}

export interface FindHeaderOptions {
  /** Distinct fields a row must name to be the header; 2 unless told (spec: "at least two cells"). */
  minMatches?: number;
  /** How many non-empty rows from the top are searched; 10 unless told (spec). */
  scanRows?: number;
}

const DEFAULT_MIN_MATCHES = 2;
const DEFAULT_SCAN_ROWS = 10;

/** The header text of a cell as the user sees it: trimmed text, numbers as digits, "" for empty or errors. */
function headerText(grid: SheetGrid, row: number, col: number): string {
  const kind = kindAt(grid, row, col);
  if (kind === "empty" || kind === "error") return "";
  const v = rawAt(grid, row, col);
  return v === null ? "" : String(v).trim();
}

function readRow(grid: SheetGrid, row: number, match: (normalizedHeader: string) => string | undefined): HeaderRow {
  const columns = new Map<string, number>();
  const unmatched: HeaderRow["unmatched"] = [];
  const duplicates: HeaderRow["duplicates"] = [];
  const width = grid.values[row]?.length ?? 0;
  for (let col = 0; col < width; col++) {
    const text = headerText(grid, row, col);
    if (text === "") continue;
    const field = match(normalizeHeader(text));
    if (field === undefined) unmatched.push({ col, text });
    else if (columns.has(field)) duplicates.push({ col, text, field });
    else columns.set(field, col);
  }
  return { row, columns, unmatched, duplicates };
}

/**
 * The header row: the first of the sheet's first 10 non-empty rows naming at least two known fields
 * (spec "Finding the header row"). Blank rows are skipped and do not count; banner titles above the
 * header are rows with fewer matches. Matches are counted per distinct field, so a data row that
 * happens to repeat one header word ("电话" as a channel) twice is not taken for the header. Null when none.
 */
export function findHeaderRow(
  grid: SheetGrid,
  match: (normalizedHeader: string) => string | undefined,
  opts: FindHeaderOptions = {},
): HeaderRow | null {
  const minMatches = Math.max(1, opts.minMatches ?? DEFAULT_MIN_MATCHES);
  const scanRows = opts.scanRows ?? DEFAULT_SCAN_ROWS;
  let seen = 0;
  for (let row = 0; row < grid.values.length && seen < scanRows; row++) {
    if (isBlankRow(grid, row)) continue;
    seen++;
    const found = readRow(grid, row, match);
    if (found.columns.size >= minMatches) return found;
  }
  return null;
}
