import { promises as fsp } from "fs";
import * as path from "path";
import type { Lang } from "../core/i18n/lang";
import { JobFailure } from "../core/job/job-failure";
import type { JobOutcome } from "../core/job/job-types";
import { runJob } from "../core/job/run-job";
import { renderProblem } from "../core/problems/render";
import type { WorkbookModel } from "../core/workbook/grid";
import { WorkbookReadError } from "../xlsx/read-error";
import { readWorkbookFile } from "../xlsx/read-workbook";
import { writePlanAtomic } from "../xlsx/write-plan";
import { parseArgs } from "./args";
import { messageLang } from "./cli-lang";
import { EXIT_FAILED, EXIT_OK, exitCodeFor } from "./exit-code";
import { argErrorText, helpText, readErrorText, text } from "./messages";
import { defaultOutputPath } from "./output-path";
import { inspectPreviousOutput } from "./previous-output";
import { Progress } from "./progress";
import { summaryText } from "./summary-text";
import { packageVersion } from "./version";

/** Where the command line prints, and its environment (injected so tests run it in-process). */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/** A failure that ends the run with exit code 2: a code for --json and the message already in the language. */
class CliFailure extends Error {
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
async function readAndRun(input: string, previous: WorkbookModel | undefined, opts: { lang?: Lang; asOf?: string; now: Date }, lang: Lang, progress: Progress): Promise<JobOutcome> {
  let wb: WorkbookModel;
  try {
    wb = await readWorkbookFile(input, (sheet, rows) => progress.read(sheet, rows));
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliFailure(`input.${e.kind}`, readErrorText(e.kind, input, lang));
    throw e;
  }
  progress.scoring();
  try {
    return runJob(wb, { now: opts.now, lang: opts.lang, asOf: opts.asOf ? serialOfIsoDate(opts.asOf) : undefined, previous });
  } catch (e) {
    if (e instanceof JobFailure) throw new CliFailure(e.problem.code, renderProblem(e.problem, lang));
    throw e;
  }
}

/** What the write and the summary need of the outcome; the scored customers are let go before the write. */
type WrittenOutcome = Pick<JobOutcome, "plan" | "summary" | "problems">;

/** The job's outcome, or why the output path may not be written. */
type Prepared = { kind: "ready"; outcome: WrittenOutcome; carried: boolean } | { kind: "refused"; code: string; message: string };

/**
 * Checks the output path (before the long job, so a refusal comes at once), reads the previous output
 * when it is ours, reads the input and runs the job.
 */
async function prepare(input: string, output: string, opts: { lang?: Lang; asOf?: string; now: Date }, lang: Lang, progress: Progress): Promise<Prepared> {
  const prev = await inspectPreviousOutput(output);
  if (prev.kind === "foreign") return { kind: "refused", code: "output.foreign", message: text("outputForeign", lang, { file: output }) };
  if (prev.kind === "foreignSheets") {
    return { kind: "refused", code: "output.foreignSheets", message: text("outputForeignSheets", lang, { file: output, sheets: prev.sheets.join(", ") }) };
  }
  if (prev.kind === "unreadable") {
    return { kind: "refused", code: "output.unreadable", message: text("outputUnreadable", lang, { file: output, reason: prev.reason }) };
  }
  const previous = prev.kind === "ours" ? prev.workbook : undefined;
  const { plan, summary, problems } = await readAndRun(input, previous, opts, lang, progress);
  return { kind: "ready", outcome: { plan, summary, problems }, carried: previous !== undefined };
}

/** The whole command: parse, read, check the output path, run, write atomically, print; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const req = parseArgs(argv);
  if (req.kind === "help") {
    io.stdout(helpText(messageLang(undefined, io.env)) + "\n");
    return EXIT_OK;
  }
  if (req.kind === "version") {
    io.stdout(`customer-tiers ${packageVersion()}\n`);
    return EXIT_OK;
  }
  const json = argv.includes("--json");
  const lang = messageLang(req.lang, io.env);
  const fail = (code: string, message: string): number => {
    progress?.clear();
    io.stderr(message + "\n");
    if (json) io.stdout(JSON.stringify({ exitCode: EXIT_FAILED, error: { code, message } }, null, 2) + "\n");
    return EXIT_FAILED;
  };
  let progress: Progress | undefined;
  if (req.kind === "error") return fail(`args.${req.code}`, argErrorText(req.code, req.arg, lang));

  const input = path.resolve(req.input);
  const output = path.resolve(req.out ?? defaultOutputPath(input));
  progress = new Progress(io.stderrIsTTY, io.stderr, lang);
  try {
    if (await sameFile(input, output)) return fail("output.isInput", text("outputIsInput", lang));
    const prepared = await prepare(input, output, { lang: req.lang, asOf: req.asOf, now: io.now() }, lang, progress);
    if (prepared.kind === "refused") return fail(prepared.code, prepared.message);
    // Only the plan is alive from here: the input and previous models were dropped with prepare's frame.
    const { outcome, carried } = prepared;
    try {
      await writePlanAtomic(outcome.plan, output, (sheet, done, total) => progress?.writing(sheet, done, total));
    } catch (e) {
      return fail("output.writeFailed", text("writeFailed", lang, { file: output, reason: e instanceof Error ? e.message : String(e) }));
    }
    progress.clear();
    const code = exitCodeFor(outcome.summary);
    if (json) {
      io.stdout(JSON.stringify({ ...outcome.summary, output, exitCode: code }, null, 2) + "\n");
    } else {
      io.stdout(summaryText(input, output, outcome.summary, outcome.problems, carried) + "\n");
    }
    return code;
  } catch (e) {
    if (e instanceof CliFailure) return fail(e.code, e.message);
    return fail("internal", text("internalError", lang, { reason: e instanceof Error ? e.stack ?? e.message : String(e) }));
  }
}
