import type { WorkbookModel } from "../workbook/grid";
import type { JobOptions, JobOutcome } from "./job-types";

/** Runs the whole job on a workbook: find sheets, read, validate, score, tier, plan. Pure: no I/O. */
export function runJob(_wb: WorkbookModel, _opts: JobOptions): JobOutcome {
  throw new Error("runJob: being written (foundation issue)");
}
