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
  /** Column → its header text as typed (trimmed), including cells merged down into this row. */
  texts: Map<number, string>;
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

type Match = (normalizedHeader: string) => string | undefined;

/** A cell's header text standing in another row: a cell merged down from above, or the row's own cell. */
interface HeaderCell {
  col: number;
  text: string;
}

/**
 * Cells merged down across rows, by the row they count for (the merge's lowest row), and the top-left
 * cells that therefore do not count for their own row. Only from the grid's own merge list.
 */
function mergedDown(grid: SheetGrid, rows: number): { byRow: Map<number, HeaderCell[]>; moved: Set<number> } {
  const byRow = new Map<number, HeaderCell[]>();
  const moved = new Set<number>();
  for (const m of grid.merges ?? []) {
    if (m.bottom <= m.top || m.top >= rows) continue;
    const text = headerText(grid, m.top, m.left);
    if (text === "") continue;
    const bottom = Math.min(m.bottom, rows - 1);
    const list = byRow.get(bottom) ?? [];
    list.push({ col: m.left, text });
    byRow.set(bottom, list);
    moved.add(m.top * 16384 + m.left);
  }
  return { byRow, moved };
}

function readCells(
  grid: SheetGrid, row: number, match: Match, extra: HeaderCell[], moved: Set<number>, inherit: boolean,
): HeaderRow {
  const columns = new Map<string, number>();
  const unmatched: HeaderRow["unmatched"] = [];
  const duplicates: HeaderRow["duplicates"] = [];
  const cells: HeaderCell[] = [...extra];
  const width = Math.max(grid.values[row]?.length ?? 0, ...extra.map((e) => e.col + 1));
  const own: HeaderCell[] = [];
  for (let col = 0; col < width; col++) {
    if (moved.has(row * 16384 + col)) continue;
    const text = headerText(grid, row, col);
    if (text !== "") own.push({ col, text });
  }
  cells.push(...own);
  if (inherit && row > 0) {
    // No merge list from the source: a known name right above an empty cell of this row is taken for a
    // cell merged down across both rows (group rows such as 存贷情况 over 日均存款 / 日均贷款).
    const taken = new Set(cells.map((c) => c.col));
    const above = grid.values[row - 1]?.length ?? 0;
    for (let col = 0; col < above; col++) {
      if (taken.has(col)) continue;
      const text = headerText(grid, row - 1, col);
      if (text !== "" && match(normalizeHeader(text)) !== undefined) cells.push({ col, text });
    }
  }
  cells.sort((a, b) => a.col - b.col);
  const texts = new Map<number, string>();
  for (const { col, text } of cells) {
    texts.set(col, text);
    const field = match(normalizeHeader(text));
    if (field === undefined) unmatched.push({ col, text });
    else if (columns.has(field)) duplicates.push({ col, text, field });
    else columns.set(field, col);
  }
  return { row, columns, unmatched, duplicates, texts };
}

/** Distinct known fields a row names by its own cells (no merged or inherited ones). */
function ownMatches(grid: SheetGrid, row: number, match: Match): number {
  const fields = new Set<string>();
  const width = grid.values[row]?.length ?? 0;
  for (let col = 0; col < width; col++) {
    const text = headerText(grid, row, col);
    if (text === "") continue;
    const f = match(normalizeHeader(text));
    if (f !== undefined) fields.add(f);
  }
  return fields.size;
}

/**
 * The header row (spec "Finding the header row"): among the sheet's first 10 non-empty rows, the row naming
 * the most known fields, at least two; on a tie, the first. So a grouped header — a merged row of group
 * labels such as 存贷情况 over 日均存款 / 日均贷款 — is passed over for the row of real names under it, and
 * a cell merged down across both rows counts for the lower row. Blank rows are skipped and do not count;
 * banner titles have fewer matches. Matches are counted per distinct field, so a data row that repeats one
 * header word ("电话" as a channel) is not taken for the header. Null when no row qualifies.
 */
export function findHeaderRow(grid: SheetGrid, match: Match, opts: FindHeaderOptions = {}): HeaderRow | null {
  const minMatches = Math.max(1, opts.minMatches ?? DEFAULT_MIN_MATCHES);
  const scanRows = opts.scanRows ?? DEFAULT_SCAN_ROWS;
  const { byRow, moved } = mergedDown(grid, grid.values.length);
  const guessMerges = grid.merges === undefined;
  let best: HeaderRow | null = null;
  let seen = 0;
  for (let row = 0; row < grid.values.length && seen < scanRows; row++) {
    const extra = byRow.get(row) ?? [];
    if (extra.length === 0 && isBlankRow(grid, row)) continue;
    seen++;
    // Guessing is for rows naming a known column themselves (a data row under the header then ties with
    // it at best: its filled cells sit under known names it cannot inherit), never for 1-match searches.
    const inherit = guessMerges && minMatches >= 2 && ownMatches(grid, row, match) >= 1;
    const found = readCells(grid, row, match, extra, moved, inherit);
    if (found.columns.size >= minMatches && (!best || found.columns.size > best.columns.size)) best = found;
  }
  return best;
}
