/**
 * The job in a Web Worker: runJob is synchronous and, on a large register, would hold the pane's thread for
 * seconds (desktop Excel restarts a pane that does not answer for 5 s). The pane posts the workbook model;
 * the worker answers with the outcome, or with the job failure's problem / the error's message.
 */
import { JobFailure } from "../core/job/job-failure";
import { runJob } from "../core/job/run-job";
import type { JobWorkerReply, JobWorkerRequest } from "./job-worker-protocol";

const scope = self as unknown as { onmessage: ((e: MessageEvent<JobWorkerRequest>) => void) | null; postMessage: (m: JobWorkerReply) => void };

scope.onmessage = (e) => {
  const { wb, opts } = e.data;
  try {
    scope.postMessage({ ok: true, outcome: runJob(wb, { ...opts, now: new Date(opts.now) }) });
  } catch (err) {
    scope.postMessage(err instanceof JobFailure ? { ok: false, problem: err.problem } : { ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
