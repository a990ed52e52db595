import { isOversizeAnswer } from "./office-errors";
import type { XlContext } from "./excel-subset";
import { rowsWithinBudget } from "./payload";
import { VALUES_REQUEST_BYTES } from "./request-size";
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
  /** Queued with the batch that completes the tabs asked for (again if that batch is sent again): a small read that needs no sync of its own. */
  alongLast?: () => void;
}

/**
 * The data rows of every tab on their way into the temporary sheets, in order: written by requests of their
 * own (`writeUntil`) or queued into a request that carries other commands (`queue`, then `advance` once it
 * went through). The cursor moves only when a request succeeded, so a request sent again queues the same rows.
 */
export class ValueStream {
  private cursor: Cursor = { tab: 0, row: 0 };
  private written = 0;

  constructor(
    private readonly ctx: XlContext,
    private readonly tabs: TempTab[],
  ) {}

  /** True when every row of the tabs before `end` is written. */
  doneUpTo(end: number): boolean {
    return this.reaches(this.cursor, end);
  }

  /** Rows written so far. */
  get rows(): number {
    return this.written;
  }

  /**
   * Queues, from the cursor, as many rows (of one or more tabs) as fit the budget, and returns where the
   * cursor goes once the request went through (`advance`). Queues nothing when everything is written.
   */
  queue(budget: number): { next: Cursor; rows: number } {
    const { tabs } = this;
    let { tab, row } = this.cursor;
    let used = 0;
    let rows = 0;
    let first = true;
    while (tab < tabs.length && used < budget) {
      const t = tabs[tab];
      if (row >= t.cells.length) {
        tab++;
        row = 0;
        continue;
      }
      // Each further run of columns is a range command of its own.
      const extra = (t.runs.length - 1) * VALUES_REQUEST_BYTES;
      if (used > 0 && t.bytes[row] + extra > budget - used) break;
      if (first) this.ctx.workbook.application.suspendApiCalculationUntilNextSync();
      first = false;
      const count = rowsWithinBudget(t.bytes, row, budget - used - extra);
      const rowsNow = t.cells.slice(row, row + count);
      for (const run of t.runs) {
        const whole = run.col === 0 && run.cols === t.tab.columns.length;
        t.scratch!.getRangeByIndexes(1 + row, run.col, count, run.cols).values = whole ? rowsNow : rowsNow.map((r) => r.slice(run.col, run.col + run.cols));
      }
      used += extra;
      for (let i = row; i < row + count; i++) used += t.bytes[i];
      row += count;
      rows += count;
    }
    return { next: { tab, row }, rows };
  }

  /** The request that carried `queue`'s rows went through. */
  advance(queued: { next: Cursor; rows: number }): void {
    this.cursor = queued.next;
    this.written += queued.rows;
  }

  /**
   * Writes rows in requests of their own until every row of the tabs before `end` is in: each sync carries as
   * many rows (of one or more tabs, past `end` too) as fit the byte budget. A request Excel refuses as too
   * large (or with its generic error) is sent again with half the budget, which stays halved. Returns the
   * budget it ended with (what the host took).
   */
  async writeUntil(end: number, opts: ValueWriteOptions): Promise<number> {
    let budget = opts.budgetBytes;
    while (!this.doneUpTo(end)) {
      try {
        const queued = await syncBatch(
          this.ctx,
          () => {
            const q = this.queue(budget);
            if (this.reaches(q.next, end)) opts.alongLast?.();
            return q;
          },
          opts,
        );
        this.advance(queued);
        opts.onRows?.(this.written);
      } catch (e) {
        // Values into this run's own temporary sheets: sending them again changes nothing, so the generic
        // error Excel on the web may answer an oversize request with is taken as "too large" too.
        if (!isOversizeAnswer(e) || budget / 2 < opts.minBudgetBytes) throw e;
        budget = Math.floor(budget / 2);
      }
    }
    return budget;
  }

  /** True when, with the cursor at `at`, every row of the tabs before `end` is written. */
  private reaches(at: Cursor, end: number): boolean {
    for (let i = at.tab; i < Math.min(end, this.tabs.length); i++) if ((i === at.tab ? at.row : 0) < this.tabs[i].cells.length) return false;
    return true;
  }
}
