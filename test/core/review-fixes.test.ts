import { runJob } from "../../src/core/job/run-job";
import { derivedPoints } from "../../src/core/scoring/derived-points";
import type { Indicator } from "../../src/core/model/indicator";
import type { RawValue, WorkbookModel } from "../../src/core/workbook/grid";
import { applyPlan } from "./plan-to-workbook";

const NOW = new Date("2025-06-30T08:00:00Z");

describe("a model row that names a register column maps its categories (no 来源列 needed)", () => {
  it("scores 高/中/低 and 是/否 maps written in the model against the register's words", () => {
    const wb: WorkbookModel = {
      sheets: [
        { name: "客户状况登记表", values: [["客户编号", "客户关系发展潜力", "结算产品使用状况"], ["1", "高", "已使用"], ["2", "低", "未使用"], ["3", "中", "是"]] },
        { name: "评估模型", values: [["指标", "权重", "计分方法", "分档"], ["客户关系发展潜力", "50%", "映射", "高:100; 中:60; 低:20"], ["结算产品使用状况", "50%", "映射", "是:100; 否:0"]] },
      ],
    };
    const out = runJob(wb, { now: NOW });
    expect(out.customers.map((c) => c.score)).toEqual([100, 10, 80]);
    expect(out.problems.filter((p) => p.code.startsWith("derived."))).toEqual([]);
  });
});

describe("a workbook that already holds the add-in's tabs, run through the command line", () => {
  it("does not read those tabs as inputs", () => {
    const input: WorkbookModel = { sheets: [{ name: "客户状况登记表", values: [["客户编号", "客户满意度"], ["1", 60], ["2", 90]] }] };
    const addinRun = runJob(input, { now: NOW });
    const withTabs = applyPlan(input, addinRun.plan);
    const cliFirst = runJob(withTabs, { now: NOW, previous: { sheets: [] } });
    const cliSecond = runJob(withTabs, { now: NOW, previous: applyPlan({ sheets: [] }, cliFirst.plan) });
    for (const out of [cliFirst, cliSecond]) {
      expect(out.customers.map((c) => c.score)).toEqual([60, 90]);
      expect(out.summary.sheets.map((s) => s.name)).toEqual(["客户状况登记表"]);
    }
  });
});

describe("反向 on derived min-max and rank keeps the spec's edge cases", () => {
  const ind = (method: "minmax" | "rank"): Indicator => ({ name: "x", weight: 1, maxScore: 100, direction: "negative", method, source: "complaints" });
  it("all equal values give 100", () => expect(Array.from(derivedPoints(ind("minmax"), [3, 3]).points)).toEqual([100, 100]));
  it("only one customer with a value gives 100", () => expect(Array.from(derivedPoints(ind("rank"), [7, undefined]).points)).toEqual([100, NaN]));
  it("lower is better", () => expect(Array.from(derivedPoints(ind("minmax"), [0, 10, 5]).points)).toEqual([100, 0, 50]));
});

describe("problem addresses and silent drops", () => {
  it("a register row without a key is reported at the key column, not at a leading 序号 column", () => {
    const out = runJob({ sheets: [{ name: "客户状况登记表", values: [["序号", "客户编号", "客户名称", "客户满意度"], [1, "C1", "甲", 80], [2, null, null, 5]] }] }, { now: NOW });
    expect(out.problems.filter((p) => p.code === "register.noKey")).toMatchObject([{ cell: "B3" }]);
  });
  it("a long row with a score but no indicator is reported, not dropped silently", () => {
    const rows: RawValue[][] = [["客户编号", "客户名称", "分析指标", "指标权重", "指标得分"], ["C1", "甲", "a", 50, 80], ["C1", "甲", null, 50, 90]];
    const out = runJob({ sheets: [{ name: "客户关系评估表", values: rows }] }, { now: NOW });
    expect(out.problems.filter((p) => p.code === "eval.noIndicator")).toMatchObject([{ sheet: "客户关系评估表", cell: "C3", key: "C1" }]);
  });
  it("different weights for one indicator are a warning even when the model's weight wins", () => {
    const wb: WorkbookModel = {
      sheets: [
        { name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分"], ["1", "a", 30, 80], ["2", "a", 40, 60]] },
        { name: "评估模型", values: [["指标", "权重"], ["a", 100]] },
      ],
    };
    const out = runJob(wb, { now: NOW });
    expect(out.problems.filter((p) => p.code === "eval.weightConflict")).toMatchObject([{ params: { indicator: "a", weight: 100 } }]);
  });
});
