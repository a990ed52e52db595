import type { SheetGrid } from "../workbook/grid";
import { cellValue, mapColumns, NO_USER_COLUMNS } from "./previous-outputs";
import type { TabSpec } from "./tab-spec";
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
 * read too, because the carry-over may keep the row whole: the rows `wholeRowRule` names.
 */
export function rowsReadWhole(grid: SheetGrid, spec: TabSpec, reads: PreviousTabReads, historyKeys: ReadonlySet<string>): number[] {
  if (reads.skipped.length === 0) return [];
  const mapped = mapColumns(grid, spec);
  if (!mapped) return [];
  const keyCols = spec.keyColumns.map((id) => [...mapped.cols].find(([, v]) => v === id)?.[0]);
  const users = reads.columns.filter((c) => !mapped.cols.has(c));
  const whole = wholeRowRule(spec, historyKeys);
  const keyCells: PlanValue[] = [];
  const out: number[] = [];
  for (let r = mapped.headerRow + 1; r < grid.values.length; r++) {
    for (let i = 0; i < keyCols.length; i++) keyCells[i] = keyCols[i] === undefined ? null : cellValue(grid, r, keyCols[i]!);
    const typed = users.some((c) => {
      const v = cellValue(grid, r, c);
      return v !== null && v !== "";
    });
    if (whole(keyCells, typed)) out.push(r);
  }
  return out;
}

const SEP = "\u241f";

/** Decides, row by row, whether a previous tab's row is read whole (see wholeRowRule). */
export type WholeRowRule = (keyCells: readonly PlanValue[], userValue: boolean) => boolean;

/**
 * The rule "which rows of a previous output tab are read whole" (computed cells too), one row at a time in
 * sheet order, for the add-in's column reads and the command line's streaming filter alike. A row is read
 * whole when the carry-over may keep it as it is: it has no key; a column users added holds a value in it;
 * or, on tabs keyed by customer, its customer is empty or not in the previous history, or its key came
 * earlier in the tab (the carry-over's user rows). `keyCells`: the row's key cells in `spec.keyColumns`
 * order as the core reads them (`cellValue`: empty and error cells null), an array the caller may reuse.
 * `userValue`: a column users added holds a value in the row.
 */
export function wholeRowRule(spec: TabSpec, historyKeys: ReadonlySet<string>): WholeRowRule {
  const byCustomer = spec.keyColumns[0] === "key";
  const seen = new Set<string>();
  return (keyCells, userValue) => {
    // The row key and its customer as the carry-over forms them (rowKey, then the part before the separator).
    let noKey = true;
    let key = "";
    for (let i = 0; i < spec.keyColumns.length; i++) {
      const v = keyCells[i] ?? null;
      if (v !== null && v !== "") noKey = false;
      key = i === 0 ? String(v ?? "") : `${key}${SEP}${String(v ?? "")}`;
    }
    // Only a tab keyed by customer asks whether its key came before; other tabs need no set of every key.
    if (!byCustomer) return noKey || userValue;
    const again = seen.has(key);
    seen.add(key);
    if (noKey || userValue) return true;
    const cut = key.indexOf(SEP);
    const customer = cut < 0 ? key : key.slice(0, cut);
    return customer === "" || !historyKeys.has(customer) || again;
  };
}
