import type { CellKind, RawValue, SheetGrid, WorkbookModel } from "../core/workbook/grid";
import type { XlContext, XlRange } from "./excel-subset";
import { syncBatch, type RetryPolicy } from "./retry";
import { kindOfValueType } from "./value-kinds";

/** Cells read per sync: values, value types and formats of 100,000 cells stay well under the 5 MB response limit. */
export const READ_CELLS_PER_SYNC = 100_000;

interface Slice {
  sheet: number;
  row: number;
  rows: number;
  range?: XlRange;
}

/**
 * Reads every worksheet's used range (values, value types, number formats) into the workbook model.
 * Three syncs for an ordinary workbook (names, extents, contents); a workbook over READ_CELLS_PER_SYNC
 * cells takes one more sync per that many cells, because Excel on the web refuses responses over 5 MB.
 */
export async function readWorkbook(ctx: XlContext, policy: RetryPolicy = {}, cellsPerSync = READ_CELLS_PER_SYNC): Promise<WorkbookModel> {
  const sheets = await syncBatch(ctx, () => ctx.workbook.worksheets.load("items/name,items/visibility"), policy);
  const items = sheets.items;
  const used = await syncBatch(
    ctx,
    () => items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount")),
    policy,
  );
  const grids: SheetGrid[] = items.map((ws, i) => ({
    name: ws.name,
    values: [],
    kinds: [],
    formats: [],
    top: used[i].isNullObject ? 0 : used[i].rowIndex,
    left: used[i].isNullObject ? 0 : used[i].columnIndex,
    hidden: ws.visibility !== "Visible",
  }));
  const slices: Slice[] = [];
  used.forEach((u, i) => {
    if (u.isNullObject) return;
    const perSlice = Math.max(1, Math.floor(cellsPerSync / u.columnCount));
    for (let r = 0; r < u.rowCount; r += perSlice) slices.push({ sheet: i, row: r, rows: Math.min(perSlice, u.rowCount - r) });
  });
  let next = 0;
  while (next < slices.length) {
    const batch: Slice[] = [];
    let cells = 0;
    while (next < slices.length && (batch.length === 0 || cells + slices[next].rows * used[slices[next].sheet].columnCount <= cellsPerSync)) {
      cells += slices[next].rows * used[slices[next].sheet].columnCount;
      batch.push(slices[next++]);
    }
    await syncBatch(
      ctx,
      () => {
        for (const s of batch) {
          const u = used[s.sheet];
          s.range = items[s.sheet].getRangeByIndexes(u.rowIndex + s.row, u.columnIndex, s.rows, u.columnCount).load("values,valueTypes,numberFormat");
        }
      },
      policy,
    );
    for (const s of batch) appendSlice(grids[s.sheet], s.range!);
  }
  return { sheets: grids };
}

function appendSlice(grid: SheetGrid, range: XlRange): void {
  const values = range.values;
  const types = range.valueTypes;
  const formats = range.numberFormat;
  for (let r = 0; r < values.length; r++) {
    const kinds: CellKind[] = types[r].map(kindOfValueType);
    const row: RawValue[] = values[r].map((v, c) => (kinds[c] === "empty" ? null : v));
    grid.values.push(row);
    grid.kinds!.push(kinds);
    grid.formats!.push(Array.isArray(formats) ? formats[r].map(String) : row.map(() => formats));
  }
}
