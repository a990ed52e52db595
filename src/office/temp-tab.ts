import type { TabPlan } from "../core/output-tabs/write-plan";
import { toCellRow } from "./cell-values";
import type { XlCellValue, XlWorksheet } from "./excel-subset";
import { rowBytes } from "./payload";

/** A run of columns written together (0-based first column, count). */
export interface ColumnRun {
  col: number;
  cols: number;
}

/** A plan tab being built in a temporary sheet, and where it will end up. */
export interface TempTab {
  tab: TabPlan;
  /** Temporary sheet and table names during the build. */
  tempName: string;
  tempTable: string;
  /** Names after the swap (the plan's, or de-conflicted). */
  finalName: string;
  finalTable: string;
  /** The sheet the tab ends up in (an output tab of an earlier run, rewritten in place, or created once). */
  sheet?: XlWorksheet;
  /** The hidden temporary sheet the values are written to before they are copied into `sheet` at once. */
  scratch?: XlWorksheet;
  /** The output tab of an earlier run this tab rewrites in place (its current name); undefined: created now. */
  existing?: string;
  /** Data rows as cell values, and their estimated request bytes (of the columns in `runs`). */
  cells: XlCellValue[][];
  bytes: number[];
  /**
   * The columns whose values are sent, as runs: every column but those empty in every row (a fresh temporary
   * sheet holds them empty already, and the copy carries them into the tab all the same).
   */
  runs: ColumnRun[];
}

/**
 * Prepares a tab for writing: its cells as Office.js values, the runs of columns that hold anything (all
 * columns with `everyColumn`), and each row's estimated payload over those runs.
 */
export function toTempTab(tab: TabPlan, tempName: string, tempTable: string, everyColumn = false): TempTab {
  const cells = tab.rows.map((r) => toCellRow(r, tab.columns));
  const width = tab.columns.length;
  const used = Array.from({ length: width }, (_, c) => everyColumn || cells.some((row) => row[c] !== ""));
  const runs: ColumnRun[] = [];
  used.forEach((u, c) => {
    const last = runs[runs.length - 1];
    if (!u) return;
    if (last && last.col + last.cols === c) last.cols++;
    else runs.push({ col: c, cols: 1 });
  });
  // A tab without a value at all still gets its (empty) rows' range written once: nothing else differs.
  if (runs.length === 0) runs.push({ col: 0, cols: width });
  const whole = runs.length === 1 && runs[0].cols === width;
  const bytes = cells.map((row) => (whole ? rowBytes(row) : runs.reduce((n, r) => n + rowBytes(row.slice(r.col, r.col + r.cols)), 0)));
  return { tab, tempName, tempTable, finalName: tab.name, finalTable: tab.tableName, cells, bytes, runs };
}
