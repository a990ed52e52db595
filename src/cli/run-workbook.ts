import { promises as fsp } from "fs";
import * as path from "path";
import type { Lang } from "../core/i18n/lang";
import { JobFailure } from "../core/job/job-failure";
import type { JobOutcome } from "../core/job/job-types";
import { runJob } from "../core/job/run-job";
import { renderProblem } from "../core/problems/render";
import type { WorkbookModel } from "../core/workbook/grid";
import {
  customerResults, failedResult, kpiFiguresOf, managerFigures, resultProblems, type ManagerFigures, type WorkbookResult,
} from "../core/batch/workbook-result";
import { WorkbookReadError } from "../xlsx/read-error";
import { readWorkbookFile } from "../xlsx/read-workbook";
import { writePlanAtomic } from "../xlsx/write-plan";
import { EXIT_FAILED, exitCodeFor } from "./exit-code";
import { readErrorText, text } from "./messages";
import { collectGarbage, prepareHeap } from "./collect-garbage";
import { inspectPreviousOutput } from "./previous-output";
import type { Progress } from "./progress";

/** What one workbook's run is given: the fixed clock and options, and the language of its messages. */
export interface WorkbookRunOptions {
  lang?: Lang;
  asOf?: string;
  now: Date;
  /** Language of messages printed before the workbook's own language is known. */
  messageLang: Lang;
}

/** What the write, the summary and a batch need of the outcome; the scored customers are let go before the write. */
export type WrittenOutcome = Pick<JobOutcome, "plan" | "summary" | "problems"> & { managers: ManagerFigures[] };

/** One workbook run to its end: written (with its exit code 0/1), or refused / failed with exit 2 and why. */
export type WorkbookRun =
  | { kind: "written"; input: string; output: string; outcome: WrittenOutcome; carried: boolean; exitCode: number }
  | { kind: "failed"; input: string; output: string; code: string; message: string; exitCode: number };

/** A failure that ends a workbook's run with exit code 2: a code for --json and the message already in the language. */
class RunFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Excel serial day of a YYYY-MM-DD date. */
function serialOfIsoDate(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/** True when both paths name the same existing file (hard links and symlinks included). */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Reads the input and runs the job; the workbook model goes out of scope here, before the write. */
async function readAndRun(input: string, previous: WorkbookModel | undefined, opts: WorkbookRunOptions, progress?: Progress): Promise<WrittenOutcome> {
  let wb: WorkbookModel;
  try {
    wb = await readWorkbookFile(input, progress ? (sheet, rows) => progress.read(sheet, rows) : undefined);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new RunFailure(`input.${e.kind}`, readErrorText(e.kind, input, opts.messageLang, e.damage));
    throw e;
  }
  progress?.scoring();
  collectGarbage();
  try {
    const outcome = runJob(wb, { now: opts.now, lang: opts.lang, asOf: opts.asOf ? serialOfIsoDate(opts.asOf) : undefined, previous, releasePrevious: true });
    return { plan: outcome.plan, summary: outcome.summary, problems: outcome.problems, managers: managerFigures(outcome, outcome.summary.lang) };
  } catch (e) {
    if (e instanceof JobFailure) throw new RunFailure(e.problem.code, renderProblem(e.problem, opts.messageLang));
    throw e;
  }
}

/**
 * Checks the output path (before the long job, so a refusal comes at once), reads the previous output
 * when it is ours, reads the input and runs the job.
 */
async function prepare(input: string, output: string, opts: WorkbookRunOptions, progress?: Progress): Promise<{ outcome: WrittenOutcome; carried: boolean }> {
  const lang = opts.messageLang;
  if (await sameFile(input, output)) throw new RunFailure("output.isInput", text("outputIsInput", lang));
  prepareHeap(await fsp.stat(input).then((s) => s.size, () => 0));
  const prev = await inspectPreviousOutput(output);
  if (prev.kind === "foreign") throw new RunFailure("output.foreign", text("outputForeign", lang, { file: output }));
  if (prev.kind === "foreignSheets") {
    throw new RunFailure("output.foreignSheets", text("outputForeignSheets", lang, { file: output, sheets: prev.sheets.join(", ") }));
  }
  if (prev.kind === "unreadable") throw new RunFailure("output.unreadable", text("outputUnreadable", lang, { file: output, reason: prev.reason }));
  const previous = prev.kind === "ours" ? prev.workbook : undefined;
  if (previous) collectGarbage();
  return { outcome: await readAndRun(input, previous, opts, progress), carried: previous !== undefined };
}

/** Runs one workbook end to end — read, score, plan, write atomically — and never throws for a bad input. */
export async function runWorkbook(input: string, output: string, opts: WorkbookRunOptions, progress?: Progress): Promise<WorkbookRun> {
  const failed = (code: string, message: string): WorkbookRun => ({ kind: "failed", input, output, code, message, exitCode: EXIT_FAILED });
  try {
    // Only the plan is alive after prepare: the input and previous models were dropped with its frame.
    const { outcome, carried } = await prepare(input, output, opts, progress);
    collectGarbage();
    try {
      await writePlanAtomic(outcome.plan, output, progress ? (sheet, done, total) => progress.writing(sheet, done, total) : undefined);
    } catch (e) {
      return failed("output.writeFailed", text("writeFailed", opts.messageLang, { file: output, reason: e instanceof Error ? e.message : String(e) }));
    }
    return { kind: "written", input, output, outcome, carried, exitCode: exitCodeFor(outcome.summary) };
  } catch (e) {
    if (e instanceof RunFailure) return failed(e.code, e.message);
    return failed("internal", text("internalError", opts.messageLang, { reason: e instanceof Error ? e.stack ?? e.message : String(e) }));
  }
}

/** What a batch keeps of a run; the per-customer rows only when a results file asks for them. */
export function resultOf(run: WorkbookRun, withCustomers: boolean): WorkbookResult {
  if (run.kind === "failed") return { ...failedResult(run.input, run.exitCode, { code: run.code, message: run.message }), output: run.output };
  const { outcome } = run;
  return {
    file: run.input, output: run.output, exitCode: run.exitCode, carried: run.carried,
    summary: outcome.summary,
    kpis: kpiFiguresOf(outcome.plan),
    managers: outcome.managers,
    problems: resultProblems(outcome, outcome.summary.lang),
    customers: withCustomers ? customerResults(outcome.plan) : [],
  };
}
