import { syntheticRegister } from "../../bench/addin/synthetic-register";
import { runJob } from "../../src/core/job/run-job";
import type { XlCellValue } from "../../src/office/excel-subset";
import { readWorkbookForJob } from "../../src/office/read-for-job";
import { writePlan, type WriteOptions } from "../../src/office/write-plan";
import { colOf } from "./sheet-cells";
import { createFakeExcel, type FakeExcel } from "./fake-excel";

const noWait: WriteOptions = { sleep: async () => undefined };
const ROSTER = "客户分级名册";

async function month(xl: FakeExcel, iso: string): Promise<void> {
  const plan = runJob(await xl.run((ctx) => readWorkbookForJob(ctx, noWait)), { now: new Date(iso), utcOffsetMinutes: 480 }).plan;
  await xl.run((ctx) => writePlan(ctx, plan, noWait));
}

async function monthOne(): Promise<FakeExcel> {
  const wb = syntheticRegister(20, 11);
  const xl = createFakeExcel(wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })));
  await month(xl, "2026-10-31T09:00:00Z");
  return xl;
}

describe("a commit changes the old table and the rows it carried into the new one, nothing else on the tab", () => {
  test("a note two columns right of the table (its header cell empty) and a total one blank row below stay as typed", async () => {
    const xl = await monthOne();
    const roster = xl.sheet(ROSTER);
    const { rows, cols } = roster.usedRect()!;
    roster.writeCell(1, cols + 1, "跟进备注：下周回访");
    roster.writeCell(rows + 1, 0, `=COUNTA(${ROSTER}!B2:B${rows})`);
    await month(xl, "2026-11-30T09:00:00Z");
    expect(roster.valueAt(1, cols + 1)).toBe("跟进备注：下周回访");
    // Still a formula (not its value), below the new table: rows inserted into the table move it down, as in Excel.
    const height = roster.read(roster.usedRect()!).length;
    const formulas = [...Array(height).keys()].filter((r) => roster.formulaAt(r, 0) === `=COUNTA(${ROSTER}!B2:B${rows})`);
    expect(formulas).toHaveLength(1);
    expect(formulas[0]).toBeGreaterThan(rows);
    expect(roster.valueAt(formulas[0] - 1, 0)).toBe("");
  });

  test("a row typed directly below the table is carried into it and stands once", async () => {
    const xl = await monthOne();
    const roster = xl.sheet(ROSTER);
    const end = roster.usedRect()!.rows;
    roster.writeCell(end, colOf(roster, "客户编号"), "NEW-1");
    roster.writeCell(end, colOf(roster, "客户名称"), "新客户甲");
    await month(xl, "2026-11-30T09:00:00Z");
    const keys = roster.read(roster.usedRect()!).map((r) => r[colOf(roster, "客户编号")]);
    expect(keys.filter((k) => k === "NEW-1")).toHaveLength(1);
    expect(keys).toHaveLength(22);
  });
});
