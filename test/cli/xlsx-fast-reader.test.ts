import * as path from "path";
import type { WorkbookModel } from "../../src/core/workbook/grid";
import { fastReadWorkbook } from "../../src/xlsx/fast-read";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { listZipEntries } from "../../src/xlsx/zip-reader";
import { ZipWriter } from "../../src/xlsx/zip-writer";
import { tempDir } from "./helpers/cli-run";

const FIX = path.join(__dirname, "..", "fixtures");
const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample");

/** Values and kinds only: formats of empty cells may differ between readers. */
function shape(wb: WorkbookModel): unknown {
  return wb.sheets.map((s) => ({ name: s.name, hidden: s.hidden, values: s.values, kinds: s.kinds }));
}

describe("the fast reader agrees with ExcelJS's reader", () => {
  test.each([
    [FIX, "register-messy.xlsx"], [FIX, "clean.xlsx"], [FIX, "english.xlsx"], [FIX, "long.xlsx"],
    [FIX, "wide.xlsx"], [FIX, "forms.xlsx"], [SAMPLE, "sample.xlsx"], [SAMPLE, "sample-en.xlsx"],
  ])("%s/%s", async (dir, name) => {
    const file = path.join(dir, name);
    const fast = await readWorkbookFile(file);
    const exceljs = await readWorkbookFile(file, undefined, undefined, "exceljs");
    expect(shape(fast)).toEqual(shape(exceljs));
  });
});

describe("the fast reader where ExcelJS's streaming reader is inexact", () => {
  test("formula errors keep their text, boolean formulas stay booleans, inline rich text keeps every run, 1904 dates", async () => {
    const f = path.join(tempDir(), "cells.xlsx");
    const z = await ZipWriter.create(f);
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    await z.add("xl/workbook.xml", `<workbook ${ns} xmlns:r="${rel}"><workbookPr date1904="1"/><sheets><sheet name="S&amp;1" sheetId="1" state="hidden" r:id="rId1"/></sheets></workbook>`);
    await z.add("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`);
    await z.add("xl/styles.xml", `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`);
    await z.add(
      "xl/worksheets/data.xml",
      `<worksheet ${ns}><sheetData>` +
        `<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B2" t="b"><f>1=1</f><v>1</v></c>` +
        `<c r="C2" t="inlineStr"><is><r><t>120</t></r><r><t>万</t></r></is></c><c r="D2" s="1"><v>43891</v></c>` +
        `<c r="E2" t="str"><f>"a"&amp;"b"</f><v>a&lt;b</v></c><c r="F2"><f>0*1</f><v>0</v></c></row>` +
        `<row><c t="s"><v>0</v></c></row>` +
        `</sheetData></worksheet>`,
    );
    await z.add("xl/sharedStrings.xml", `<sst ${ns}><si><r><t>华星</t></r><r><t xml:space="preserve"> 贸易</t></r><rPh><t>ホア</t></rPh></si></sst>`);
    await z.finish();
    const entries = (await listZipEntries(f))!;
    const wb = await fastReadWorkbook(f, entries, ["华星 贸易"], ["General", 'yyyy"年"m"月"d"日"']);
    const s = wb.sheets[0];
    expect(s.name).toBe("S&1");
    expect(s.hidden).toBe(true);
    expect(s.values[1]).toEqual(["#DIV/0!", true, "120万", 43891 + 1462, "a<b", 0]);
    expect(s.kinds![1]).toEqual(["error", "boolean", "text", "number", "text", "number"]);
    expect(s.values[2]).toEqual(["华星 贸易"]);
    // And through the public entry point, shared strings parsed from the package (phonetic guide left out).
    const viaFile = await readWorkbookFile(f);
    expect(viaFile.sheets[0].values[2]).toEqual(["华星 贸易"]);
    expect(viaFile.sheets[0].values[1][0]).toBe("#DIV/0!");
  });
});
