/**
 * The job in a Web Worker: runJob is synchronous and, on a large register, would hold the pane's thread for
 * seconds (desktop Excel restarts a pane that does not answer for 5 s). Two kinds of message: a run (the
 * workbook and the options; answered with the outcome, or the job failure's problem / the error's message),
 * and the pane's session (load the workbook once, then previews, what-ifs and explanations on it).
 */
import { JobFailure } from "../core/job/job-failure";
import { runJob } from "../core/job/run-job";
import { isSessionRequest, type JobWorkerReply, type JobWorkerRequest, type SessionReply, type SessionRequest } from "./job-worker-protocol";
import { SessionHandler } from "./session-handler";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<JobWorkerRequest | SessionRequest>) => void) | null;
  postMessage: (m: JobWorkerReply | SessionReply) => void;
};
const session = new SessionHandler();

scope.onmessage = (e) => {
  const m = e.data;
  if (isSessionRequest(m)) {
    scope.postMessage(session.handle(m));
    return;
  }
  const { wb, opts } = m;
  try {
    scope.postMessage({ ok: true, outcome: runJob(wb, { ...opts, now: new Date(opts.now) }) });
  } catch (err) {
    scope.postMessage(err instanceof JobFailure ? { ok: false, problem: err.problem } : { ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
