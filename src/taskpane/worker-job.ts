import { JobFailure } from "../core/job/job-failure";
import type { JobOptions, JobOutcome } from "../core/job/job-types";
import type { WorkbookModel } from "../core/workbook/grid";
import type { AsyncJobFunction } from "../office/run-workbook-job";
import type { JobWorkerReply, JobWorkerRequest } from "./job-worker-protocol";

/**
 * The job for the pane and the ribbon command: runJob in a Web Worker (job-worker.js beside the page), one
 * worker per run, so the pane stays responsive. Where workers are missing, runJob is loaded (a separate
 * chunk) and run inline.
 */
export function workerJob(scriptUrl = "job-worker.js"): AsyncJobFunction {
  if (typeof Worker === "undefined") return async (wb, opts) => (await import("../core/job/run-job")).runJob(wb, opts);
  return (wb: WorkbookModel, opts: JobOptions): Promise<JobOutcome> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(scriptUrl);
      const done = (): void => worker.terminate();
      worker.onmessage = (e: MessageEvent<JobWorkerReply>) => {
        done();
        const r = e.data;
        if (r.ok) resolve(r.outcome);
        else if ("problem" in r) reject(new JobFailure(r.problem));
        else reject(new Error(r.message));
      };
      worker.onerror = (e) => {
        done();
        reject(new Error(e.message || "the job worker failed to start"));
      };
      const request: JobWorkerRequest = { wb, opts: { ...opts, now: opts.now.getTime() } };
      worker.postMessage(request);
    });
}
