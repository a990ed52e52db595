import type { JobOptions, JobOutcome } from "../core/job/job-types";
import type { WorkbookModel } from "../core/workbook/grid";
import { META_SHEET_NAME, metaRunAt } from "../core/output-tabs/write-plan";
import type { XlContext } from "./excel-subset";
import { readWorkbookForJob } from "./read-for-job";
import type { RetryPolicy } from "./retry";
import { waitForLock, writePlan, type WriteOptions, type WriteProgress, type WriteResult } from "./write-plan";
import { WriteRefusal } from "./write-refusal";

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

/** Times a run reads again when another run wrote between its read and its write (then it refuses). */
const READ_AGAIN = 2;

/** Reads the workbook, runs the job on it (previous outputs come from the same workbook) and writes the plan. */
export async function runWorkbookJob(ctx: XlContext, o: WorkbookJobOptions): Promise<WorkbookJobResult> {
  let waitLeft = o.lockWaitMs ?? 0;
  for (let attempt = 0; ; attempt++) {
    // Another run writing: wait before reading (when asked to wait at all), so that this run reads its outputs
    // and the user's work on them, not what it is about to replace.
    if (o.write && waitLeft > 0) waitLeft -= await waitForLock(ctx, { ...o, lockWaitMs: waitLeft });
    // Input sheets in full; of previous outputs what the carry-over uses (keys, edits, users' columns, the history).
    const wb = await readWorkbookForJob(ctx, o);
    const outcome = await o.job(wb, { now: o.now, lang: o.lang, roles: o.roles });
    if (!o.write) return { outcome, workbook: wb };
    const meta = wb.sheets.find((s) => s.name === META_SHEET_NAME);
    // The write does not wait: a plan from this read must not be written over what a run that held the lock
    // wrote meanwhile (nor over a run that finished meanwhile, told by the record's run time). Read again.
    try {
      const written = await writePlan(ctx, outcome.plan, { ...o, lockWaitMs: 0, metaSheetSeen: meta !== undefined, readRunAt: metaRunAt(meta?.values ?? []) });
      return { outcome, workbook: wb, written };
    } catch (e) {
      const again = e instanceof WriteRefusal && (e.kind === "changed" || (e.kind === "busy" && waitLeft > 0));
      if (!again || attempt >= READ_AGAIN) throw e;
    }
  }
}
