import type { XlContext } from "./excel-subset";

/** Activates the sheet and selects the cell (A1 address); false when the sheet or address no longer exists. */
export async function selectCell(ctx: XlContext, sheet: string, cell: string): Promise<boolean> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  await ctx.sync();
  if (ws.isNullObject) return false;
  ws.activate();
  ws.getRange(cell).select();
  try {
    await ctx.sync();
    return true;
  } catch {
    return false;
  }
}
