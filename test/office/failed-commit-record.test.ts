import { syntheticRegister } from "../../bench/addin/synthetic-register";
import { runJob } from "../../src/core/job/run-job";
import type { JobOutcome } from "../../src/core/job/job-types";
import type { WritePlan } from "../../src/core/output-tabs/write-plan";
import type { WorkbookModel } from "../../src/core/workbook/grid";
import type { XlCellValue } from "../../src/office/excel-subset";
import { readWorkbookForJob } from "../../src/office/read-for-job";
import { writePlan, type WriteOptions } from "../../src/office/write-plan";
import { colOf, rowOf } from "./sheet-cells";
import { createFakeExcel, FakeExcelError, type FakeExcel } from "./fake-excel";

const noWait: WriteOptions = { sleep: async () => undefined };
const MONTH1 = new Date("2026-10-31T09:00:00Z");
const MONTH2 = new Date("2026-11-30T09:00:00Z");
const MONTH3 = new Date("2026-12-31T09:00:00Z");
const N = 40;

/** The same every time: the job is deterministic. */
let firstPlan: WritePlan | undefined;

/** Month 1 written, then a month of a user's work on the outputs: a manual tier and its reason, a review status, a column of their own, a row of their own. */
async function monthOne(): Promise<FakeExcel> {
  const wb = syntheticRegister(N, 11);
  const xl = createFakeExcel(wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })));
  if (!firstPlan) firstPlan = someTabs(runJob(await xl.run((ctx) => readWorkbookForJob(ctx, noWait)), { now: MONTH1, utcOffsetMinutes: 480 }).plan);
  const plan = firstPlan;
  await xl.run((ctx) => writePlan(ctx, plan, noWait));
  const roster = xl.sheet("客户分级名册");
  const retention = xl.sheet("客户维护方案");
  roster.writeCell(rowOf(roster, "客户编号", "C000003"), colOf(roster, "人工等级"), "A");
  roster.writeCell(rowOf(roster, "客户编号", "C000003"), colOf(roster, "调整原因"), "行长指定");
  // A review on a customer who stays in the retention plan next month (else its row is gone, and reported so).
  const staying = new Set(retentionKeys(runJob(monthTwoRegister(), { now: MONTH2, utcOffsetMinutes: 480 }).plan));
  const kept = retention.read(retention.usedRect()!).findIndex((r, i) => i > 0 && staying.has(String(r[colOf(retention, "客户编号")])));
  retention.writeCell(kept, colOf(retention, "审核状态"), "已审核");
  const width = roster.usedRect()!.cols;
  roster.writeCell(0, width, "我的备注");
  roster.writeCell(rowOf(roster, "客户编号", "C000005"), width, "下周拜访");
  const end = roster.usedRect()!.rows;
  roster.writeCell(end, colOf(roster, "客户编号"), "NEW-1");
  roster.writeCell(end, colOf(roster, "客户名称"), "新客户甲");
  xl.sheet("客户状况登记表").rows = monthTwoRegister().sheets[0].values.map((r) => r.map((v) => (v === null ? undefined : v)) as XlCellValue[]);
  return xl;
}

/** Month 2's register: other figures for every customer (so nearly every computed cell changes), one customer gone. */
function monthTwoRegister(): WorkbookModel {
  const wb = syntheticRegister(N, 12);
  return { sheets: [{ ...wb.sheets[0], values: wb.sheets[0].values.filter((r) => r[0] !== "C000007") }] };
}

function retentionKeys(plan: WritePlan): string[] {
  const tab = plan.tabs.find((t) => t.id === "retention")!;
  const c = tab.columns.findIndex((x) => x.header === "客户编号");
  return tab.rows.map((r) => String(r[c]));
}

async function runOnce(xl: FakeExcel, now: Date): Promise<{ outcome: JobOutcome; plan: WritePlan }> {
  const read = await xl.run((ctx) => readWorkbookForJob(ctx, noWait));
  const outcome = runJob(read, { now, utcOffsetMinutes: 480 });
  return { outcome, plan: someTabs(outcome.plan) };
}

/** Tabs enough to show it (each tab adds some twenty commands to fail at): the roster with the user's row and column, one more tab with an edit, the history. */
const TABS = ["roster", "retention", "history"];
function someTabs(plan: WritePlan): WritePlan {
  const keep = (x: { id: string }): boolean => TABS.includes(x.id);
  return { ...plan, tabs: plan.tabs.filter(keep), meta: { ...plan.meta, tabs: plan.meta.tabs.filter(keep), fingerprints: plan.meta.fingerprints?.filter(keep) } };
}

/** What a run reports and keeps of the user's work: the carried counts, the problems about edits, the user's values. */
function userWork(outcome: JobOutcome): unknown {
  const roster = outcome.plan.tabs.find((t) => t.id === "roster")!;
  const at = (key: string, header: string): unknown => roster.rows.find((r) => r[roster.columns.findIndex((c) => c.header === "客户编号")] === key)?.[roster.columns.findIndex((c) => c.header === header)];
  const retention = outcome.plan.tabs.find((t) => t.id === "retention")!;
  return {
    userRows: outcome.plan.carried?.userRows,
    editsReported: outcome.plan.carried?.editsReported,
    computedEditsReplaced: outcome.plan.carried?.computedEditsReplaced,
    editProblems: outcome.problems.filter((p) => p.code.startsWith("edit.") || p.code.startsWith("plan.edit")).map((p) => `${p.code} ${p.sheet ?? ""}`).sort(),
    manualTier: at("C000003", "人工等级"),
    reason: at("C000003", "调整原因"),
    myNote: at("C000005", "我的备注"),
    myRow: at("NEW-1", "客户名称"),
    reviewed: retention.rows.filter((r) => r.includes("已审核")).length,
  };
}

describe("after a commit that fails part way, the record matches what the tabs hold", () => {
  test.each([
    ["the tabs committed in one request", undefined],
    ["each tab committed in a request of its own", 1],
  ])("a failure at any command of the commit or the final record (%s): the next run reports no phantom rows or edits and loses nothing typed", async (_, commitCells) => {
    const options: WriteOptions = { ...noWait, commitCells };
    // The reference: month 2 written without a failure, then month 3.
    const ref = await monthOne();
    const second = await runOnce(ref, MONTH2);
    let commitCommands = 0;
    let armed = false;
    ref.faults.failCommand = () => {
      if (armed) commitCommands++;
      return false;
    };
    await ref.run((ctx) => writePlan(ctx, second.plan, { ...options, onProgress: (p) => (armed = p.phase === "swap") }));
    ref.faults.failCommand = undefined;
    const expected = userWork((await runOnce(ref, MONTH3)).outcome);
    expect(expected).toMatchObject({ userRows: 1, editsReported: 0, computedEditsReplaced: 0, manualTier: "A", reason: "行长指定", myNote: "下周拜访", myRow: "新客户甲", reviewed: 1 });
    expect(commitCommands).toBeGreaterThan(30);
    // The second run's plan is the same on every copy of month 1 (the job is deterministic).
    expect((await runOnce(await monthOne(), MONTH2)).plan).toEqual(second.plan);

    let failures = 0;
    for (let n = 1; n <= commitCommands; n++) {
      const xl = await monthOne();
      const plan = second.plan;
      let count = 0;
      armed = false;
      xl.faults.failCommand = () => armed && ++count === n;
      const outcome = await xl
        .run((ctx) => writePlan(ctx, plan, { ...options, onProgress: (p) => (armed = p.phase === "swap") }))
        .then(() => "ok", (e: unknown) => (e instanceof FakeExcelError ? "failed" : `unexpected ${String(e)}`));
      xl.faults.failCommand = undefined;
      expect([n, outcome === "ok" || outcome === "failed"]).toEqual([n, true]);
      if (outcome === "failed") failures++;
      const third = await runOnce(xl, MONTH3);
      expect([n, userWork(third.outcome)]).toEqual([n, expected]);
    }
    expect(failures).toBeGreaterThan(commitCommands / 2);
  });
});
