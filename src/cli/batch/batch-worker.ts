import { parentPort } from "worker_threads";
import { resultOf, runWorkbook } from "../run-workbook";
import type { BatchTask } from "./batch-task";

// A worker thread of a batch: runs the workbooks it is handed, one at a time, and hands back plain results.
parentPort?.on("message", (task: BatchTask) => {
  const opts = { ...task.opts, now: new Date(task.opts.now) };
  runWorkbook(task.input, task.output, opts).then(
    (run) => parentPort?.postMessage({ index: task.index, result: resultOf(run, task.withCustomers) }),
    (e: unknown) => parentPort?.postMessage({ index: task.index, crash: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});
