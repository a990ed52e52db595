import type { SheetGrid } from "../workbook/grid";
import { cellValue, mapColumns, NO_USER_COLUMNS } from "./previous-outputs";
import { rowKey, type TabSpec } from "./tab-spec";
import type { PlanValue } from "./write-plan";

/**
 * Which cells of a previous output tab a next run needs, for adapters that can read columns separately
 * (the add-in): what `readPreviousOutputs` and the carry-over look at, and nothing more. Everything here is
 * a superset of what the core uses, so a model read this way gives the same plan as one read in full.
 */

/** The columns of one previous output tab to read, in the grid's own column indexes. */
export interface PreviousTabReads {
  /** Grid row of the header (within the first ten rows). */
  headerRow: number;
  /** Columns read for every row: keys, editable and carried columns, users' columns; all for a tab read whole. */
  columns: number[];
  /** Of `columns`, those whose number formats the carry-over uses (users' columns keep their format). */
  formatColumns: number[];
  /** Computed columns skipped: read only for the rows `rowsReadWhole` names. */
  skipped: number[];
}

/**
 * The columns to read of a previous output tab, from its first rows (`head`, full width): every column
 * when the tab is read whole (the history, the run log) or has row fingerprints (its computed cells are
 * compared with them); otherwise the row keys, editable and carried columns and the columns users added,
 * and not the computed ones. Null when no header row is found (the core then reads no rows either).
 */
export function previousTabReads(head: SheetGrid, spec: TabSpec, fingerprinted: boolean): PreviousTabReads | null {
  const mapped = mapColumns(head, spec);
  if (!mapped) return null;
  const header = head.values[mapped.headerRow] ?? [];
  const width = head.values.reduce((n, r) => Math.max(n, r.length), 0);
  const wanted = new Set(spec.columns.filter((c) => c.editable || c.carried || spec.keyColumns.includes(c.id)).map((c) => c.id));
  const whole = !!spec.carriedWhole || fingerprinted;
  const out: PreviousTabReads = { headerRow: mapped.headerRow, columns: [], formatColumns: [], skipped: [] };
  for (let c = 0; c < width; c++) {
    const id = mapped.cols.get(c);
    const h = header[c] ?? null;
    const userColumn = id === undefined && !NO_USER_COLUMNS.has(spec.id) && typeof h !== "boolean" && h !== null && String(h).trim() !== "";
    if (userColumn) out.formatColumns.push(c);
    if (whole || userColumn || (id !== undefined && wanted.has(id))) out.columns.push(c);
    else if (id !== undefined) out.skipped.push(c);
  }
  return out;
}

/**
 * Rows of a previous output tab (grid rows, read with `reads.columns` only) whose skipped columns must be
 * read too, because the carry-over may keep the row whole: rows without a key, rows holding a value in a
 * user's column (kept whole when no current row takes them), and — on tabs keyed by customer — rows whose
 * customer the previous history does not list, or whose key came earlier (the carry-over's user rows).
 */
export function rowsReadWhole(grid: SheetGrid, spec: TabSpec, reads: PreviousTabReads, historyKeys: ReadonlySet<string>): number[] {
  if (reads.skipped.length === 0) return [];
  const mapped = mapColumns(grid, spec);
  if (!mapped) return [];
  const keyCols = spec.keyColumns.map((id) => [...mapped.cols].find(([, v]) => v === id)?.[0]);
  const users = reads.columns.filter((c) => !mapped.cols.has(c));
  const byCustomer = spec.keyColumns[0] === "key";
  const seen = new Set<string>();
  const out: number[] = [];
  for (let r = mapped.headerRow + 1; r < grid.values.length; r++) {
    const record: Record<string, PlanValue> = {};
    spec.keyColumns.forEach((id, i) => {
      const c = keyCols[i];
      record[id] = c === undefined ? null : cellValue(grid, r, c);
    });
    const key = rowKey(spec, record);
    const customer = String(record[spec.keyColumns[0]] ?? "");
    const noKey = spec.keyColumns.every((id) => record[id] === null || record[id] === "");
    const typed = users.some((c) => {
      const v = cellValue(grid, r, c);
      return v !== null && v !== "";
    });
    const userRow = byCustomer && (customer === "" || !historyKeys.has(customer) || seen.has(key));
    seen.add(key);
    if (noKey || typed || userRow) out.push(r);
  }
  return out;
}
