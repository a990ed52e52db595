import * as path from "path";
import { runJob } from "../../src/core/job/run-job";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { ZipWriter } from "../../src/xlsx/zip-writer";
import { tempDir } from "./helpers/cli-run";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const cell = (ref: string, v: string | number) =>
  typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;

/** A register whose header has a group row: 客户编号 / 客户名称 merged down over two rows, 存贷情况 over two columns. */
async function groupedRegister(quote: "'" | '"'): Promise<string> {
  const f = path.join(tempDir(), "grouped.xlsx");
  const z = await ZipWriter.create(f);
  await z.add("xl/workbook.xml", `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="客户状况登记表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  await z.add("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  const q = quote;
  await z.add(
    "xl/worksheets/sheet1.xml",
    `<worksheet ${NS}><sheetData>` +
      `<row r="1">${cell("A1", "客户编号")}${cell("B1", "客户名称")}${cell("C1", "存贷情况")}${cell("E1", "备注栏")}</row>` +
      `<row r="2">${cell("C2", "日均存款")}${cell("D2", "日均贷款")}</row>` +
      `<row r="3">${cell("A3", "C1")}${cell("B3", "甲")}${cell("C3", 100)}${cell("D3", 5)}</row>` +
      `<row r="4">${cell("A4", "C2")}${cell("B4", "乙")}${cell("C4", 300)}${cell("D4", 1)}</row>` +
      `</sheetData><mergeCells count="4"><mergeCell ref=${q}A1:A2${q}/><mergeCell ref=${q}B1:B2${q}/>` +
      `<mergeCell ref=${q}C1:D1${q}/><mergeCell ref=${q}E1:E2${q}/></mergeCells></worksheet>`,
  );
  await z.finish();
  return f;
}

describe("merged header cells read from .xlsx (spec: finding the header row)", () => {
  test.each([['"'], ["'"]] as const)("the fast reader lists the merged areas (ref quoted with %s)", async (q) => {
    const wb = await readWorkbookFile(await groupedRegister(q));
    expect(wb.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 1, right: 4 },
    ]);
  });

  test("the group row is passed over and the cells merged down count for the row of real names", async () => {
    const wb = await readWorkbookFile(await groupedRegister('"'));
    const out = runJob(wb, { now: new Date("2025-06-30T08:00:00Z") });
    expect(out.customers.map((c) => [c.key, c.name, c.register?.dailyDeposit, c.register?.dailyLoan])).toEqual([
      ["C1", "甲", 100, 5],
      ["C2", "乙", 300, 1],
    ]);
    // The merged-down 备注栏 is not a register column: one note at its cell, nothing else about headers.
    expect(out.problems.filter((p) => p.code.startsWith("header."))).toEqual([
      { level: "note", code: "header.unknown", sheet: "客户状况登记表", cell: "E2", params: { text: "备注栏" } },
    ]);
  });
});
