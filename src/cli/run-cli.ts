import { promises as fsp } from "fs";
import * as path from "path";
import type { Lang } from "../core/i18n/lang";
import { inputTemplate } from "../core/template/input-template";
import { writePlanAtomic } from "../xlsx/write-plan";
import { parseArgs, type RunRequest } from "./args";
import { runBatch } from "./batch/run-batch";
import { batchSummaryText, batchJson } from "./batch/batch-summary-text";
import { messageLang } from "./cli-lang";
import { EXIT_FAILED, EXIT_OK } from "./exit-code";
import { argErrorText, helpText, text } from "./messages";
import { defaultOutputPath } from "./output-path";
import { Progress } from "./progress";
import { writeResultsFile } from "./results-file";
import { resultOf, runWorkbook } from "./run-workbook";
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

/** True when the request is a batch: several inputs, a folder, or an option only a batch has. */
async function isBatch(req: RunRequest): Promise<boolean> {
  if (req.inputs.length > 1 || req.outDir !== undefined || req.summary !== undefined || req.jobs !== undefined) return true;
  const stat = await fsp.stat(req.inputs[0]).catch(() => null);
  return stat?.isDirectory() === true;
}

/** `--template <file>`: writes the blank input template (never over an existing file). */
async function writeTemplate(file: string, lang: Lang, io: CliIo, fail: (code: string, message: string) => number): Promise<number> {
  const target = path.resolve(file);
  try {
    await fsp.access(target);
    return fail("template.exists", text("templateExists", lang, { file: target }));
  } catch {
    // Nothing there: write it.
  }
  try {
    await writePlanAtomic(inputTemplate(lang), target);
  } catch (e) {
    return fail("output.writeFailed", text("writeFailed", lang, { file: target, reason: e instanceof Error ? e.message : String(e) }));
  }
  io.stdout(text("templateWritten", lang, { file: target }) + "\n");
  return EXIT_OK;
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
  const progress = new Progress(io.stderrIsTTY, io.stderr, lang);
  const fail = (code: string, message: string): number => {
    progress.clear();
    io.stderr(message + "\n");
    if (json) io.stdout(JSON.stringify({ exitCode: EXIT_FAILED, error: { code, message } }, null, 2) + "\n");
    return EXIT_FAILED;
  };
  if (req.kind === "error") return fail(`args.${req.code}`, argErrorText(req.code, req.arg, lang));
  if (req.kind === "template") return writeTemplate(req.file, req.lang ?? lang, io, fail);

  if (await isBatch(req)) {
    const outcome = await runBatch(req, lang, io.now(), progress);
    progress.clear();
    if (json) io.stdout(JSON.stringify(batchJson(outcome), null, 2) + "\n");
    else io.stdout(batchSummaryText(outcome, lang) + "\n");
    // The text summary already names each failed workbook; with --json, stderr is where people read.
    if (json) for (const r of outcome.results) if (r.failure) io.stderr(`${r.file}: ${r.failure.message}\n`);
    for (const f of [outcome.summary, outcome.format]) if (f && !f.written && f.message) io.stderr(f.message + "\n");
    return outcome.exitCode;
  }

  const input = path.resolve(req.inputs[0]);
  const output = path.resolve(req.out ?? defaultOutputPath(input));
  const run = await runWorkbook(input, output, { lang: req.lang, asOf: req.asOf, now: io.now(), messageLang: lang }, progress);
  if (run.kind === "failed") return fail(run.code, run.message);
  progress.clear();
  let code = run.exitCode;
  if (req.format) {
    try {
      await writeResultsFile(req.format.file, req.format.kind, [resultOf(run, true)], false);
    } catch (e) {
      io.stderr(text("writeFailed", lang, { file: req.format.file, reason: e instanceof Error ? e.message : String(e) }) + "\n");
      code = EXIT_FAILED;
    }
  }
  const { outcome } = run;
  // What exactly was carried from the previous output (counts per kind), when there was one.
  const carried = run.carried ? outcome.plan.carried ?? true : false;
  if (json) {
    const carriedJson = typeof carried === "object" ? { carried } : {};
    io.stdout(JSON.stringify({ ...outcome.summary, output, ...carriedJson, exitCode: code }, null, 2) + "\n");
  } else {
    io.stdout(summaryText(input, output, outcome.summary, outcome.problems, carried) + "\n");
  }
  return code;
}
