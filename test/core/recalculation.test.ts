import fc from "fast-check";
import { runJob } from "../../src/core/job/run-job";
import type { RawValue, WorkbookModel } from "../../src/core/workbook/grid";
import { applyPlan, editCell } from "./plan-to-workbook";

const DAY1 = new Date("2025-06-30T08:00:00Z");
const DAY2 = new Date("2025-07-31T08:00:00Z");

function input(): WorkbookModel {
  return {
    sheets: [
      { name: "客户状况登记表", values: [["客户编号", "客户名称", "客户经理"], ["C1", "甲", "王"], ["C2", "乙", "李"], ["C3", "丙", "张"]] },
      {
        name: "客户关系评估表",
        values: [
          ["客户编号", "分析指标", "指标权重", "指标得分"],
          ["C1", "a", 50, 90], ["C1", "b", 50, 90],
          ["C2", "a", 50, 60], ["C2", "b", 50, 70],
          ["C3", "a", 50, 30], ["C3", "b", 50, 20],
        ],
      },
    ],
  };
}

const rosterRow = (wb: WorkbookModel, key: string) => {
  const g = wb.sheets.find((s) => s.name === "客户分级名册")!;
  const h = g.values[0] as string[];
  const row = g.values.find((r) => r[h.indexOf("客户编号")] === key)!;
  return Object.fromEntries(h.map((name, i) => [name, row[i]]));
};

describe("manual tier and recalculation", () => {
  it("a manual tier typed in the roster drives the plans on the next run, is kept with its reason, and the computed tier stays visible", () => {
    const wb0 = input();
    const run1 = runJob(wb0, { now: DAY1 });
    const wb1 = applyPlan(wb0, run1.plan);
    editCell(wb1, "客户分级名册", { header: "客户编号", value: "C3" }, "人工等级", "A");
    editCell(wb1, "客户分级名册", { header: "客户编号", value: "C3" }, "调整原因", "战略客户");

    const run2 = runJob(wb1, { now: DAY2 });
    const c3 = run2.customers.find((c) => c.key === "C3")!;
    expect(c3.computedTier).toBe("D");
    expect(c3.tier).toBe("A");
    const wb2 = applyPlan(wb1, run2.plan, run1.plan.tabs.map((t) => t.name));
    expect(rosterRow(wb2, "C3")).toMatchObject({ 等级: "D", 人工等级: "A", 调整原因: "战略客户" });
    const retention = run2.plan.tabs.find((t) => t.id === "retention")!;
    const keyCol = retention.columns.findIndex((c) => c.id === "key");
    const tierCol = retention.columns.findIndex((c) => c.header === "等级" || c.id === "tier");
    expect(retention.rows.find((r) => r[keyCol] === "C3")![tierCol]).toBe("A");
  });

  it("input sheets come through a run unchanged", () => {
    const wb0 = input();
    const before = JSON.stringify(wb0);
    runJob(wb0, { now: DAY1 });
    expect(JSON.stringify(wb0)).toBe(before);
  });

  it("the roster shows the previous tier from the history and the movement", () => {
    const wb0 = input();
    const run1 = runJob(wb0, { now: DAY1 });
    expect(rosterRow(applyPlan(wb0, run1.plan), "C1")).toMatchObject({ 上次等级: null, 变动: "新" });
    const wb1 = applyPlan(wb0, run1.plan);
    // C2 improves from B/C to A between runs.
    const ev = wb1.sheets.find((s) => s.name === "客户关系评估表")!;
    ev.values[3][3] = 100;
    ev.values[4][3] = 100;
    const run2 = runJob(wb1, { now: DAY2 });
    const wb2 = applyPlan(wb1, run2.plan, run1.plan.tabs.map((t) => t.name));
    expect(rosterRow(wb2, "C2")).toMatchObject({ 等级: "A", 变动: "↑" });
    expect(rosterRow(wb2, "C1")).toMatchObject({ 上次等级: "A", 变动: "—" });
    const history = run2.plan.tabs.find((t) => t.id === "history")!;
    // One row per customer, a score/tier pair per run.
    expect(history.rows).toHaveLength(3);
    expect(history.columns).toHaveLength(2 + 2 * 2);
  });

  it("a typed value that is no tier is kept as typed and reported at its cell", () => {
    const wb0 = input();
    const run1 = runJob(wb0, { now: DAY1 });
    const wb1 = applyPlan(wb0, run1.plan);
    editCell(wb1, "客户分级名册", { header: "客户编号", value: "C2" }, "人工等级", "超级");
    const run2 = runJob(wb1, { now: DAY2 });
    expect(run2.problems.filter((p) => p.code === "manual.badTier")).toMatchObject([{ sheet: "客户分级名册", cell: "A3", key: "C2" }]);
    expect(rosterRow(applyPlan(wb1, run2.plan, run1.plan.tabs.map((t) => t.name)), "C2")).toMatchObject({ 人工等级: "超级" });
  });
});

describe("row order changes no result (property)", () => {
  it("shuffling register and evaluation rows gives every customer the same score, tier and verdict", () => {
    const base = input();
    const reference = new Map(runJob(base, { now: DAY1 }).customers.map((c) => [c.key, [c.score, c.tier, c.verdict, c.rank]]));
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 9, maxLength: 9 }), (order) => {
        const shuffle = (rows: RawValue[][]) => [rows[0], ...rows.slice(1).map((r, i) => ({ r, k: order[i % order.length] * 31 + i })).sort((a, b) => a.k - b.k).map((x) => x.r)];
        const wb: WorkbookModel = { sheets: base.sheets.map((s) => ({ ...s, values: shuffle(s.values) })) };
        return runJob(wb, { now: DAY1 }).customers.every((c) => JSON.stringify([c.score, c.tier, c.verdict, c.rank]) === JSON.stringify(reference.get(c.key)));
      }),
      { numRuns: 50 },
    );
  });
});

describe("movement in English", () => {
  it("a customer seen for the first time is New", () => {
    const out = runJob(input(), { now: DAY1, lang: "en-US" });
    const roster = out.plan.tabs[0];
    const col = roster.columns.findIndex((c) => c.id === "movement");
    expect(roster.rows.map((r) => r[col])).toEqual(["New", "New", "New"]);
  });
});
