import type { XlContext } from "./excel-subset";

/** The sheet name of a sheet-qualified address (`'Tier Roster'!B7`, `客户分级名册!B7:C9`). */
export function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = bang < 0 ? "" : address.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/**
 * The value in the column headed by one of `headers` (row 1) on the row of the selected cell, when the
 * selection is on `sheet` below its header; null elsewhere. Reads two rows, nothing more.
 */
export async function selectedRowValue(ctx: XlContext, sheet: string, headers: string[]): Promise<string | null> {
  const sel = ctx.workbook.getSelectedRange().load(["address", "rowIndex"]);
  await ctx.sync();
  if (sheetOfAddress(sel.address) !== sheet || sel.rowIndex < 1) return null;
  const ws = ctx.workbook.worksheets.getItem(sheet);
  const used = ws.getUsedRangeOrNullObject(true).load(["columnCount", "columnIndex"]);
  await ctx.sync();
  if (used.isNullObject) return null;
  const cols = used.columnIndex + used.columnCount;
  const head = ws.getRangeByIndexes(0, 0, 1, cols).load("values");
  const row = ws.getRangeByIndexes(sel.rowIndex, 0, 1, cols).load("values");
  await ctx.sync();
  const col = head.values[0].findIndex((v) => headers.includes(String(v)));
  const v = col >= 0 ? row.values[0][col] : "";
  return v === "" || v === undefined ? null : String(v);
}
