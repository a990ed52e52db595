import { runJob } from "../../src/core/job/run-job";
import type { JobOutcome } from "../../src/core/job/job-types";
import { renderProblem } from "../../src/core/problems/render";
import type { RawValue, WorkbookModel } from "../../src/core/workbook/grid";

const NOW = new Date("2025-06-30T08:00:00Z");

/** A register sheet under a banner, plus a long evaluation scoring one indicator per customer. */
function workbook(register: RawValue[][], extra: WorkbookModel["sheets"] = []): WorkbookModel {
  return { sheets: [{ name: "客户状况登记表", values: register }, ...extra] };
}

const problem = (out: JobOutcome, code: string) => out.problems.filter((p) => p.code === code);
const customer = (out: JobOutcome, key: string) => out.customers.find((c) => c.key === key);

describe("finding the header row", () => {
  it("skips a banner title and blank rows above the header", () => {
    const out = runJob(workbook([["客户状况登记表"], [], [null, null], ["客户编号", "客户名称", "日均存款"], ["1001", "甲", 100]]), { now: NOW });
    expect(out.customers.map((c) => c.key)).toEqual(["1001"]);
  });
  it("matches headers ignoring full-width forms, spaces and a trailing colon", () => {
    const out = runJob(workbook([["客户编号：", " 客户 名称 ", "日均存款"], ["1", "甲", 5]]), { now: NOW });
    expect(customer(out, "1")?.name).toBe("甲");
  });
  it("reports a sheet whose first 10 non-empty rows hold no header row", () => {
    const rows: RawValue[][] = Array.from({ length: 10 }, (_, i) => [`说明 ${i}`]);
    rows.push(["客户编号", "客户名称"], ["1", "甲"]);
    const wb: WorkbookModel = { sheets: [{ name: "客户状况登记表", values: rows }, { name: "评估表", values: [["客户编号", "客户名称", "分析指标", "指标得分"], ["1", "甲", "x", 50]] }] };
    const out = runJob(wb, { now: NOW });
    expect(problem(out, "sheet.noHeader")[0].sheet).toBe("客户状况登记表");
  });
  it("does not take a 合计 / Total row for a customer", () => {
    const out = runJob(workbook([["客户编号", "客户名称", "日均存款"], ["1", "甲", 5], ["合计", null, 5], ["Total", null, 5]]), { now: NOW });
    expect(out.customers.map((c) => c.key)).toEqual(["1"]);
  });
  it("recognises a register by its headers when its sheet name is unusual", () => {
    const out = runJob({ sheets: [{ name: "Sheet1", values: [["客户编号", "客户名称", "日均存款", "经营状况"], ["1", "甲", 5, "良好"]] }] }, { now: NOW });
    expect(out.summary.sheets).toEqual([{ name: "Sheet1", role: "register", by: "headers" }]);
  });
});

describe("the customer key", () => {
  it("is the id where the column exists; a number id 1001 is the text \"1001\"", () => {
    const out = runJob(workbook([["客户编号", "客户名称", "日均存款"], [1001, "甲", 5]]), { now: NOW });
    expect(out.customers[0].key).toBe("1001");
  });
  it("is the trimmed name without an id column", () => {
    const out = runJob(workbook([["客户名称", "日均存款", "日均贷款"], ["  甲公司 ", 5, 1]]), { now: NOW });
    expect(out.customers[0].key).toBe("甲公司");
  });
  it("a row with neither id nor name is an error at its row and left out", () => {
    const out = runJob(workbook([["客户编号", "客户名称", "日均存款"], ["1", "甲", 5], [null, null, 7]]), { now: NOW });
    expect(problem(out, "register.noKey")).toMatchObject([{ level: "error", sheet: "客户状况登记表", cell: "A3" }]);
    expect(out.customers).toHaveLength(1);
  });
  it("a duplicate key is an error on the later row, which is left out; the earlier row stands", () => {
    const out = runJob(workbook([["客户编号", "客户名称", "日均存款"], ["C1", "甲", 5], ["C2", "乙", 6], ["C1", "丙", 7]]), { now: NOW });
    expect(problem(out, "register.duplicateKey")).toMatchObject([{ level: "error", cell: "A4", key: "C1" }]);
    expect(customer(out, "C1")?.name).toBe("甲");
    expect(renderProblem(problem(out, "register.duplicateKey")[0], "zh-CN")).toContain("第 2 行");
  });
  it("every later row of a key names the first one, whatever duplicates of other keys come between", () => {
    const out = runJob(workbook([
      ["客户编号", "客户名称", "日均存款"], ["C1", "甲", 5], ["C2", "乙", 6], ["C1", "丙", 7], ["C3", "丁", 1], ["C2", "戊", 2], ["C1", "己", 3], ["C4", "庚", 4],
    ], [{ name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分"], ["C1", "满意度", 1, 80], ["C2", "满意度", 1, 60]] }]), { now: NOW });
    // The evaluation's scores reach the first rows of C1 and C2.
    expect([customer(out, "C1")?.score, customer(out, "C2")?.score]).toEqual([80, 60]);
    expect(problem(out, "register.duplicateKey").map((p) => [p.cell, p.key, p.params?.firstRow])).toEqual([
      ["A4", "C1", 2], ["A6", "C2", 3], ["A7", "C1", 2],
    ]);
    expect(out.customers.map((c) => [c.key, c.name])).toEqual([["C1", "甲"], ["C2", "乙"], ["C3", "丁"], ["C4", "庚"]]);
  });
});

describe("values as users really type them", () => {
  const header = ["客户编号", "客户名称", "日均存款", "员工人数", "客户满意度", "首次购买日期"];
  const read = (row: RawValue[], formats?: string[][]) =>
    runJob({ sheets: [{ name: "客户状况登记表", values: [header, row], formats }] }, { now: NOW }).customers[0].register!;

  it("numbers stored as text: \"1,200\" and full-width \"８５\"", () => {
    expect(read(["1", "甲", "1,200", "８５", null, null])).toMatchObject({ dailyDeposit: 1200, employees: 85 });
  });
  it("currency text: ¥1,200,000 and 120万", () => {
    expect(read(["1", "甲", "¥1,200,000", null, null, null]).dailyDeposit).toBe(1_200_000);
    expect(read(["1", "甲", "120万", null, null, null]).dailyDeposit).toBe(1_200_000);
  });
  it("percentages: 85% and 0.85 in a percent-formatted cell are satisfaction 85", () => {
    expect(read(["1", "甲", null, null, "85%", null]).satisfaction).toBeCloseTo(85, 9);
    const formats = [header.map(() => "General"), ["General", "General", "General", "General", "0%", "General"]];
    expect(read(["1", "甲", null, null, 0.85, null], formats).satisfaction).toBeCloseTo(85, 9);
  });
  it("dates as serial numbers and as text in three forms", () => {
    expect(read(["1", "甲", null, null, null, 45356]).firstPurchase).toBe(45356);
    expect(read(["1", "甲", null, null, null, "2024-03-05"]).firstPurchase).toBe(45356);
    expect(read(["1", "甲", null, null, null, "2024/3/5"]).firstPurchase).toBe(45356);
    expect(read(["1", "甲", null, null, null, "2024年3月5日"]).firstPurchase).toBe(45356);
  });
  it("an Excel error value counts as missing and is reported at its cell", () => {
    const out = runJob({ sheets: [{ name: "客户状况登记表", values: [header, ["1", "甲", "#N/A", null, null, null]] }] }, { now: NOW });
    expect(out.customers[0].register!.dailyDeposit).toBeUndefined();
    expect(problem(out, "value.excelError")).toMatchObject([{ sheet: "客户状况登记表", cell: "C2" }]);
    expect(renderProblem(problem(out, "value.excelError")[0], "zh-CN")).toContain("#N/A");
  });
  it("text that is no number is reported in the user's language at its cell", () => {
    const out = runJob({ sheets: [{ name: "客户状况登记表", values: [header, ["1", "甲", "很多", null, null, null]] }] }, { now: NOW });
    const [p] = problem(out, "value.notNumber");
    expect(p.cell).toBe("C2");
    expect(renderProblem(p, "zh-CN")).toContain("不是数字");
    expect(renderProblem(p, "en-US")).toContain("is not a number");
  });
  it("a bad value never stops the rest of its row or the other rows", () => {
    const out = runJob({ sheets: [{ name: "客户状况登记表", values: [header, ["1", "甲", "很多", 12, null, null], ["2", "乙", 5, 3, null, null]] }] }, { now: NOW });
    expect(out.customers.map((c) => [c.key, c.register?.employees])).toEqual([["1", 12], ["2", 3]]);
  });
});

describe("satisfaction is read on the column's own scale", () => {
  const sat = (values: RawValue[]) =>
    runJob({ sheets: [{ name: "客户状况登记表", values: [["客户编号", "客户满意度"], ...values.map((v, i) => [String(i), v])] }] }, { now: NOW })
      .customers.map((c) => c.register?.satisfaction);
  it("words: 非常满意 100, 满意 80, 一般 60, 不满意 30, 非常不满意 0", () => {
    expect(sat(["非常满意", "满意", "一般", "不满意", "非常不满意"])).toEqual([100, 80, 60, 30, 0]);
  });
  it("every number ≤ 5: a 1–5 scale, ×20", () => expect(sat([4, 5, 3])).toEqual([80, 100, 60]));
  it("every number ≤ 1: a fraction, ×100", () => expect(sat([0.5, 0.9])).toEqual([50, 90]));
  it("otherwise 0–100", () => expect(sat([4, 90])).toEqual([4, 90]));
  it("a cell that is no finite number does not decide the scale", () => expect(sat([4, 5, Infinity, NaN])).toEqual([80, 100, undefined, undefined]));
});

describe("weights", () => {
  const evaluation = (rows: RawValue[][]) => ({ name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分"], ...rows] });
  it("a total that is neither 1 nor 100 is a warning, and weights are used in proportion", () => {
    const out = runJob({ sheets: [evaluation([["1", "a", 3, 100], ["1", "b", 1, 0]])] }, { now: NOW });
    expect(problem(out, "weights.total")).toHaveLength(1);
    expect(out.customers[0].score).toBeCloseTo(75, 9);
  });
  it("a negative weight is an error and that indicator is left out", () => {
    const wb: WorkbookModel = {
      sheets: [
        evaluation([["1", "a", 50, 80], ["1", "b", 50, 20]]),
        { name: "评估模型", values: [["指标", "权重"], ["a", 100], ["b", -5]] },
      ],
    };
    const out = runJob(wb, { now: NOW });
    expect(problem(out, "model.negativeWeight")).toMatchObject([{ level: "error", sheet: "评估模型", cell: "B3" }]);
    expect(out.customers[0].score).toBeCloseTo(80, 9);
  });
  it("the same indicator with different weights in the long layout: warning, the most common weight wins", () => {
    const out = runJob({ sheets: [evaluation([["1", "a", 30, 100], ["1", "b", 70, 0], ["2", "a", 30, 100], ["2", "b", 70, 0], ["3", "a", 50, 100], ["3", "b", 70, 0]])] }, { now: NOW });
    expect(problem(out, "eval.weightConflict")).toHaveLength(1);
    expect(customer(out, "3")?.score).toBeCloseTo(30, 9);
  });
  it("the model sheet's weight wins over the evaluation's", () => {
    const wb: WorkbookModel = {
      sheets: [evaluation([["1", "a", 10, 100], ["1", "b", 90, 0]]), { name: "评估模型", values: [["指标", "权重"], ["a", "50%"], ["b", "50%"]] }],
    };
    expect(runJob(wb, { now: NOW }).customers[0].score).toBeCloseTo(50, 9);
  });
});

describe("scores outside 0 to the full mark", () => {
  it("are reported at their cell and treated as missing", () => {
    const wb: WorkbookModel = {
      sheets: [{ name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分", "满分"], ["1", "a", 50, 12, 10], ["1", "b", 50, 8, 10]] }],
    };
    const out = runJob(wb, { now: NOW });
    expect(problem(out, "eval.scoreOutOfRange")).toMatchObject([{ sheet: "客户关系评估表", cell: "D2", key: "1" }]);
    expect(out.customers[0].score).toBeCloseTo(80, 9);
    expect(out.customers[0].coverage).toBeCloseTo(0.5, 9);
  });
});

describe("the default model", () => {
  it("is used over the register columns that exist when there is no evaluation or model, and a note says so", () => {
    const out = runJob(workbook([
      ["客户编号", "客户名称", "日均存款", "客户满意度", "经营状况"],
      ["1", "甲", 100, 90, "良好"],
      ["2", "乙", 50, 60, "一般"],
    ]), { now: NOW });
    expect(problem(out, "model.default")).toHaveLength(1);
    expect(out.summary.indicators.map((i) => i.name)).toEqual(["日均存款", "客户满意度", "经营状况"]);
    // 甲: rank 100·20 + 90·20 + 100·10 over 50 = 96; 乙: 0·20 + 60·20 + 60·10 over 50 = 36
    expect(customer(out, "1")?.score).toBeCloseTo(96, 9);
    expect(customer(out, "2")?.score).toBeCloseTo(36, 9);
  });
});

describe("verdict: low score with high potential", () => {
  it("is 改善关系 rather than 终止关系", () => {
    const out = runJob(workbook([
      ["客户编号", "客户满意度", "客户关系发展潜力"],
      ["1", 10, "高"],
      ["2", 10, "低"],
    ], [{ name: "评估模型", values: [["指标", "权重", "来源列"], ["满意", 100, "客户满意度"]] }]), { now: NOW });
    expect(customer(out, "1")?.verdict).toBe("improve");
    expect(customer(out, "2")?.verdict).toBe("end");
  });
});

describe("settings sheet", () => {
  const base: RawValue[][] = [["客户编号", "客户满意度"], ["1", 90], ["2", 80], ["3", 70], ["4", 60], ["5", 50]];
  it("switches to quota mode and reads shares as 20% / 0.2 / 20", () => {
    const out = runJob(workbook(base, [{ name: "设置", values: [["参数", "值"], ["分级方式", "比例"], ["A级比例", "20%"], ["B级比例", 0.2], ["C级比例", 20]] }]), { now: NOW });
    expect(out.customers.map((c) => c.tier)).toEqual(["A", "B", "C", "D", "D"]);
  });
  it("an unknown key or a bad value is a warning at its cell and the default is used", () => {
    const out = runJob(workbook(base, [{ name: "设置", values: [["参数", "值"], ["奇怪的键", 1], ["A级分数线", "很高"]] }]), { now: NOW });
    expect(problem(out, "settings.unknownKey")).toMatchObject([{ sheet: "设置", cell: "A2" }]);
    expect(problem(out, "settings.badValue")).toMatchObject([{ sheet: "设置", cell: "B3" }]);
    expect(customer(out, "1")?.tier).toBe("A");
  });
});

describe("language", () => {
  it("follows the register headers: English headers give English tabs and messages", () => {
    const out = runJob({ sheets: [{ name: "Customers", values: [["Customer ID", "Customer", "Satisfaction"], ["1", "Acme", 90]] }] }, { now: NOW });
    expect(out.summary.lang).toBe("en-US");
    expect(out.plan.tabs[0].name).toBe("Tier Roster");
    expect(out.plan.tabs[0].columns.map((c) => c.header)).toContain("Final Score");
  });
  it("can be chosen by the caller", () => {
    const out = runJob(workbook([["客户编号", "客户满意度"], ["1", 90]]), { now: NOW, lang: "en-US" });
    expect(out.plan.tabs.find((t) => t.id === "problems")!.name).toBe("Data Problems");
  });
});

describe("output tabs the product did not create", () => {
  it("are never overwritten: the output goes to a new name and a warning says so", () => {
    const out = runJob(workbook([["客户编号", "客户满意度"], ["1", 90]], [{ name: "客户分级名册", values: [["我的笔记"]] }]), { now: NOW });
    expect(out.plan.tabs[0].name).toBe("客户分级名册 (2)");
    expect(problem(out, "output.nameTaken")).toHaveLength(1);
  });
});

describe("nothing to work with", () => {
  it("a workbook with neither register nor evaluation fails with a clear problem", () => {
    expect(() => runJob({ sheets: [{ name: "Sheet1", values: [["hello"]] }] }, { now: NOW })).toThrow("job.noInput");
  });
});
