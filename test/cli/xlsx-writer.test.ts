import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import { PALETTE, HEADER_STYLE } from "../../src/core/output-tabs/colours";
import { writePlanAtomic } from "../../src/xlsx/write-plan";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { samplePlan } from "./helpers/sample-plan";
import { zipEntries, zipText } from "./helpers/zip-entries";
import { convertToCsv } from "./helpers/soffice";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ct-writer-"));
const file = path.join(tmp, "out.xlsx");

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === "pattern" ? f.fgColor?.argb : undefined;
}

beforeAll(async () => {
  await writePlanAtomic(samplePlan(), file);
});

describe("writing a plan to .xlsx", () => {
  test("every tab is an Excel table with filter buttons over the header and rows", () => {
    const t1 = zipText(file, "xl/tables/table1.xml");
    expect(t1).toContain('ref="A1:H5"');
    expect(t1).toContain('<autoFilter ref="A1:H5"/>');
    expect(t1).toContain('name="T_Roster"');
    expect(t1).toContain('<tableColumn id="3" name="客户名称"/>');
    expect(t1).toContain("TableStyleLight");
    // An empty tab still gets a valid table (header + one empty row).
    expect(zipText(file, "xl/tables/table3.xml")).toContain('ref="A1:B2"');
  });

  test("ExcelJS reads back tables, frozen header, widths, formats and fills", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("客户分级名册")!;
    expect(ws).toBeDefined();
    const tables = ws.getTables() as unknown as { table?: { name: string }; name?: string }[];
    expect(tables.length).toBe(1);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(3).width).toBe(24);
    expect(ws.getCell("D2").numFmt).toBe("0.0");
    expect(ws.getCell("F2").numFmt).toBe("0%");
    expect(ws.getCell("G2").numFmt).toBe("yyyy-mm-dd");
    // Header style, tier rows and the verdict cell painted over the row colour (later block wins).
    expect(fillOf(ws.getCell("A1"))).toBe(`FF${HEADER_STYLE.fill}`);
    expect(fillOf(ws.getCell("A2"))).toBe(`FF${PALETTE.tierA.fill}`);
    expect(fillOf(ws.getCell("E2"))).toBe(`FF${PALETTE.maintain.fill}`);
    expect(fillOf(ws.getCell("E3"))).toBe(`FF${PALETTE.maintain.fill}`);
    expect(fillOf(ws.getCell("B3"))).toBe(`FF${PALETTE.tierB.fill}`);
    expect(fillOf(ws.getCell("H5"))).toBe(`FF${PALETTE.incomplete.fill}`); // empty cell still coloured
    expect(fillOf(ws.getCell("A6"))).toBeUndefined();
    expect(wb.getWorksheet(META_SHEET_NAME)!.state).toBe("veryHidden");
  });

  test("text stays text: a formula-like name is a string cell, and no sheet holds a formula", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("客户分级名册")!;
    expect(ws.getCell("C2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("C2").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("C3").value).toBe("<img src=x onerror=alert(1)>");
    // An id given as a number in a text column is written as the text "1002".
    expect(ws.getCell("B3").value).toBe("1002");
    const entries = zipEntries(file);
    for (const [name, data] of entries) {
      if (name.startsWith("xl/worksheets/sheet")) expect(data.toString("utf8")).not.toMatch(/<f[ >]/);
    }
    expect(entries.get("xl/sharedStrings.xml")!.toString("utf8")).toContain("=HYPERLINK(&quot;http://x&quot;)");
    // A literal _x0041_ must not turn into "A" in Excel: its underscore is escaped.
    expect(entries.get("xl/sharedStrings.xml")!.toString("utf8")).toContain("_x005F_x0041_");
  });

  test("the KPI chart is written as a real chart part over the tab's cells", () => {
    const entries = zipEntries(file);
    const chart = entries.get("xl/charts/chart1.xml")!.toString("utf8");
    expect(chart).toContain("<c:barChart>");
    expect(chart).toContain("&apos;指标看板&apos;!$A$2:$A$5");
    expect(chart).toContain("&apos;指标看板&apos;!$B$2:$B$5");
    expect(entries.get("xl/worksheets/_rels/sheet2.xml.rels")!.toString("utf8")).toContain("../drawings/drawing1.xml");
    expect(entries.get("[Content_Types].xml")!.toString("utf8")).toContain("/xl/charts/chart1.xml");
  });

  test("our own reader reads the written workbook back: values, kinds, formats, hidden meta sheet", async () => {
    const wb = await readWorkbookFile(file);
    expect(wb.sheets.map((s) => s.name)).toEqual(["客户分级名册", "指标看板", "数据问题", META_SHEET_NAME]);
    const roster = wb.sheets[0];
    expect(roster.values[1]).toEqual([1, "C001", '=HYPERLINK("http://x")', 89.5, "A", 1, 45357]);
    expect(roster.kinds![1][2]).toBe("text");
    expect(roster.formats![1][6]).toBe("yyyy-mm-dd");
    expect(roster.values[2][7]).toBe("A");
    const meta = wb.sheets[3];
    expect(meta.hidden).toBe(true);
    expect(meta.values[0].slice(0, 2)).toEqual(["product", "customer-tiers"]);
  });

  test("a failed write leaves the previous file untouched and no temporary file behind", async () => {
    const before = fs.readFileSync(file);
    const bad = samplePlan();
    bad.tabs[1].name = "bad/name";
    await expect(writePlanAtomic(bad, file)).rejects.toThrow(/invalid sheet name/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a large tab streams with bounded memory and stays a valid table", async () => {
    const plan = samplePlan();
    const rows = 60000;
    plan.tabs[0].rows = Array.from({ length: rows }, (_, i) => [i + 1, `C${i}`, `客户${i}`, (i * 7) % 100, "B", 0.8, 45000 + (i % 300), null]);
    plan.tabs[0].styles = [{ role: "tierB", row: 0, rows, col: 0, cols: 8 }];
    const big = path.join(tmp, "big.xlsx");
    await writePlanAtomic(plan, big);
    expect(zipText(big, "xl/tables/table1.xml")).toContain(`ref="A1:H${rows + 1}"`);
    const back = await readWorkbookFile(big);
    expect(back.sheets[0].values.length).toBe(rows + 1);
    expect(back.sheets[0].values[rows]).toEqual([rows, `C${rows - 1}`, `客户${rows - 1}`, ((rows - 1) * 7) % 100, "B", 0.8, 45000 + ((rows - 1) % 300)]);
  });
});

/** A texts column's awkward cases: formula- and markup-like, Excel's escape, blanks kept, characters XML cannot carry. */
const AWKWARD = [
  '=HYPERLINK("http://x")',
  "<img src=x onerror=alert(1)>",
  "A & B \"q\" 'a'",
  "南山食品 _x0041_",
  "  前后空格  ",
  "换\n行",
  "控\u0001制",
  "孤\uD800代理",
  "表情😀客户",
  "长".repeat(40000),
  "\u0002",
];

describe("a big tab, written as bytes, keeps every awkward text as the text typed", () => {
  const rows = 20500;
  let big: string;
  let plan: ReturnType<typeof samplePlan>;
  beforeAll(async () => {
    plan = samplePlan();
    plan.tabs[0].rows = Array.from({ length: rows }, (_, i) => [
      i + 1, `C${i}`, i % 10 === 0 ? AWKWARD[(i / 10) % AWKWARD.length] : `客户${i}`, (i * 7) % 100, "ABCD"[i % 4], 0.8, 45000 + (i % 300), i % 3 === 0 ? "A" : null,
    ]);
    plan.tabs[0].styles = [{ role: "tierB", row: 0, rows, col: 0, cols: 8 }];
    big = path.join(tmp, "inline.xlsx");
    await writePlanAtomic(plan, big);
  });

  test("every text is a shared string, escaped in the table; no cell is a formula", () => {
    const sheet = zipText(big, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<row r="2"><c r="A2" s="\d+"><v>1<\/v><\/c><c r="B2" s="\d+" t="s"><v>\d+<\/v><\/c><c r="C2" s="\d+" t="s"><v>\d+<\/v><\/c>/);
    expect(sheet).toContain(`<row r="${rows + 1}"><c r="A${rows + 1}" s="`);
    expect(sheet).not.toMatch(/<f[ >]|inlineStr/);
    const table = zipText(big, "xl/sharedStrings.xml");
    expect(table).toContain("<si><t>=HYPERLINK(&quot;http://x&quot;)</t></si>");
    // A literal _x0041_ must not turn into "A" in Excel: its underscore is escaped.
    expect(table).toContain("南山食品 _x005F_x0041_");
    expect(table).toContain('<t xml:space="preserve">  前后空格  </t>');
  });

  test("our reader reads back every cell as the cleaned text or the number written", async () => {
    const back = (await readWorkbookFile(big)).sheets[0];
    expect(back.values.length).toBe(rows + 1);
    const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/g, "").slice(0, 32767);
    const trim = (r: unknown[]) => {
      const t = r.map((v) => (v === "" || v === undefined ? null : v));
      while (t.length && t[t.length - 1] === null) t.pop();
      return JSON.stringify(t);
    };
    const wrong: string[] = [];
    for (let i = 0; i < rows; i++) {
      const want = trim(plan.tabs[0].rows[i].map((v) => (typeof v === "string" ? clean(v) || null : v)));
      const got = trim(back.values[i + 1]);
      if (got !== want || (back.values[i + 1][2] !== null && back.kinds![i + 1][2] !== "text")) wrong.push(`row ${i + 2}: ${got.slice(0, 100)} ≠ ${want.slice(0, 100)}`);
    }
    expect(wrong).toEqual([]);
    expect(back.values[41][2]).toBe("  前后空格  ");
    expect(back.values[31][2]).toBe("南山食品 _x0041_");
    expect(back.values[101][2]).toBeNull(); // nothing XML can carry was left of "\u0002"
  });

  test("LibreOffice reads the texts as the very text typed, never as formulas", () => {
    const csv = convertToCsv(big).get("客户分级名册") ?? "";
    // Had a text become a formula, LibreOffice would show its result instead of the text.
    expect(csv).toContain('\n1,C0,"=HYPERLINK(""http://x"")",');
    expect(csv).toContain("\n2,C1,客户1,");
    expect(csv).toContain("<img src=x onerror=alert(1)>");
    expect(csv).toContain("南山食品 _x0041_");
    expect(csv).toContain(",  前后空格  ,");
    expect(csv).toContain('"换\n行"');
    expect(csv).toContain("表情😀客户");
    expect(csv).toContain(`\n${rows},C${rows - 1},客户${rows - 1},`);
  });
});
