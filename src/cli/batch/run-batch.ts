import { existsSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { consolidatedPlan } from "../../core/batch/consolidated-plan";
import { failedResult, type WorkbookResult } from "../../core/batch/workbook-result";
import type { Lang } from "../../core/i18n/lang";
import { writePlanAtomic } from "../../xlsx/write-plan";
import type { RunRequest } from "../args";
import { EXIT_FAILED } from "../exit-code";
import { readErrorText, text } from "../messages";
import { defaultOutputPath } from "../output-path";
import { inspectPreviousOutput } from "../previous-output";
import type { Progress } from "../progress";
import { writeResultsFile } from "../results-file";
import { resultOf, runWorkbook } from "../run-workbook";
import type { BatchReply, BatchTask } from "./batch-task";
import { expandInputs } from "./expand-inputs";

/** What a batch did: every workbook's result in input order, and what became of the summary and results files. */
export interface BatchOutcome {
  results: WorkbookResult[];
  summary?: { file: string; written: boolean; message?: string };
  format?: { file: string; written: boolean; message?: string };
  exitCode: number;
}

/** The compiled worker next to this module; absent when running from TypeScript sources (tests), then in-process. */
const WORKER_SCRIPT = path.join(__dirname, "batch-worker.js");

/** Runs tasks in worker threads, `jobs` at a time; a crashed worker fails its workbook and is replaced. */
function runInWorkers(tasks: BatchTask[], jobs: number, done: (n: number) => void): Promise<WorkbookResult[]> {
  const results: WorkbookResult[] = new Array(tasks.length);
  let next = 0;
  let finished = 0;
  return new Promise((resolve) => {
    const settle = (index: number, result: WorkbookResult) => {
      results[index] = result;
      done(++finished);
      if (finished === tasks.length) resolve(results);
    };
    const start = () => {
      if (next >= tasks.length) return;
      const worker = new Worker(WORKER_SCRIPT);
      let current: BatchTask | undefined;
      const feed = () => {
        if (next >= tasks.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = tasks[next++];
        worker.postMessage(current);
      };
      worker.on("message", (reply: BatchReply) => {
        const task = tasks[reply.index];
        settle(reply.index, "result" in reply ? reply.result : crashed(task, reply.crash));
        feed();
      });
      const lost = (why: string) => {
        if (!current) return;
        const task = current;
        current = undefined;
        settle(task.index, crashed(task, why));
        start();
      };
      worker.on("error", (e) => lost(e.stack ?? e.message));
      worker.on("exit", (code) => lost(`worker exited with code ${code}`));
      feed();
    };
    for (let i = 0; i < Math.min(jobs, tasks.length); i++) start();
  });
}

function crashed(task: BatchTask, why: string): WorkbookResult {
  return { ...failedResult(task.input, EXIT_FAILED, { code: "internal", message: text("internalError", task.opts.messageLang, { reason: why }) }), output: task.output };
}

/** Runs tasks one after the other in this thread (one job, or no compiled worker to start). */
async function runInProcess(tasks: BatchTask[], done: (n: number) => void): Promise<WorkbookResult[]> {
  const out: WorkbookResult[] = [];
  for (const t of tasks) {
    const run = await runWorkbook(t.input, t.output, { ...t.opts, now: new Date(t.opts.now) });
    out.push(resultOf(run, t.withCustomers));
    done(out.length);
  }
  return out;
}

/** Writes the consolidated workbook unless a file there is not ours; says why when it cannot. */
async function writeSummary(file: string, results: WorkbookResult[], lang: Lang, now: Date): Promise<NonNullable<BatchOutcome["summary"]>> {
  const prev = await inspectPreviousOutput(file);
  if (prev.kind === "foreign" || prev.kind === "foreignSheets") return { file, written: false, message: text("outputForeign", lang, { file }) };
  if (prev.kind === "unreadable") return { file, written: false, message: text("outputUnreadable", lang, { file, reason: prev.reason }) };
  try {
    await writePlanAtomic(consolidatedPlan(results, lang, now.toISOString()), file);
    return { file, written: true };
  } catch (e) {
    return { file, written: false, message: text("writeFailed", lang, { file, reason: e instanceof Error ? e.message : String(e) }) };
  }
}

/**
 * Runs many workbooks as single runs would (outputs beside each or in --out-dir, carry-over from each one's
 * previous output), on `jobs` worker threads; one bad workbook never stops the others. Then the consolidated
 * workbook and the results file. The exit code is the worst of all.
 */
export async function runBatch(req: RunRequest, lang: Lang, now: Date, progress: Progress): Promise<BatchOutcome> {
  const summaryFile = req.summary ? path.resolve(req.summary) : undefined;
  const formatFile = req.format ? path.resolve(req.format.file) : undefined;
  const items = await expandInputs(req.inputs, [summaryFile, formatFile].filter((f): f is string => !!f));
  const opts = { lang: req.lang, asOf: req.asOf, now: now.toISOString(), messageLang: lang };
  const outputs = new Map<string, string>();
  const early: WorkbookResult[] = [];
  const tasks: BatchTask[] = [];
  for (const item of items) {
    const input = path.resolve(item.file);
    const output = req.outDir ? path.join(path.resolve(req.outDir), path.basename(defaultOutputPath(input))) : defaultOutputPath(input);
    if (item.kind === "missing") {
      early.push(failedResult(item.file, EXIT_FAILED, { code: "input.missing", message: readErrorText("missing", item.file, lang) }));
    } else if (outputs.has(output)) {
      // Two inputs of the same name from different folders would overwrite each other's output in --out-dir.
      early.push(failedResult(item.file, EXIT_FAILED, { code: "output.clash", message: text("outputClash", lang, { file: output, other: outputs.get(output)! }) }));
    } else {
      outputs.set(output, item.file);
      tasks.push({ index: tasks.length, input, output, withCustomers: req.format !== undefined, opts });
    }
  }
  const total = tasks.length + early.length;
  const done = (n: number) => progress.batch(n + early.length, total);
  done(0);
  const jobs = Math.max(1, Math.min(req.jobs ?? os.availableParallelism(), tasks.length));
  const ran = jobs > 1 && existsSync(WORKER_SCRIPT) ? await runInWorkers(tasks, jobs, done) : await runInProcess(tasks, done);
  // Results as given: the workbook's own path, as the user typed it, names it in the summary.
  const byInput = new Map(items.map((i) => [path.resolve(i.file), i.file]));
  const results = [...ran.map((r) => ({ ...r, file: byInput.get(r.file) ?? r.file })), ...early];
  results.sort((a, b) => items.findIndex((i) => i.file === a.file) - items.findIndex((i) => i.file === b.file));

  const outcome: BatchOutcome = { results, exitCode: Math.max(0, ...results.map((r) => r.exitCode)) };
  if (results.length === 0) outcome.exitCode = EXIT_FAILED;
  if (summaryFile) {
    outcome.summary = await writeSummary(summaryFile, results, lang, now);
    if (!outcome.summary.written) outcome.exitCode = EXIT_FAILED;
  }
  if (req.format && formatFile) {
    try {
      await writeResultsFile(formatFile, req.format.kind, results, true);
      outcome.format = { file: formatFile, written: true };
    } catch (e) {
      outcome.format = { file: formatFile, written: false, message: text("writeFailed", lang, { file: formatFile, reason: e instanceof Error ? e.message : String(e) }) };
      outcome.exitCode = EXIT_FAILED;
    }
  }
  return outcome;
}
