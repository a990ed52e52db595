import { runJob } from "../../src/core/job/run-job";
import type { JobOutcome } from "../../src/core/job/job-types";
import { problemLocation, renderProblem } from "../../src/core/problems/render";
import type { RawValue, WorkbookModel } from "../../src/core/workbook/grid";

const NOW = new Date("2025-06-30T08:00:00Z");
const only = (out: JobOutcome, code: string) => out.problems.filter((p) => p.code === code);

const register: RawValue[][] = [["客户编号", "客户名称", "日均存款", "客户关系发展潜力"], ["C1", "甲", 6_000_000, "高"], ["C2", "乙", -1, "很高"], ["C3", "丙", 200, "低"]];

function withModel(model: RawValue[][], evaluation?: RawValue[][]): WorkbookModel {
  const sheets: WorkbookModel["sheets"] = [{ name: "客户状况登记表", values: register }, { name: "评估模型", values: model }];
  if (evaluation) sheets.push({ name: "客户关系评估表", values: evaluation });
  return { sheets };
}

describe("problems in derived indicators", () => {
  it("a value in no band is reported at its register cell", () => {
    const out = runJob(withModel([["指标", "权重", "来源列", "计分方法", "分档"], ["存款", 100, "日均存款", "分档", "≥5000000:100; ≥1000:60; ≥100:20"]]), { now: NOW });
    // C2's −1 is refused by the register already; C3's 200 falls in ≥100.
    expect(out.customers.map((c) => c.score)).toEqual([100, null, 20]);
    expect(only(out, "value.negative")).toMatchObject([{ sheet: "客户状况登记表", cell: "C3" }]);
  });
  it("a category with no map entry is reported where the register cannot read it", () => {
    const out = runJob(withModel([["指标", "权重", "来源列", "计分方法", "分档"], ["潜力", 100, "发展潜力", "映射", "高:100; 中:60; 低:20"]]), { now: NOW });
    expect(out.customers.map((c) => c.score)).toEqual([100, null, 20]);
    expect(only(out, "value.notChoice")).toMatchObject([{ sheet: "客户状况登记表", cell: "D3", key: "C2" }]);
  });
  it("bands that cannot be read leave the indicator out, reported at the bands cell", () => {
    const out = runJob(withModel([["指标", "权重", "来源列", "计分方法", "分档"], ["存款", 50, "日均存款", "分档", "很多就给满分"], ["潜力", 50, "发展潜力", "映射", "高:100; 低:20"]]), { now: NOW });
    expect(only(out, "model.badBands")).toMatchObject([{ level: "error", sheet: "评估模型", cell: "E2" }]);
    expect(out.summary.indicators.map((i) => i.name)).toEqual(["潜力"]);
  });
  it("a source column that the register does not have is an error at its cell", () => {
    const out = runJob(withModel([["指标", "权重", "来源列"], ["利润", 100, "年利润"]]), { now: NOW });
    expect(only(out, "model.unknownSource")).toMatchObject([{ level: "error", sheet: "评估模型", cell: "C2" }]);
  });
});

describe("problems in the evaluation", () => {
  const ev = (rows: RawValue[][]) => ({ sheets: [{ name: "客户状况登记表", values: register }, { name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分"], ...rows] }] });
  it("a score that is not a number is reported at its cell", () => {
    const out = runJob(ev([["C1", "a", 100, "优秀"]]), { now: NOW });
    expect(only(out, "eval.notNumber")).toMatchObject([{ sheet: "客户关系评估表", cell: "D2", key: "C1" }]);
  });
  it("an Excel error as a score is missing and reported", () => {
    const out = runJob(ev([["C1", "a", 100, "#DIV/0!"]]), { now: NOW });
    expect(only(out, "eval.excelError")).toMatchObject([{ cell: "D2" }]);
  });
  it("a second score for the same customer and indicator is ignored with a warning", () => {
    const out = runJob(ev([["C1", "a", 100, 80], ["C1", "a", 100, 10]]), { now: NOW });
    expect(only(out, "eval.duplicateScore")).toMatchObject([{ cell: "D3", key: "C1" }]);
    expect(out.customers[0].score).toBe(80);
  });
  it("a customer missing from the register is scored and reported", () => {
    const out = runJob(ev([["C9", "a", 100, 80]]), { now: NOW });
    expect(only(out, "eval.unknownCustomer")).toMatchObject([{ sheet: "客户关系评估表", key: "C9" }]);
    expect(out.customers.find((c) => c.key === "C9")?.score).toBe(80);
  });
  it("a form tab that names no customer is reported by sheet", () => {
    const wb: WorkbookModel = { sheets: [{ name: "评估-空", values: [["客户名称：", null], ["分析指标", "指标权重", "指标得分"], ["a", 100, 50]] }] };
    expect(() => runJob(wb, { now: NOW })).not.toThrow();
    expect(only(runJob(wb, { now: NOW }), "eval.formNoCustomer")).toMatchObject([{ level: "error", sheet: "评估-空" }]);
  });
});

describe("messages", () => {
  it("every problem renders in both languages with its address as users read it", () => {
    const out = runJob({ sheets: [{ name: "Customer Register", values: [["Customer ID", "Customer", "Employees"], ["1", "Acme", "many"]] }] }, { now: NOW });
    const [p] = only(out, "value.notNumber");
    expect(problemLocation(p)).toBe("'Customer Register'!C2");
    expect(renderProblem(p, "en-US")).toBe('"Employees": "many" is not a number; treated as missing.');
    expect(renderProblem(p, "zh-CN")).toBe("“Employees”的值“many”不是数字，按缺失处理。");
    for (const q of out.problems) {
      expect(renderProblem(q, "zh-CN")).not.toBe(q.code);
      expect(renderProblem(q, "en-US")).not.toBe(q.code);
    }
  });
});
