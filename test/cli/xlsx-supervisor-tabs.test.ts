import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writePlanAtomic } from "../../src/xlsx/write-plan";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { twoRuns } from "../core/supervisor-workbook";
import { zipEntries } from "./helpers/zip-entries";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ct-supervisor-"));
const file = path.join(tmp, "two-runs.tiers.xlsx");

beforeAll(async () => {
  await writePlanAtomic(twoRuns().run2.plan, file);
});

describe("the .xlsx writer writes the supervisor's tabs", () => {
  test("客户维护总结表, 客户关系强化表 and 行动计划表 are tables of their own, read back with their rows", async () => {
    const wb = await readWorkbookFile(file);
    const names = wb.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["客户维护总结表", "客户关系强化表", "行动计划表"]));
    const summary = wb.sheets.find((s) => s.name === "客户维护总结表")!;
    expect(summary.values.map((r) => r[0])).toEqual(["客户经理", "李强", "王芳", "（未指定）", "合计"]);
    const action = wb.sheets.find((s) => s.name === "行动计划表")!;
    expect(action.values).toHaveLength(21);
    const tables = [...zipEntries(file).entries()].filter(([n]) => n.startsWith("xl/tables/")).map(([, d]) => d.toString("utf8"));
    expect(tables.some((t) => t.includes('name="MaintenanceSummary"'))).toBe(true);
    expect(tables.some((t) => t.includes('name="RelationshipStrengthening"'))).toBe(true);
    expect(tables.some((t) => t.includes('name="ActionPlan"'))).toBe(true);
  });

  test("the KPI tab has the tier distribution and, beside it, a line chart of the tiers over the runs", () => {
    const entries = zipEntries(file);
    const line = entries.get("xl/charts/chart2.xml")!.toString("utf8");
    expect(line).toContain("<c:lineChart>");
    expect(line.match(/<c:ser>/g)).toHaveLength(5);
    expect(line).toContain("<c:v>2025-06-30</c:v>");
    expect(line).toContain("<c:v>2025-07-31</c:v>");
    expect(line).toContain("<c:legend>");
    expect(entries.get("xl/charts/chart1.xml")!.toString("utf8")).toContain("<c:barChart>");
    const drawing = entries.get("xl/drawings/drawing1.xml")!.toString("utf8");
    expect(drawing.match(/<xdr:twoCellAnchor>/g)).toHaveLength(2);
    expect(entries.get("xl/drawings/_rels/drawing1.xml.rels")!.toString("utf8")).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart2.xml"');
    expect(entries.get("[Content_Types].xml")!.toString("utf8")).toContain('PartName="/xl/charts/chart2.xml"');
  });

  test("ExcelJS opens the file and sees the new tabs and the roster's segment columns", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("客户关系强化表")!.getRow(1).values).toEqual(expect.arrayContaining(["我方人员", "对方对接人", "影响力", "同关键竞争对手关系", "本单位负责人", "强化措施", "时间安排", "备注"]));
    expect(wb.getWorksheet("客户分级名册")!.getRow(1).values).toEqual(expect.arrayContaining(["客户类别", "生命周期"]));
  });
});
