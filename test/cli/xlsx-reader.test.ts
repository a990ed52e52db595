import { readRefusal } from "./helpers/cli-run";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SheetGrid, WorkbookModel } from "../../src/core/workbook/grid";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { ZipWriter } from "../../src/xlsx/zip-writer";

const FIX = path.join(__dirname, "..", "fixtures");
const sheet = (wb: WorkbookModel, name: string): SheetGrid => wb.sheets.find((s) => s.name === name)!;


describe("reading LibreOffice-written workbooks", () => {
  test("messy register: text stays text, rich text joined, #N/A formula an error, dates serials with a date format", async () => {
    const wb = await readWorkbookFile(path.join(FIX, "register-messy.xlsx"));
    const s = wb.sheets[0];
    expect(s.values[0]).toEqual(["客户状况登记表"]);
    expect(s.values[1]).toEqual([]);
    // M002: quoted numbers stay text, the hostile name stays text, the text date stays text.
    expect(s.values[4].slice(0, 5)).toEqual(["M002", '=HYPERLINK("http://example.invalid/x","点我")', "李强", "一般", "1,200"]);
    expect(s.kinds![4][1]).toBe("text");
    expect(s.values[4][9]).toBe("８５");
    expect(s.values[4][11]).toBe("2024年3月5日"); // LibreOffice stores it as rich text runs
    // M003: "120万" (rich text), 85% a number with a percent format.
    expect(s.values[5][4]).toBe("120万");
    expect(s.values[5][9]).toBe(0.85);
    expect(s.formats![5][9]).toMatch(/%/);
    // M004: =NA() is an error cell.
    expect(s.values[6][4]).toBe("#N/A");
    expect(s.kinds![6][4]).toBe("error");
    // A date cell: 2024-05-20 is serial 45432 with a date format.
    expect(s.values[3][11]).toBe(45432);
    expect(s.formats![3][11]).toMatch(/y/i);
    // The duplicate key and the 合计 row are there for the core to judge.
    expect(s.values[8][0]).toBe("M002");
    expect(s.values[9][0]).toBe("合计");
  });

  test("multi-sheet workbook: tab order, merged banner only in its master cell, formula results", async () => {
    const wb = await readWorkbookFile(path.join(FIX, "forms.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["客户状况登记表", "华星贸易", "东方机械", "南山食品", "北辰物流", "西岭科技"]);
    const reg = sheet(wb, "客户状况登记表");
    expect(reg.values[0]).toEqual(["城东支行 客户状况登记表"]);
    expect(reg.values[2][0]).toBe("C001");
    expect(reg.values[2][6]).toBe(45413); // 2024-05-01
    const form = sheet(wb, "华星贸易");
    expect(form.values[1]).toEqual(["客户名称：", "华星贸易", "编号", "C001"]);
    expect(form.values[3]).toEqual(["分析指标", "指标权重", "指标得分", "根据"]);
    expect(form.values[4]).toEqual(["合作深度", 0.3, 90, "季度走访"]);
    expect(form.values[8][0]).toBe("合计");
  });

  test("wide layout keeps its 权重 row and the short rows of missing scores", async () => {
    const wb = await readWorkbookFile(path.join(FIX, "wide.xlsx"));
    const ev = sheet(wb, "客户关系评估表");
    expect(ev.values[1]).toEqual(["权重", null, 30, 25, 35, 10]);
    expect(ev.values[6]).toEqual(["C005", "西岭科技", 60]);
  });

  test("the sample workbook: 220+ rows under a banner, messy cells, model and settings sheets", async () => {
    const wb = await readWorkbookFile(path.join(__dirname, "..", "..", "assets", "sample", "sample.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["客户状况登记表", "客户关系评估表", "评估模型", "设置"]);
    const reg = wb.sheets[0];
    expect(reg.values.length).toBeGreaterThanOrEqual(3 + 220 + 2);
    expect(reg.values[reg.values.length - 1][0]).toBe("合计");
  });
});

describe("files that are not readable workbooks", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ct-reader-"));

  test("missing file", async () => {
    expect((await readRefusal(path.join(tmp, "nope.xlsx"))).kind).toBe("missing");
  });
  test("a folder", async () => {
    expect((await readRefusal(tmp)).kind).toBe("notFile");
  });
  test("a text file renamed .xlsx", async () => {
    expect((await readRefusal(path.join(FIX, "not-a-workbook.xlsx"))).kind).toBe("notWorkbook");
  });
  test("a zip that is not a workbook", async () => {
    const f = path.join(tmp, "photos.xlsx");
    const z = await ZipWriter.create(f);
    await z.add("readme.txt", "hello");
    await z.finish();
    expect((await readRefusal(f)).kind).toBe("notWorkbook");
  });
  test("a password-protected workbook (OLE container with EncryptionInfo)", async () => {
    expect((await readRefusal(path.join(FIX, "encrypted.xlsx"))).kind).toBe("encrypted");
  });
  test("an old .xls workbook written by LibreOffice", async () => {
    expect((await readRefusal(path.join(FIX, "legacy.xls"))).kind).toBe("legacyXls");
  });
  test("a truncated workbook", async () => {
    const f = path.join(tmp, "cut.xlsx");
    const whole = fs.readFileSync(path.join(FIX, "long.xlsx"));
    fs.writeFileSync(f, whole.subarray(0, Math.floor(whole.length / 2)));
    const e = await readRefusal(f);
    expect(["damaged", "notWorkbook"]).toContain(e.kind);
  });

  test("shared strings stored last, after a sheet: text is still read (parts are read by relationship, not zip order)", async () => {
    const f = path.join(tmp, "late-strings.xlsx");
    const z = await ZipWriter.create(f);
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    await z.add("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
    await z.add("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    await z.add("xl/workbook.xml", `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    await z.add("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
    await z.add("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>0</v><f>0*1</f></c></row></sheetData></worksheet>`);
    await z.add("xl/sharedStrings.xml", `<?xml version="1.0"?><sst ${ns} count="1" uniqueCount="1"><si><t>客户编号</t></si></sst>`);
    await z.finish();
    const wb = await readWorkbookFile(f);
    expect(wb.sheets[0].values[0][0]).toBe("客户编号");
  });
});

describe("cell types, absolute part targets and a package without _rels/.rels", () => {
  test("formula errors keep their text, booleans stay booleans, inline rich text keeps every run, 1904 dates shift", async () => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ct-reader-")), "cells.xlsx");
    const z = await ZipWriter.create(f);
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    await z.add("xl/workbook.xml", `<workbook ${ns} xmlns:r="${rel}"><workbookPr date1904="1"/><sheets><sheet name="S&amp;1" sheetId="1" state="hidden" r:id="rId1"/></sheets></workbook>`);
    await z.add("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="./sharedStrings.xml"/></Relationships>`);
    await z.add("xl/styles.xml", `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`);
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
    const s = (await readWorkbookFile(f)).sheets[0];
    expect(s.name).toBe("S&1");
    expect(s.hidden).toBe(true);
    expect(s.values[1]).toEqual(["#DIV/0!", true, "120万", 43891 + 1462, "a<b", 0]);
    expect(s.kinds![1]).toEqual(["error", "boolean", "text", "number", "text", "number"]);
    expect(s.formats![1][3]).toBe('yyyy"年"m"月"d"日"');
    expect(s.values[2]).toEqual(["华星 贸易"]);
  });
});
