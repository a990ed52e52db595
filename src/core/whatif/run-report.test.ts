import { runJob } from "../job/run-job";
import type { RawValue, WorkbookModel } from "../workbook/grid";
import { runReport } from "./run-report";
import { applyPlan, editCell } from "../../../test/core/plan-to-workbook";

const NOW = new Date("2025-06-30T08:00:00Z");

function register(scores: number[]): WorkbookModel {
  const rows: RawValue[][] = [["客户编号", "客户名称", "合作深度", "满意度"], ...scores.map((s, i) => [`C00${i + 1}`, `客户${i + 1}`, s, s] as RawValue[])];
  return { sheets: [{ name: "客户关系评估表", values: rows }] };
}

describe("after a run: movers since the last run and the edits kept", () => {
  test("a first run compares nothing and keeps nothing", () => {
    const r = runReport(runJob(register([90, 75, 40]), { now: NOW }).plan);
    expect(r).toMatchObject({ moves: {}, compared: 0, editsKept: 0 });
    expect(r.names.roster).toBe("客户分级名册");
  });

  test("a second run counts A→B and keeps a manual tier typed in the roster", () => {
    const first = runJob(register([90, 75, 40]), { now: NOW });
    const wb = applyPlan(register([90, 75, 40]), first.plan);
    editCell(wb, "客户分级名册", { header: "客户编号", value: "C002" }, "人工等级", "A");
    // The evaluation changes: C001 drops from 90 to 80 (A → B).
    wb.sheets[0] = register([80, 75, 40]).sheets[0];
    const second = runJob(wb, { now: new Date("2025-07-30T08:00:00Z") });
    const r = runReport(second.plan);
    expect(r.moves).toEqual({ "A→B": 1 });
    expect(r.compared).toBe(3);
    expect(r.editsKept).toBe(1);
  });
});
