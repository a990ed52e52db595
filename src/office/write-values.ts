import { isOversizeAnswer } from "./office-errors";
import type { XlContext } from "./excel-subset";
import { rowsWithinBudget } from "./payload";
import { syncBatch, type RetryPolicy } from "./retry";
import type { TempTab } from "./temp-tab";

/** Where the value writing stands: tab index and data row. */
interface Cursor {
  tab: number;
  row: number;
}

/** Settings of the value writing. */
export interface ValueWriteOptions extends RetryPolicy {
  /** Estimated request bytes per sync (default 3,500,000: under 4 MB with room for the commands). */
  budgetBytes: number;
  /** Below this budget a refused request is an error rather than halved again. */
  minBudgetBytes: number;
  /** Called after each sync with rows written so far. */
  onRows?: (written: number) => void;
  /** Queued with the last batch (again if that batch is sent again): a small read that needs no sync of its own. */
  alongLast?: () => void;
}

function queueBatch(ctx: XlContext, tabs: TempTab[], from: Cursor, budget: number): { next: Cursor; rows: number } {
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  let { tab, row } = from;
  let used = 0;
  let rows = 0;
  while (tab < tabs.length && used < budget) {
    const t = tabs[tab];
    if (row >= t.cells.length) {
      tab++;
      row = 0;
      continue;
    }
    if (used > 0 && t.bytes[row] > budget - used) break;
    const count = rowsWithinBudget(t.bytes, row, budget - used);
    t.scratch!.getRangeByIndexes(1 + row, 0, count, t.tab.columns.length).values = t.cells.slice(row, row + count);
    for (let i = row; i < row + count; i++) used += t.bytes[i];
    row += count;
    rows += count;
  }
  return { next: { tab, row }, rows };
}

/**
 * Writes the data rows of every tab into its temporary sheet, under its header: each sync carries as many rows (of one or
 * more tabs) as fit the byte budget, so the number of syncs is the data size over the budget. A request
 * Excel refuses as too large (or with its generic error) is sent again with half the budget, which stays halved.
 * Returns the budget it ended with (what the host took).
 */
export async function writeValues(ctx: XlContext, tabs: TempTab[], opts: ValueWriteOptions): Promise<number> {
  let cursor: Cursor = { tab: 0, row: 0 };
  let budget = opts.budgetBytes;
  let written = 0;
  const done = (c: Cursor): boolean => {
    for (let i = c.tab; i < tabs.length; i++) if ((i === c.tab ? c.row : 0) < tabs[i].cells.length) return false;
    return true;
  };
  while (!done(cursor)) {
    try {
      const { next, rows } = await syncBatch(
        ctx,
        () => {
          const queued = queueBatch(ctx, tabs, cursor, budget);
          if (done(queued.next)) opts.alongLast?.();
          return queued;
        },
        opts,
      );
      cursor = next;
      written += rows;
      opts.onRows?.(written);
    } catch (e) {
      // Values into this run's own temporary sheets: sending them again changes nothing, so the generic
      // error Excel on the web may answer an oversize request with is taken as "too large" too.
      if (!isOversizeAnswer(e) || budget / 2 < opts.minBudgetBytes) throw e;
      budget = Math.floor(budget / 2);
    }
  }
  return budget;
}
