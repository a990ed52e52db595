import type { JobSummary } from "../core/job/job-types";
import type { XlContext } from "../office/excel-subset";
import type { RetryPolicy } from "../office/retry";
import { runWorkbookJob, type AsyncJobFunction, type JobFunction } from "../office/run-workbook-job";
import { usedCells } from "../office/workbook-size";
import { commandRoute } from "./command-route";

/**
 * How long the ribbon's Recalculate waits for another run's lock (the pane's, a co-author's) before it gives
 * up with a message: Office closes a function command after 5 minutes, and a workbook the ribbon runs
 * (at most 300,000 used cells) takes well under the other half of them.
 */
export const COMMAND_LOCK_WAIT_MS = 2 * 60_000;

/** Excel.run as the command uses it: a batch function given a fresh context. */
export type ExcelRun = <T>(batch: (ctx: XlContext) => Promise<T>) => Promise<T>;

/** What the ribbon's Recalculate did: sent the workbook to the pane (too large), or ran it. */
export type RibbonOutcome = { kind: "pane"; cells: number } | { kind: "done"; summary: JobSummary };

/** Settings of the ribbon's run; the lock wait and poll have defaults (2 minutes, 2 s). */
export interface RibbonOptions extends RetryPolicy {
  now: Date;
  job: JobFunction | AsyncJobFunction;
  lockWaitMs?: number;
  lockPollMs?: number;
  clock?: () => Date;
}

/**
 * The ribbon's "Recalculate tiers": measures the workbook; a large one goes to the pane; otherwise reads,
 * runs and writes like the pane, and like the pane waits for another run that holds the lock (at most
 * COMMAND_LOCK_WAIT_MS, then the write's bilingual refusal, nothing changed).
 */
export async function ribbonRecalculate(run: ExcelRun, o: RibbonOptions): Promise<RibbonOutcome> {
  const cells = await run((ctx) => usedCells(ctx, o));
  if (commandRoute(cells) === "pane") return { kind: "pane", cells };
  const { outcome } = await run((ctx) => runWorkbookJob(ctx, { ...o, lockWaitMs: o.lockWaitMs ?? COMMAND_LOCK_WAIT_MS, write: true }));
  return { kind: "done", summary: outcome.summary };
}
