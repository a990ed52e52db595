import { insertSheets } from "../../src/office/insert-sheets";
import { createFakeExcel } from "./fake-excel";
import { commandLineTemplate } from "../../src/taskpane/template";
import { readWorkbook } from "../../src/office/read-workbook";
import { runJob } from "../../src/core/job/run-job";

const TEMPLATE = [
  { name: "客户状况登记表", values: [["客户编号", "客户名称", "客户满意度"], ["C001", "=示例", 90]] },
  { name: "评估模型", values: [["指标", "权重"], ["满意度", 100]] },
];

describe("template sheets are inserted only into a workbook that has none of them", () => {
  test("an empty workbook gets every sheet; text stays text", async () => {
    const xl = createFakeExcel([{ name: "Sheet1", values: [] }]);
    const r = await xl.run((ctx) => insertSheets(ctx, TEMPLATE));
    expect(r).toEqual({ inserted: ["客户状况登记表", "评估模型"] });
    expect(xl.sheetNames()).toEqual(["Sheet1", "客户状况登记表", "评估模型"]);
    expect(xl.sheet("客户状况登记表").valueAt(1, 1)).toBe("=示例");
    expect(xl.sheet("客户状况登记表").formulaAt(1, 1)).toBeUndefined();
    expect(xl.sheet("评估模型").valueAt(1, 1)).toBe(100);
  });

  test("a workbook with one of those names (any case) is left as it was", async () => {
    const xl = createFakeExcel([{ name: "评估模型", values: [["mine"]] }]);
    const r = await xl.run((ctx) => insertSheets(ctx, TEMPLATE));
    expect(r).toEqual({ existing: ["评估模型"] });
    expect(xl.sheetNames()).toEqual(["评估模型"]);
    expect(xl.sheet("评估模型").valueAt(0, 0)).toBe("mine");
  });
});

describe("the pane inserts the command line's template", () => {
  test.each(["zh-CN", "en-US"] as const)("%s: the inserted sheets are read back as a workbook the job can score", async (lang) => {
    const xl = createFakeExcel([{ name: "Sheet1", values: [] }]);
    const r = await xl.run((ctx) => insertSheets(ctx, commandLineTemplate(lang)));
    expect("inserted" in r && r.inserted.length).toBeGreaterThanOrEqual(3);
    const wb = await xl.run((ctx) => readWorkbook(ctx));
    const out = runJob(wb, { now: new Date("2025-06-30T08:00:00Z") });
    expect(out.summary.customers).toBeGreaterThan(0);
    expect(out.summary.sheets.map((s) => s.role)).toEqual(expect.arrayContaining(["register", "evaluation", "model", "settings"]));
  });
});
