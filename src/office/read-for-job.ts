import { isCarried, previousColumnsToRead, readOwnedTabs } from "../core/plan/previous-outputs";
import { PROBLEMS_SPEC } from "../core/plan/problems-tab";
import { ROSTER_SPEC } from "../core/plan/roster-tab";
import type { TabSpec } from "../core/plan/tab-spec";
import { CALLBACK_SPEC } from "../core/plans/callback-schedule";
import { CHURN_SPEC } from "../core/plans/churn-warnings";
import { HISTORY_SPEC, RUN_LOG_SPEC } from "../core/plans/history";
import { KPI_SPEC } from "../core/plans/kpi-dashboard";
import { RETENTION_SPEC } from "../core/plans/retention-plan";
import { WINBACK_SPEC } from "../core/plans/win-back";
import { META_SHEET_NAME } from "../core/plan/write-plan";
import type { RawValue, SheetGrid, WorkbookModel } from "../core/workbook/grid";
import type { XlCellValue, XlContext, XlRange, XlWorksheet } from "./excel-subset";
import { errorCode, RESPONSE_TOO_LARGE } from "./office-errors";
import { appendSlice, READ_CELLS_PER_SYNC } from "./read-workbook";
import { syncBatch, type RetryPolicy } from "./retry";

/**
 * The output tabs' specs, imported one by one rather than from run-job so that the pane's bundle does not
 * take in the whole job (it runs in a worker). A tab missing here is read in full, never skipped; a test
 * holds this list to the job's OUTPUT_SPECS.
 */
export const READ_SPECS: TabSpec[] = [ROSTER_SPEC, RETENTION_SPEC, CALLBACK_SPEC, CHURN_SPEC, WINBACK_SPEC, KPI_SPEC, HISTORY_SPEC, RUN_LOG_SPEC, PROBLEMS_SPEC];

/** Rows searched for an output tab's header (as the core's previous-output reader does). */
const HEADER_ROWS = 10;

/**
 * A cell read as values only weighs this fraction of one read with value types and number formats:
 * the 5 MB response limit holds about three times as many.
 */
const VALUES_ONLY_WEIGHT = 1 / 3;

/** A rectangle to read, in used-range coordinates of one sheet. */
interface Piece {
  sheet: number;
  row: number;
  rows: number;
  col: number;
  cols: number;
  /** Values, value types and number formats (input sheets) or values only (previous outputs). */
  full: boolean;
}

interface Slice extends Piece {
  range?: XlRange;
}

interface Used {
  isNullObject: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Reads what a run needs: every input sheet in full (values, value types, number formats), and of the
 * previous output tabs only the columns a run reads back — row keys, editable and user-added columns, the
 * history and run log whole — as values. Output tabs a run never reads (KPI, churn warnings, problems) are
 * listed by name only. A second run at 100,000 customers reads about a third of the cells a full read would.
 * Syncs: sheet names; extents and the metadata sheet; the output tabs' header rows; then the cells, about
 * `cellsPerSync` full cells (three times as many values-only cells) per sync, halving when Excel refuses
 * a response as too large.
 */
export async function readWorkbookForJob(ctx: XlContext, policy: RetryPolicy = {}, cellsPerSync = READ_CELLS_PER_SYNC): Promise<WorkbookModel> {
  const sheets = await syncBatch(ctx, () => ctx.workbook.worksheets.load("items/name,items/visibility"), policy);
  const items = sheets.items;
  const metaAt = items.findIndex((ws) => ws.name === META_SHEET_NAME);
  const { used, meta } = await syncBatch(
    ctx,
    () => ({
      used: items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount")),
      meta: metaAt >= 0 ? items[metaAt].getUsedRangeOrNullObject(true).load("values") : undefined,
    }),
    policy,
  );
  const extents: Used[] = used.map((u) => ({
    isNullObject: u.isNullObject, rowIndex: u.isNullObject ? 0 : u.rowIndex, columnIndex: u.isNullObject ? 0 : u.columnIndex,
    rowCount: u.isNullObject ? 0 : u.rowCount, columnCount: u.isNullObject ? 0 : u.columnCount,
  }));
  const grids: SheetGrid[] = items.map((ws, i) => ({
    name: ws.name, values: [], kinds: [], formats: [], top: extents[i].rowIndex, left: extents[i].columnIndex, hidden: ws.visibility !== "Visible",
  }));
  const owned = meta && !meta.isNullObject ? readOwnedTabs({ sheets: [{ name: META_SHEET_NAME, values: meta.values }] }) : new Map();
  if (metaAt >= 0 && meta && !meta.isNullObject) grids[metaAt].values = meta.values.map((r) => r.map((v) => (v === "" ? null : v)));

  // Previous output tabs: their header rows first, to know which columns to read.
  const outputs = new Map<number, TabSpec>();
  items.forEach((ws, i) => {
    const id = owned.get(ws.name);
    const spec = id ? READ_SPECS.find((s) => s.id === id) : undefined;
    if (i !== metaAt && spec) outputs.set(i, spec);
  });
  const carried = [...outputs].filter(([i, spec]) => isCarried(spec) && !extents[i].isNullObject && extents[i].rowCount > 0);
  const heads = carried.length
    ? await syncBatch(
      ctx,
      () => carried.map(([i]) => items[i].getRangeByIndexes(extents[i].rowIndex, extents[i].columnIndex, Math.min(HEADER_ROWS, extents[i].rowCount), extents[i].columnCount).load("values")),
      policy,
    )
    : [];

  const pieces: Piece[] = [];
  carried.forEach(([i, spec], k) => {
    const top = heads[k].values.map((r) => r.map(emptyToNull));
    grids[i].values = top;
    const plan = previousColumnsToRead(grids[i], spec);
    const from = top.length;
    if (!plan || from >= extents[i].rowCount) return;
    // Contiguous runs of wanted columns become one range each.
    for (let a = 0; a < plan.cols.length;) {
      let b = a;
      while (b + 1 < plan.cols.length && plan.cols[b + 1] === plan.cols[b] + 1) b++;
      pieces.push({ sheet: i, row: from, rows: extents[i].rowCount - from, col: plan.cols[a], cols: b - a + 1, full: false });
      a = b + 1;
    }
  });
  items.forEach((_, i) => {
    if (i === metaAt || outputs.has(i) || extents[i].isNullObject || extents[i].rowCount === 0) return;
    pieces.push({ sheet: i, row: 0, rows: extents[i].rowCount, col: 0, cols: extents[i].columnCount, full: true });
  });
  // Input sheets in tab order, then the outputs' columns: the grids' rows are appended in that order.
  pieces.sort((x, y) => Number(y.full) - Number(x.full) || x.sheet - y.sheet || x.col - y.col);
  await readPieces(ctx, items, extents, pieces, grids, policy, cellsPerSync);
  return { sheets: grids };
}

function emptyToNull(v: XlCellValue): RawValue {
  return v === "" ? null : v;
}

/** Reads the pieces in batches under the cell budget, into the grids. */
async function readPieces(
  ctx: XlContext, items: XlWorksheet[], extents: Used[], pieces: Piece[], grids: SheetGrid[], policy: RetryPolicy, cellsPerSync: number,
): Promise<void> {
  let at = 0;
  let row = 0;
  let budget = cellsPerSync;
  const next = (): Slice[] => {
    const batch: Slice[] = [];
    let cost = 0;
    let [p, r] = [at, row];
    while (p < pieces.length && cost < budget) {
      const piece = pieces[p];
      if (r >= piece.rows) {
        p++;
        r = 0;
        continue;
      }
      const perRow = piece.cols * (piece.full ? 1 : VALUES_ONLY_WEIGHT);
      const rows = Math.min(piece.rows - r, Math.max(1, Math.floor((budget - cost) / perRow)));
      if (cost > 0 && rows * perRow > budget - cost) break;
      batch.push({ ...piece, row: piece.row + r, rows });
      cost += rows * perRow;
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
            const u = extents[s.sheet];
            s.range = items[s.sheet].getRangeByIndexes(u.rowIndex + s.row, u.columnIndex + s.col, s.rows, s.cols).load(s.full ? "values,valueTypes,numberFormat" : "values");
          }
        },
        policy,
      );
    } catch (e) {
      if (errorCode(e) !== RESPONSE_TOO_LARGE || budget <= 1) throw e;
      budget = Math.max(1, Math.floor(budget / 2));
      continue;
    }
    for (const s of batch) {
      if (s.full) appendSlice(grids[s.sheet], s.range!);
      else placeValues(grids[s.sheet], s, s.range!);
    }
    // Where reading stands: the piece and the row within it after this batch.
    const last = batch[batch.length - 1];
    at = pieces.findIndex((p) => p.sheet === last.sheet && p.col === last.col && p.full === last.full);
    row = last.row + last.rows - pieces[at].row;
  }
}

/** Puts a values-only slice of some columns into place; cells not read stay empty. */
function placeValues(grid: SheetGrid, s: Slice, range: XlRange): void {
  const values = range.values;
  for (let r = 0; r < values.length; r++) {
    const at = s.row + r;
    while (grid.values.length <= at) grid.values.push([]);
    const row = grid.values[at];
    const src = values[r];
    for (let c = 0; c < s.cols; c++) {
      const col = s.col + c;
      while (row.length < col) row.push(null);
      row[col] = emptyToNull(src[c]);
    }
  }
}
