import type { JobOptions, JobOutcome } from "../core/job/job-types";
import type { Problem } from "../core/problems/problem";
import type { WorkbookModel } from "../core/workbook/grid";

/** What the pane sends the job worker: the workbook and the options, the clock as epoch milliseconds. */
export interface JobWorkerRequest {
  wb: WorkbookModel;
  opts: Omit<JobOptions, "now"> & { now: number };
}

/** What the worker answers. */
export type JobWorkerReply = { ok: true; outcome: JobOutcome } | { ok: false; problem: Problem } | { ok: false; message: string };
