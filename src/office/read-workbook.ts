import type { CellKind, RawValue, SheetGrid, WorkbookModel } from "../core/workbook/grid";
import type { XlContext, XlRange } from "./excel-subset";
import { errorCode, RESPONSE_TOO_LARGE } from "./office-errors";
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
 * Three syncs for an ordinary workbook (names, extents, contents); a workbook over `cellsPerSync` cells
 * takes one more sync per that many cells, because Excel on the web refuses responses over 5 MB — and a
 * response refused all the same (long texts) is asked for again in halves.
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
  // Where reading stands: sheet index and row within its used range.
  let sheet = 0;
  let row = 0;
  let budget = cellsPerSync;
  const next = (): Slice[] => {
    const batch: Slice[] = [];
    let cells = 0;
    let [s, r] = [sheet, row];
    while (s < used.length && cells < budget) {
      const u = used[s];
      if (u.isNullObject || r >= u.rowCount) {
        s++;
        r = 0;
        continue;
      }
      const rows = Math.min(u.rowCount - r, Math.max(1, Math.floor((budget - cells) / u.columnCount)));
      if (cells > 0 && rows * u.columnCount > budget - cells) break;
      batch.push({ sheet: s, row: r, rows });
      cells += rows * u.columnCount;
      r += rows;
    }
    return batch;
  };
  for (let batch = next(); batch.length > 0; batch = next()) {
    try {
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
    } catch (e) {
      if (errorCode(e) !== RESPONSE_TOO_LARGE || budget <= 1) throw e;
      budget = Math.max(1, Math.floor(budget / 2));
      continue;
    }
    for (const s of batch) appendSlice(grids[s.sheet], s.range!);
    const last = batch[batch.length - 1];
    [sheet, row] = [last.sheet, last.row + last.rows];
  }
  return { sheets: grids };
}
/** Appends the rows of a range read with values, value types and (unless `withFormats` is false) number formats to a grid. */
export function appendSlice(grid: SheetGrid, range: XlRange, withFormats = true): void {
  const values = range.values;
  const types = range.valueTypes;
  const formats = withFormats ? range.numberFormat : null;
  for (let r = 0; r < values.length; r++) {
    const kinds: CellKind[] = types[r].map(kindOfValueType);
    const row: RawValue[] = values[r].map((v, c) => (kinds[c] === "empty" ? null : v));
    grid.values.push(row);
    grid.kinds!.push(kinds);
    // Without formats (read later where needed): an empty row of formats, "General" until filled in.
    grid.formats!.push(formats === null ? [] : Array.isArray(formats) ? formats[r].map(String) : row.map(() => formats));
  }
}
