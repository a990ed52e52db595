/**
 * Spec "Input sheets" and "Read and validate": forms end at their totals, every problem names its sheet and
 * cell, a 来源列 the register lacks is reported, English workbooks read English, the header row is the row
 * with the most known names, and no column is dropped without a word.
 */
import { runJob, scoreWorkbook } from "../../src/core/job/run-job";
import type { JobOutcome } from "../../src/core/job/job-types";
import type { Problem } from "../../src/core/problems/problem";
import { renderProblem } from "../../src/core/problems/render";
import type { RawValue, SheetGrid, WorkbookModel } from "../../src/core/workbook/grid";

const NOW = new Date("2026-11-29T08:00:00Z");
const codes = (ps: Problem[]) => ps.map((p) => p.code);
const at = (ps: Problem[], code: string) => ps.filter((p) => p.code === code).map((p) => `${p.sheet}!${p.cell}`);

/** A form tab (the paper form typed into Excel) with a footer under its 合计 / 最终得分 rows. */
function form(name: string, id: string, rows: [string, RawValue, RawValue][], footer: RawValue[][]): SheetGrid {
  return {
    name: `评估-${id}`,
    values: [
      ["客户关系评估表"],
      ["客户名称：", name, "编号", id],
      ["分析指标", "指标权重", "指标得分"],
      ...rows,
      ["合计", "100%", null],
      ["最终得分", null, null],
      ...footer,
    ],
    formats: [[], [], [], ...rows.map(() => []), [], [], ...footer.map((r) => r.map((v) => (typeof v === "number" && v > 40000 ? "yyyy-mm-dd" : "General")))],
  };
}
const FOOTER: RawValue[][] = [["评估结果", 68], ["建议", "维持关系"], ["评估日期", 46327], ["评估人签字", "张三"], ["审核人：李四"]];
const ROWS: [string, RawValue, RawValue][] = [["合作深度", "30%", 90], ["满意度", "25%", 85], ["业务贡献", "35%", 95], ["发展潜力", "10%", 80]];

describe("form tabs: everything after the 合计 / 最终得分 rows is the footer", () => {
  it("without a model sheet: footer rows are no indicators, no weights, and raise no problem", () => {
    const out = runJob({ sheets: [form("华星贸易", "C001", ROWS, FOOTER)] }, { now: NOW });
    expect(out.summary.indicators.map((i) => i.name)).toEqual(["合作深度", "满意度", "业务贡献", "发展潜力"]);
    expect(out.customers[0].score).toBeCloseTo(89.5, 9);
    expect(out.customers[0].computedTier).toBe("A");
    expect(codes(out.problems)).toEqual(["register.missing"]);
  });
  it("with a model sheet: no 'not in the model' notes for the footer", () => {
    const model: SheetGrid = { name: "评估模型", values: [["指标", "权重"], ["合作深度", 30], ["满意度", 25], ["业务贡献", 35], ["发展潜力", 10]] };
    const out = runJob({ sheets: [form("华星贸易", "C001", ROWS, FOOTER), model] }, { now: NOW });
    expect(codes(out.problems)).toEqual(["register.missing"]);
    expect(out.customers[0].score).toBeCloseTo(89.5, 9);
  });
  it("a footer without 合计 rows still ends the table (评估日期 is never a weight)", () => {
    const g: SheetGrid = {
      name: "评估-C002",
      values: [["客户名称：东方机械"], ["分析指标", "指标权重", "指标得分"], ["合作深度", 50, 70], ["满意度", 50, 60], ["评估日期", 46327, null]],
    };
    const out = runJob({ sheets: [g] }, { now: NOW });
    expect(out.summary.indicators).toEqual([{ name: "合作深度", weight: 50 }, { name: "满意度", weight: 50 }]);
    expect(out.customers[0].score).toBe(65);
  });
});

describe("every problem names its sheet and cell", () => {
  it("long layout: different weights for one indicator are warned at the first cell with the other weight", () => {
    const rows: RawValue[][] = [["客户编号", "分析指标", "指标权重", "指标得分"], ["1", "a", 30, 80], ["1", "b", 70, 80], ["2", "a", 40, 60], ["2", "b", 70, 60], ["3", "a", 30, 50], ["3", "b", 70, 50]];
    const out = runJob({ sheets: [{ name: "客户关系评估表", values: rows }] }, { now: NOW });
    expect(out.problems.filter((p) => p.code === "eval.weightConflict")).toMatchObject([
      { sheet: "客户关系评估表", cell: "C4", params: { indicator: "a", weights: "30 / 40", weight: 30 } },
    ]);
  });
  it("a negative weight in a wide 权重 row is an error at its cell, and the indicator is left out", () => {
    const rows: RawValue[][] = [["客户编号", "a", "b", "c"], ["权重", 60, -10, 40], ["1", 80, 90, 60]];
    const out = runJob({ sheets: [{ name: "客户关系评估表", values: rows }] }, { now: NOW });
    expect(out.problems.filter((p) => p.code === "model.negativeWeight")).toMatchObject([{ level: "error", sheet: "客户关系评估表", cell: "C2" }]);
    expect(out.summary.indicators.map((i) => i.name)).toEqual(["a", "c"]);
    expect(out.customers[0].score).toBe(72);
  });
  it("weights from the evaluation that do not total 100 or 1 are warned at the weight header (long, form) or the 权重 label (wide)", () => {
    const long = runJob({ sheets: [{ name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分"], ["1", "a", 30, 80], ["1", "b", 30, 60]] }] }, { now: NOW });
    expect(at(long.problems, "weights.total")).toEqual(["客户关系评估表!C1"]);
    const wide = runJob({ sheets: [{ name: "客户关系评估表", values: [["客户编号", "客户名称", "a", "b"], [null, "权重", 3, 3], ["1", "甲", 80, 60]] }] }, { now: NOW });
    expect(at(wide.problems, "weights.total")).toEqual(["客户关系评估表!B2"]);
    const forms = runJob({ sheets: [form("甲", "1", [["a", 3, 80], ["b", 3, 60]], [])] }, { now: NOW });
    expect(at(forms.problems, "weights.total")).toEqual(["评估-1!B3"]);
  });
  it("the model's weight total is warned at the model's 权重 header", () => {
    const wb: WorkbookModel = {
      sheets: [
        { name: "客户关系评估表", values: [["客户编号", "a", "b"], ["1", 80, 60]] },
        { name: "评估模型", values: [["说明：权重按比例"], ["指标", "权重"], ["a", 3], ["b", 3]] },
      ],
    };
    expect(at(runJob(wb, { now: NOW }).problems, "weights.total")).toEqual(["评估模型!B2"]);
  });
  it("no problem of a messy workbook lacks its cell (only 'no register' is about the whole workbook)", () => {
    const wb: WorkbookModel = {
      sheets: [
        { name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分", "评分人"], ["1", "a", 30, 180, "王"], ["1", "b", -5, "好", "王"], ["2", "a", 40, 60, "王"], ["2", "x", 10, null, "王"]] },
        { name: "评估模型", values: [["指标", "权重"], ["a", 50], ["b", 40], ["c", 20]] },
      ],
    };
    const out = runJob(wb, { now: NOW });
    expect(out.problems.length).toBeGreaterThan(5);
    expect(out.problems.filter((p) => p.code !== "register.missing" && !(p.sheet && p.cell))).toEqual([]);
  });
});

describe("a model row whose 来源列 names a column the register lacks", () => {
  const register: SheetGrid = { name: "客户状况登记表", values: [["客户编号", "客户名称", "客户满意度"], ["1", "甲", 80], ["2", "乙", 60]] };
  it("is an error at the model's 来源列 cell naming the missing column and the headers that exist; the indicator is left out", () => {
    const model: SheetGrid = { name: "评估模型", values: [["指标", "权重", "来源列", "计分方法"], ["存款贡献", 40, "日均存款", "排名"], ["满意度", 60, "客户满意度", "直接"]] };
    const out = runJob({ sheets: [register, model] }, { now: NOW });
    const p = out.problems.filter((x) => x.code === "model.sourceMissing");
    expect(p).toMatchObject([{ level: "error", sheet: "评估模型", cell: "C2", params: { indicator: "存款贡献", column: "日均存款", headers: "客户编号, 客户名称, 客户满意度" } }]);
    expect(renderProblem(p[0], "zh-CN")).toContain("日均存款");
    expect(renderProblem(p[0], "en-US")).toContain("客户编号, 客户名称, 客户满意度");
    // Customers are scored on what exists instead of all becoming 资料不全.
    expect(out.customers.map((c) => [c.key, c.score, c.computedTier])).toEqual([["1", 80, "B"], ["2", 60, "C"]]);
  });
  it("a 来源列 that is no register column at all names the headers that exist too", () => {
    const model: SheetGrid = { name: "评估模型", values: [["指标", "权重", "来源列"], ["利润", 40, "年度利润"], ["满意度", 60, "客户满意度"]] };
    const out = runJob({ sheets: [register, model] }, { now: NOW });
    expect(out.problems.filter((x) => x.code === "model.unknownSource")).toMatchObject([
      { sheet: "评估模型", cell: "C2", params: { text: "年度利润", headers: "客户编号, 客户名称, 客户满意度" } },
    ]);
  });
});

describe("English workbooks get English messages everywhere", () => {
  const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
  const wb: WorkbookModel = {
    sheets: [{
      name: "Customers",
      values: [
        ["Customer ID", "Customer Name", "Avg Daily Deposits", "Potential", "Operating Status", "Satisfaction", "Region"],
        ["1", "Acme", 1000, "high", "good", 80, "North"],
        ["2", "Bolt", "lots", "maybe", "fair", 60, "South"],
        ["3", "Crane", 500, "low", "poor", null, "East"],
      ],
    }],
  };
  it("renders every problem without Chinese, default-model indicator names included", () => {
    const out = runJob(wb, { now: NOW });
    expect(out.summary.lang).toBe("en-US");
    expect(codes(out.problems)).toEqual(expect.arrayContaining(["model.default", "header.unknown", "value.notNumber", "value.notChoice"]));
    for (const p of out.problems) expect(renderProblem(p, "en-US")).not.toMatch(CJK);
    const note = out.problems.find((p) => p.code === "model.default")!;
    expect(renderProblem(note, "en-US")).toContain("Avg Daily Deposits, Satisfaction, Potential, Operating Status");
    expect(note).toMatchObject({ sheet: "Customers", cell: "C1" });
  });
  it("names the default model's indicators in English in the summary and the roster", () => {
    const out = runJob(wb, { now: NOW });
    expect(out.summary.indicators.map((i) => i.name)).toEqual(["Avg Daily Deposits", "Satisfaction", "Potential", "Operating Status"]);
    const roster = out.plan.tabs.find((t) => t.id === "roster")!;
    const top = roster.columns.findIndex((c) => c.id === "top");
    expect(roster.rows.map((r) => String(r[top]))).not.toContainEqual(expect.stringMatching(CJK));
  });
  it("a Chinese workbook keeps the Chinese names", () => {
    const zh: WorkbookModel = { sheets: [{ name: "客户状况登记表", values: [["客户编号", "日均存款", "客户满意度"], ["1", 5, 80]] }] };
    const out = runJob(zh, { now: NOW });
    expect(renderProblem(out.problems.find((p) => p.code === "model.default")!, "zh-CN")).toContain("日均存款、客户满意度");
  });
});

describe("the header row is the row with the most known column names among the first 10 non-empty rows", () => {
  const DATA: RawValue[][] = [["C1", "甲", 100, 5, 80], ["C2", "乙", 300, 1, 60]];
  const expectRead = (out: JobOutcome) =>
    expect(out.customers.map((c) => [c.key, c.name, c.register?.dailyDeposit, c.register?.dailyLoan, c.register?.satisfaction])).toEqual([
      ["C1", "甲", 100, 5, 80],
      ["C2", "乙", 300, 1, 60],
    ]);
  it("a grouped header (存贷情况 over 日均存款 / 日均贷款) with cells merged down: the lower row, merged cells included", () => {
    const g: SheetGrid = {
      name: "客户状况登记表",
      values: [["客户状况登记表"], ["客户编号", "客户名称", "存贷情况", null, "客户满意度"], [null, null, "日均存款", "日均贷款", null], ...DATA],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 4 },
        { top: 1, left: 0, bottom: 2, right: 0 }, { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 3 }, { top: 1, left: 4, bottom: 2, right: 4 },
      ],
    };
    const out = runJob({ sheets: [g] }, { now: NOW });
    expectRead(out);
    expect(out.problems.filter((p) => p.code.startsWith("header.") || p.code.startsWith("register."))).toEqual([]);
  });
  it("the same grouped header from a source that gives no merge list (empty cells under known names)", () => {
    const g: SheetGrid = { name: "Sheet1", values: [["客户编号", "客户名称", "存贷情况", null, "客户满意度"], [null, null, "日均存款", "日均贷款", null], ...DATA] };
    expectRead(runJob({ sheets: [g] }, { now: NOW }));
  });
  it("a later row with more known names wins over an earlier row with two", () => {
    const g: SheetGrid = { name: "客户状况登记表", values: [["编号", "名称", "说明"], ["客户编号", "客户名称", "日均存款", "日均贷款", "客户满意度"], ...DATA] };
    expectRead(runJob({ sheets: [g] }, { now: NOW }));
  });
  it("on a tie the first row wins", () => {
    const g: SheetGrid = { name: "客户状况登记表", values: [["客户编号", "客户名称", "日均存款", "日均贷款", "客户满意度"], ["编号", "名称", "日均存款", "日均贷款", "满意度"], ...DATA] };
    const out = scoreWorkbook({ sheets: [g] }, { now: NOW });
    expect(out.scored.map((c) => c.key)).toEqual(["编号", "C1", "C2"]);
  });
  it("a wide evaluation under a group row (评分 over the indicators, keys merged down) reads the indicators of the lower row", () => {
    const g: SheetGrid = {
      name: "客户关系评估表",
      values: [["客户编号", "客户名称", "评分", null], [null, null, "合作深度", "满意度"], ["C1", "甲", 90, 70]],
      merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 2, bottom: 0, right: 3 }],
    };
    const out = runJob({ sheets: [g, { name: "评估模型", values: [["指标", "权重"], ["合作深度", 50], ["满意度", 50]] }] }, { now: NOW });
    expect(out.summary.sheets).toMatchObject([{ name: "客户关系评估表", layout: "wide" }, { name: "评估模型" }]);
    expect(out.customers.map((c) => [c.key, c.score])).toEqual([["C1", 80]]);
    expect(codes(out.problems)).toEqual(["register.missing"]);
  });
  it("every unrecognised header is one note naming it, at its cell; a second column for the same field is a note too", () => {
    const g: SheetGrid = { name: "客户状况登记表", values: [["序号", "客户编号", "客户名称", "行业", "客户满意度", "满意度", "行业"], [1, "C1", "甲", "制造", 80, 70, "x"]] };
    const out = runJob({ sheets: [g] }, { now: NOW });
    const notes = out.problems.filter((p) => p.code.startsWith("header."));
    expect(notes.map((p) => [p.level, p.code, p.cell, p.params?.text])).toEqual([
      ["note", "header.unknown", "A1", "序号"],
      ["note", "header.unknown", "D1", "行业"],
      ["note", "header.duplicate", "F1", "满意度"],
      ["note", "header.unknown", "G1", "行业"],
    ]);
    expect(renderProblem(notes[0], "zh-CN")).toContain("序号");
    expect(renderProblem(notes[2], "en-US")).toContain("客户满意度");
  });
  it("long evaluations and model sheets note their unread columns as well", () => {
    const wb: WorkbookModel = {
      sheets: [
        { name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分", "评分人"], ["1", "a", 100, 80, "王"]] },
        { name: "评估模型", values: [["指标", "权重", "口径"], ["a", 100, "年度"]] },
      ],
    };
    expect(at(runJob(wb, { now: NOW }).problems, "header.unknown")).toEqual(["评估模型!C1", "客户关系评估表!E1"]);
  });
});

describe("choices where the spec leaves room (docs/workbook-format.md §8)", () => {
  it("mixed weight spellings in one column are read as typed, in proportion, and the total warning points at the 权重 header", () => {
    const wb: WorkbookModel = {
      sheets: [
        { name: "客户关系评估表", values: [["客户编号", "a", "b", "c"], ["1", 100, 0, 0]] },
        { name: "评估模型", values: [["指标", "权重"], ["a", "30%"], ["b", 30], ["c", 0.4]] },
      ],
    };
    const out = runJob(wb, { now: NOW });
    expect(out.summary.indicators.map((i) => i.weight)).toEqual([30, 30, 0.4]);
    expect(out.customers[0].score).toBeCloseTo((30 * 100) / 60.4, 9);
    expect(out.problems.filter((p) => p.code === "weights.total")).toMatchObject([{ sheet: "评估模型", cell: "B1", params: { total: 60.4 } }]);
  });
});

describe("资料不全 reads below the minimum", () => {
  it("a coverage of 59.6% is shown as 59.6%, never as \"60%, below 60%\"", () => {
    const rows: RawValue[][] = [["客户编号", "a", "b"], ["权重", 59.6, 40.4], ["1", 80, null]];
    const out = runJob({ sheets: [{ name: "客户关系评估表", values: rows }] }, { now: NOW });
    const p = out.problems.find((x) => x.code === "coverage.incomplete")!;
    expect(p).toMatchObject({ sheet: "客户关系评估表", cell: "A3", params: { coverage: "59.6%", min: "60%" } });
  });
});
