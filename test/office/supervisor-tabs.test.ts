import { writePlan } from "../../src/office/write-plan";
import { twoRuns } from "../core/supervisor-workbook";
import { createFakeExcel } from "./fake-excel";

const noWait = { sleep: async () => undefined, tag: "t1" };

describe("the Office adapter writes the supervisor's tabs", () => {
  test("the new tabs become tables, and the KPI tab gets the trend chart with a line per tier", async () => {
    const { run2 } = twoRuns();
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C1", "华星贸易"]] }]);
    await xl.run((ctx) => writePlan(ctx, run2.plan, noWait));
    expect(xl.sheetNames()).toEqual(expect.arrayContaining(["客户维护总结表", "客户关系强化表", "行动计划表"]));
    expect(xl.state.table("MaintenanceSummary")?.sheet.name).toBe("客户维护总结表");
    expect(xl.state.table("RelationshipStrengthening")?.sheet.name).toBe("客户关系强化表");
    const summary = xl.sheet("客户维护总结表");
    expect(summary.read(summary.usedRect()!).map((r) => r[0])).toEqual(["客户经理", "李强", "王芳", "（未指定）", "合计"]);

    const kpiPlan = run2.plan.tabs.find((t) => t.id === "kpi")!;
    const trend = kpiPlan.extraCharts![0];
    const [bars, lines] = xl.sheet("指标看板").charts;
    expect(bars.type).toBe("ColumnClustered");
    expect(lines).toMatchObject({
      type: "Line", title: "客户等级趋势（历次运行）", seriesName: "A",
      source: { row: 1 + trend.firstRow, col: trend.valueCol, rows: 2, cols: 1 },
      xValues: { row: 1 + trend.firstRow, col: trend.labelCol, rows: 2, cols: 1 },
    });
    expect(lines.more!.map((s) => s.name)).toEqual(["B", "C", "D", "资料不全"]);
    expect(lines.more![0].values).toEqual({ row: 1 + trend.series![1].firstRow, col: trend.valueCol, rows: 2, cols: 1 });
    expect(lines.position).not.toBe(bars.position);
  });
});
