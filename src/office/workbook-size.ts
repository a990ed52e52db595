import type { XlContext } from "./excel-subset";
import { syncBatch, type RetryPolicy } from "./retry";

/** Cells in the used ranges of every sheet: two small syncs, nothing read but the extents. */
export async function usedCells(ctx: XlContext, policy: RetryPolicy = {}): Promise<number> {
  const sheets = await syncBatch(ctx, () => ctx.workbook.worksheets.load("items/name"), policy);
  const used = await syncBatch(ctx, () => sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowCount,columnCount")), policy);
  return used.reduce((n, u) => n + (u.isNullObject ? 0 : u.rowCount * u.columnCount), 0);
}
