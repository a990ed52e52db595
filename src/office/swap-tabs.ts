import { META_SHEET_NAME, metaRows, type OutputMeta } from "../core/plan/write-plan";
import type { XlCellValue, XlContext } from "./excel-subset";
import type { TempTab } from "./temp-tab";

/**
 * Queues the swap, in one batch: delete the previous outputs (only sheets the metadata says are ours),
 * show the temporary sheets (freezing their header row) under their final names, rename their tables, rewrite
 * the very-hidden metadata sheet.
 */
export function queueSwap(ctx: XlContext, tabs: TempTab[], oldOwned: string[], metaExists: boolean, meta: OutputMeta): void {
  const sheets = ctx.workbook.worksheets;
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  for (const name of oldOwned) sheets.getItem(name).delete();
  for (const t of tabs) {
    t.sheet!.visibility = "Visible";
    t.sheet!.freezePanes.freezeRows(1);
    t.sheet!.name = t.finalName;
  }
  for (const t of tabs) ctx.workbook.tables.getItem(t.tempTable).name = t.finalTable;
  const ms = metaExists ? sheets.getItem(META_SHEET_NAME) : sheets.add(META_SHEET_NAME);
  if (metaExists) ms.getRange().clear();
  const rows: XlCellValue[][] = metaRows(meta).map((r) => r.map((v) => (v === null ? "" : v)));
  const range = ms.getRangeByIndexes(0, 0, rows.length, rows[0].length);
  range.numberFormat = "@";
  range.values = rows;
  ms.visibility = "VeryHidden";
  if (tabs.length > 0) tabs[0].sheet!.activate();
}
