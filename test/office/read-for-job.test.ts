import { syntheticRegister } from "../../bench/addin/synthetic-register";
import { OUTPUT_SPECS, runJob } from "../../src/core/job/run-job";
import type { XlCellValue } from "../../src/office/excel-subset";
import { READ_SPECS, readWorkbookForJob } from "../../src/office/read-for-job";
import { readWorkbook } from "../../src/office/read-workbook";
import { writePlan } from "../../src/office/write-plan";
import type { WorkbookModel } from "../../src/core/workbook/grid";
import { createFakeExcel, FakeStats, type FakeExcel } from "./fake-excel";

const noWait = { sleep: async () => undefined, tag: "t1" };
const DAY1 = new Date("2026-10-31T09:00:00Z");
const DAY2 = new Date("2026-11-30T09:00:00Z");

function cells(wb: WorkbookModel): number {
  return wb.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.filter((v) => v !== null && v !== undefined).length, 0), 0);
}

/** Types a value into the output tab under `header`, in the n-th data row whose `matchHeader` cell is `match` (or any row). */
function type(xl: FakeExcel, sheet: string, header: string, value: XlCellValue, where?: { header: string; value: string }): string {
  const s = xl.sheet(sheet);
  const grid = s.read(s.usedRect()!);
  const col = grid[0].indexOf(header);
  const mcol = where ? grid[0].indexOf(where.header) : -1;
  const r = where ? grid.findIndex((row, i) => i > 0 && row[mcol] === where.value) : 1;
  if (col < 0 || r < 0) throw new Error(`no ${header} / ${where?.value} in ${sheet}`);
  (s.rows[r] ??= [])[col] = value;
  return String(grid[r][grid[0].indexOf("客户编号")]);
}

async function firstRun(): Promise<FakeExcel> {
  const wb = syntheticRegister(400);
  const xl = createFakeExcel(wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })));
  const read = await xl.run((ctx) => readWorkbookForJob(ctx, noWait));
  const { plan } = runJob(read, { now: DAY1 });
  await xl.run((ctx) => writePlan(ctx, plan, noWait));
  return xl;
}

describe("add-in: a second run reads only the columns it needs from the previous outputs", () => {
  test("carries every edit, and gives the same outputs as reading every cell", async () => {
    const xl = await firstRun();
    // A user's edits in every editable column, and a column of their own beside the roster.
    const c1 = type(xl, "客户分级名册", "人工等级", "A");
    type(xl, "客户分级名册", "调整原因", "行长指定", { header: "客户编号", value: c1 });
    const c2 = type(xl, "客户维护方案", "审核状态", "已审核");
    type(xl, "客户维护方案", "备注", "主管已知悉", { header: "客户编号", value: c2 });
    type(xl, "客户维护方案", "执行情况", "已拜访", { header: "客户编号", value: c2 });
    const c3 = type(xl, "电话回访计划", "状态", "已完成");
    type(xl, "电话回访计划", "回访结果", "客户满意", { header: "客户编号", value: c3 });
    // A churned customer comes back: the previous roster's status (not editable, but carried) says so.
    const reg = xl.sheet("客户状况登记表");
    const head = reg.read(reg.usedRect()!)[0];
    const back = reg.rows.findIndex((r, i) => i > 0 && r?.[head.indexOf("客户状态")] === "流失");
    reg.rows[back][head.indexOf("客户状态")] = "正常";
    const returned = String(reg.rows[back][head.indexOf("客户编号")]);
    const roster = xl.sheet("客户分级名册");
    const width = roster.usedRect()!.cols;
    (roster.rows[0] ??= [])[width] = "我的备注";
    (roster.rows[1] ??= [])[width] = "下周拜访";

    xl.stats = new FakeStats();
    const lean = await xl.run((ctx) => readWorkbookForJob(ctx, noWait));
    const leanSyncs = xl.stats.syncs;
    xl.stats = new FakeStats();
    const full = await xl.run((ctx) => readWorkbook(ctx, noWait));
    expect(cells(lean)).toBeLessThan(cells(full) * 0.6);

    const a = runJob(lean, { now: DAY2, utcOffsetMinutes: 480 });
    const b = runJob(full, { now: DAY2, utcOffsetMinutes: 480 });
    expect(a.plan).toEqual(b.plan);
    expect(a.problems).toEqual(b.problems);

    const tab = (id: string) => a.plan.tabs.find((t) => t.id === id)!;
    const rec = (id: string, key: string, col: string) => {
      const t = tab(id);
      const row = t.rows.find((r) => r[t.columns.findIndex((c) => c.id === "key")] === key)!;
      return row[t.columns.findIndex((c) => c.id === col)];
    };
    expect(rec("roster", returned, "movement")).toBe("回流");
    expect(rec("roster", c1, "manualTier")).toBe("A");
    expect(rec("roster", c1, "manualReason")).toBe("行长指定");
    expect(rec("retention", c2, "reviewStatus")).toBe("已审核");
    expect(rec("retention", c2, "remarks")).toBe("主管已知悉");
    expect(rec("retention", c2, "execution")).toBe("已拜访");
    expect(tab("callbacks").rows.some((r) => r.includes("客户满意") && r.includes("已完成"))).toBe(true);
    // The user's own column was read (the carry-over of such columns works on what is read here).
    const rosterGrid = lean.sheets.find((s) => s.name === "客户分级名册")!;
    expect(rosterGrid.values[0][width]).toBe("我的备注");
    expect(rosterGrid.values[1][width]).toBe("下周拜访");
    // KPI, churn warnings and problems are listed by name but not read.
    expect(lean.sheets.find((s) => s.name === "指标看板")!.values).toEqual([]);
    // The history: one row per customer, this run's pair first.
    expect(tab("history").columns.map((c) => c.header).slice(2)).toEqual(["2026-11 得分", "2026-11 等级", "2026-10 得分", "2026-10 等级"]);
    expect(leanSyncs).toBeLessThanOrEqual(8);
  });

  test("knows every output tab the job writes (a tab it does not know would be read in full)", () => {
    expect(READ_SPECS.map((s) => s.id)).toEqual(OUTPUT_SPECS.map((s) => s.id));
  });

  test("reads a workbook without outputs in full, like the full reader", async () => {
    const wb = syntheticRegister(50);
    const xl = createFakeExcel(wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })));
    const lean = await xl.run((ctx) => readWorkbookForJob(ctx, noWait));
    const full = await xl.run((ctx) => readWorkbook(ctx, noWait));
    expect(lean).toEqual(full);
  });

  test("splits a big read over syncs under the cell budget, values-only cells weighing a third", async () => {
    const xl = await firstRun();
    xl.stats = new FakeStats();
    const small = await xl.run((ctx) => readWorkbookForJob(ctx, noWait, 500));
    const syncs = xl.stats.syncs;
    xl.stats = new FakeStats();
    const big = await xl.run((ctx) => readWorkbookForJob(ctx, noWait));
    expect(small).toEqual(big);
    expect(syncs).toBeGreaterThan(xl.stats.syncs + 10);
  });
});
