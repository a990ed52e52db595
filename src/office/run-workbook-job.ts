import type { JobOptions, JobOutcome } from "../core/job/job-types";
import type { WorkbookModel } from "../core/workbook/grid";
import { META_SHEET_NAME } from "../core/plan/write-plan";
import type { XlContext } from "./excel-subset";
import { readWorkbookForJob } from "./read-for-job";
import type { RetryPolicy } from "./retry";
import { waitForLock, writePlan, type WriteOptions, type WriteProgress, type WriteResult } from "./write-plan";

/** The job function: runJob, or anything of its signature. */
export type JobFunction = (wb: WorkbookModel, opts: JobOptions) => JobOutcome;

/** The job run elsewhere (the pane runs it in a Web Worker). */
export type AsyncJobFunction = (wb: WorkbookModel, opts: JobOptions) => Promise<JobOutcome>;

/** Options of a run inside Excel. */
export interface WorkbookJobOptions extends RetryPolicy, Pick<WriteOptions, "lockWaitMs" | "lockPollMs" | "clock"> {
  now: Date;
  lang?: JobOptions["lang"];
  roles?: JobOptions["roles"];
  /** False: read and compute only (the pane's preview); true: also write the plan. */
  write: boolean;
  onProgress?: (p: WriteProgress) => void;
  /** The job (runJob itself, or runJob in a Web Worker); passed in so the pane's bundle need not hold it. */
  job: JobFunction | AsyncJobFunction;
}

/** The outcome, the workbook as read, and what was written when the run wrote. */
export interface WorkbookJobResult {
  outcome: JobOutcome;
  workbook?: WorkbookModel;
  written?: WriteResult;
}

/** Reads the workbook, runs the job on it (previous outputs come from the same workbook) and writes the plan. */
export async function runWorkbookJob(ctx: XlContext, o: WorkbookJobOptions): Promise<WorkbookJobResult> {
  // Another run writing: wait before reading (when asked to wait at all), so that this run reads its outputs
  // and the user's work on them, not what it is about to replace. The write looks again (the lock may be
  // taken in between), without waiting twice as long.
  const waited = o.write && (o.lockWaitMs ?? 0) > 0 ? await waitForLock(ctx, o) : 0;
  // Input sheets in full; of previous outputs what the carry-over uses (keys, edits, users' columns, the history).
  const wb = await readWorkbookForJob(ctx, o);
  const outcome = await o.job(wb, { now: o.now, lang: o.lang, roles: o.roles });
  if (!o.write) return { outcome, workbook: wb };
  const metaSheetSeen = wb.sheets.some((s) => s.name === META_SHEET_NAME);
  const written = await writePlan(ctx, outcome.plan, { ...o, lockWaitMs: Math.max(0, (o.lockWaitMs ?? 0) - waited), metaSheetSeen });
  return { outcome, workbook: wb, written };
}
