import { syntheticRegister } from "../../bench/addin/synthetic-register";
import { runJob } from "../../src/core/job/run-job";
import type { JobOptions } from "../../src/core/job/job-types";
import type { WorkbookModel } from "../../src/core/workbook/grid";
import type { XlCellValue } from "../../src/office/excel-subset";
import { runWorkbookJob, type WorkbookJobOptions } from "../../src/office/run-workbook-job";
import { WriteRefusal } from "../../src/office/write-refusal";
import { createFakeExcel, type FakeExcel } from "./fake-excel";

// A run writes the plan it computed from its own read. When another run wrote the workbook in between (it held
// the lock, or it finished before this run looked again), that plan would undo the other run's outputs and
// whatever the user typed on them since: the run reads again instead.

const MONTH_1 = new Date("2026-10-31T09:00:00Z");
const RUN_A = new Date("2026-11-30T09:00:00Z");
const RUN_B = new Date("2026-11-30T09:00:05Z");
const ROSTER = "客户分级名册";

async function writtenOnce(): Promise<FakeExcel> {
  const wb = syntheticRegister(30);
  const xl = createFakeExcel(wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })));
  await xl.run((ctx) => runWorkbookJob(ctx, options(MONTH_1)));
  return xl;
}

function options(now: Date, job: WorkbookJobOptions["job"] = runJob): WorkbookJobOptions {
  return { now, job, write: true, clock: () => now, sleep: async () => undefined };
}

/** What a user types in the roster's editable columns on row `row`. */
function typeReason(xl: FakeExcel, row: number, reason: string): void {
  const roster = xl.sheet(ROSTER);
  const header = roster.rows[0];
  roster.writeCell(row, header.indexOf("人工等级"), "A");
  roster.writeCell(row, header.indexOf("调整原因"), reason);
}

function reasonAt(xl: FakeExcel, row: number): XlCellValue | null | undefined {
  const roster = xl.sheet(ROSTER);
  return roster.rows[row]?.[roster.rows[0].indexOf("调整原因")];
}

describe("a run whose read is out of date by the time it writes reads again", () => {
  test("another run finished between this run's read and its write: its outputs and the edits since are kept", async () => {
    const xl = await writtenOnce();
    let jobs = 0;
    // While run A computes, run B runs to the end and the user types on B's roster.
    const jobA = async (wb: WorkbookModel, o: JobOptions) => {
      if (++jobs === 1) {
        await xl.run((ctx) => runWorkbookJob(ctx, options(RUN_B)));
        typeReason(xl, 2, "typed after run B");
      }
      return runJob(wb, o);
    };
    const result = await xl.run((ctx) => runWorkbookJob(ctx, options(RUN_A, jobA)));
    expect(result.written).toBeDefined();
    expect(jobs).toBe(2);
    expect(reasonAt(xl, 2)).toBe("typed after run B");
  });

  test("runs that keep writing in between: after two reads again the run stops, saying so in both languages, with the other run's work in place", async () => {
    const xl = await writtenOnce();
    let jobs = 0;
    const jobA = async (wb: WorkbookModel, o: JobOptions) => {
      jobs++;
      await xl.run((ctx) => runWorkbookJob(ctx, options(new Date(RUN_B.getTime() + jobs * 1000))));
      typeReason(xl, 3, `typed after run ${jobs}`);
      return runJob(wb, o);
    };
    const refused = await xl.run((ctx) => runWorkbookJob(ctx, options(RUN_A, jobA))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WriteRefusal);
    expect((refused as WriteRefusal).kind).toBe("changed");
    expect((refused as WriteRefusal).in("zh-CN")).toContain("未做任何更改");
    expect((refused as WriteRefusal).in("en-US")).toContain("Nothing was changed");
    expect(jobs).toBe(3);
    expect(reasonAt(xl, 3)).toBe("typed after run 3");
  });

  test("nothing written in between: one read, one write", async () => {
    const xl = await writtenOnce();
    let jobs = 0;
    const jobA = async (wb: WorkbookModel, o: JobOptions) => (jobs++, runJob(wb, o));
    typeReason(xl, 4, "typed before");
    await xl.run((ctx) => runWorkbookJob(ctx, options(RUN_A, jobA)));
    expect(jobs).toBe(1);
    expect(reasonAt(xl, 4)).toBe("typed before");
  });
});
