import type { TabPlan } from "../core/output-tabs/write-plan";
import { toCellRow } from "./cell-values";
import type { XlCellValue, XlWorksheet } from "./excel-subset";
import { rowBytes } from "./payload";

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
  /** Data rows as cell values, and their estimated request bytes. */
  cells: XlCellValue[][];
  bytes: number[];
}

/** Prepares a tab for writing: its cells as Office.js values and each row's estimated payload. */
export function toTempTab(tab: TabPlan, tempName: string, tempTable: string): TempTab {
  const cells = tab.rows.map((r) => toCellRow(r, tab.columns));
  return { tab, tempName, tempTable, finalName: tab.name, finalTable: tab.tableName, cells, bytes: cells.map(rowBytes) };
}
