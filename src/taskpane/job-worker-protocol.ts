import type { JobOptions, JobOutcome, JobSummary } from "../core/job/job-types";
import type { Problem } from "../core/problems/problem";
import type { WorkbookModel } from "../core/workbook/grid";
import type { WhatIfParams, WhatIfResult } from "../core/whatif/what-if";
import type { CustomerWhy } from "../core/whatif/why";

/** What the pane sends the job worker for a run: the workbook and the options, the clock as epoch milliseconds. */
export interface JobWorkerRequest {
  wb: WorkbookModel;
  opts: Omit<JobOptions, "now"> & { now: number };
}

/** What the worker answers. */
export type JobWorkerReply = { ok: true; outcome: JobOutcome } | { ok: false; problem: Problem } | { ok: false; message: string };

/** Options of a preview in the session worker (the clock as epoch milliseconds). */
export type PreviewOptions = Omit<JobOptions, "now" | "previous" | "whatIf"> & { now: number };

/**
 * The pane's session with its worker: the workbook is sent once ("load"), then previews (roles, language),
 * what-ifs and explanations run on it without reading Excel again. Every request carries an id; the reply
 * carries it back so the pane can drop answers that a newer request has made stale.
 */
export type SessionRequest =
  | { id: number; kind: "load"; wb: WorkbookModel }
  | { id: number; kind: "preview"; opts: PreviewOptions }
  | { id: number; kind: "whatif"; params: WhatIfParams }
  | { id: number; kind: "why"; key: string; params: WhatIfParams };

/** A preview: what was found and scored, the values to start trying from, and the first problems. */
export interface PreviewReply {
  summary: JobSummary;
  /** Problems of reading and scoring, sorted (severity, sheet, cell), at most PREVIEW_PROBLEMS. */
  problems: Problem[];
  params: WhatIfParams;
  /** True when the workbook holds a roster from an earlier run (what-ifs compare with it). */
  hasOutputs: boolean;
  /** Customer keys and names for the "why" picker, in roster order, at most PREVIEW_KEYS. */
  keys: { key: string; name?: string }[];
}

export const PREVIEW_PROBLEMS = 500;
export const PREVIEW_KEYS = 5000;

export type SessionReply =
  | { id: number; ok: true; kind: "load" }
  | { id: number; ok: true; kind: "preview"; preview: PreviewReply }
  | { id: number; ok: true; kind: "whatif"; result: WhatIfResult; ms: number }
  | { id: number; ok: true; kind: "why"; why: CustomerWhy | null }
  | { id: number; ok: false; problem?: Problem; message: string };

/** True for a session message (a run's request has no kind). */
export function isSessionRequest(m: SessionRequest | JobWorkerRequest): m is SessionRequest {
  return "kind" in m;
}
