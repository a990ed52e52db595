import { CELL_EDIT_MODE, errorCode } from "./office-errors";
import type { XlContext } from "./excel-subset";

/** What the adapter tells the user while it works. */
export type AdapterNotice =
  | { kind: "cellEditMode"; attempt: number; waitMs: number }
  /** Another run holds the workbook's lock (since that time); this run waits for it. */
  | { kind: "waitingForLock"; since: string; waitMs: number };

/** How a batch is retried when Excel refuses it because a cell is being edited. */
export interface RetryPolicy {
  /** Attempts in all (default 20). */
  attempts?: number;
  /** Wait between attempts in ms (default 1500). */
  waitMs?: number;
  onNotice?: (n: AdapterNotice) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Waits ms milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Queues a batch (`queue` may be called again, since a refused batch is gone) and syncs it. While Excel
 * is in cell-edit mode it tells the user, waits and tries again; other errors go to the caller.
 */
export async function syncBatch<T>(ctx: XlContext, queue: () => T, policy: RetryPolicy = {}): Promise<T> {
  const attempts = policy.attempts ?? 20;
  const waitMs = policy.waitMs ?? 1500;
  const sleep = policy.sleep ?? delay;
  for (let attempt = 1; ; attempt++) {
    const result = queue();
    try {
      await ctx.sync();
      return result;
    } catch (e) {
      if (errorCode(e) !== CELL_EDIT_MODE || attempt >= attempts) throw e;
      policy.onNotice?.({ kind: "cellEditMode", attempt, waitMs });
      await sleep(waitMs);
    }
  }
}
