import * as path from "path";
import { cellUnder, cli, copyFixture, nextColumn, readBack, rowOf, tabRecords, tempDir } from "./helpers/cli-run";
import { zipEntries } from "./helpers/zip-entries";

describe("nothing a user types in the output is lost (command line, real files)", () => {
  test("a second run carries added columns and rows, reports computed-cell edits once and values outside a list", async () => {
    const dir = tempDir();
    const input = copyFixture("long.xlsx", dir);
    const out = path.join(dir, "long.tiers.xlsx");
    await cli([input, "--as-of", "2024-06-30"]);

    // A user works in the output (ExcelJS stands in for Excel).
    const wb = await readBack(out);
    const roster = wb.getWorksheet("客户分级名册")!;
    const noteCol = nextColumn(roster);
    roster.getRow(1).getCell(noteCol).value = "我的备注";
    roster.getRow(rowOf(roster, "客户编号", "C003")).getCell(noteCol).value = "老客户，年底拜访";
    roster.getRow(rowOf(roster, "客户编号", "C001")).getCell(noteCol).value = 42;
    const oldScore = cellUnder(roster, "最终得分", rowOf(roster, "客户编号", "C002"));
    oldScore.value = 99.5;
    const added = tabRecords(roster).length + 2;
    cellUnder(roster, "客户编号", added).value = "NEW-1";
    cellUnder(roster, "客户名称", added).value = "手工加的客户";
    roster.getRow(added).getCell(noteCol).value = "待录入登记表";

    const plan = wb.getWorksheet("客户维护方案")!;
    const planRow = rowOf(plan, "客户编号", "C003");
    cellUnder(plan, "审核状态", planRow).value = "待定";
    cellUnder(plan, "备注", planRow).value = "先电话再上门";
    const calls = wb.getWorksheet("电话回访计划")!;
    const callCol = nextColumn(calls);
    calls.getRow(1).getCell(callCol).value = "Follow-up owner";
    calls.getRow(2).getCell(callCol).value = "小王";
    const callKey = String(cellUnder(calls, "客户编号", 2).value);
    const callType = String(cellUnder(calls, "回访类型", 2).value);
    await wb.xlsx.writeFile(out);

    const second = await cli([input, "--as-of", "2024-07-31"]);
    expect(second.stdout).toContain("自加列 2 列（4 格）");
    expect(second.stdout).toContain("自加行 2 行");
    expect(second.stdout).toContain("计算列中的改动 1 处");
    expect(second.stdout).toContain("下拉列表外的值 1 个");

    const again = await readBack(out);
    const r2 = tabRecords(again.getWorksheet("客户分级名册")!);
    expect(r2.find((r) => r["客户编号"] === "C003")!["我的备注"]).toBe("老客户，年底拜访");
    expect(r2.find((r) => r["客户编号"] === "C001")!["我的备注"]).toBe(42);
    // The user's row is kept as typed, at the end, with its own column.
    expect(r2[r2.length - 1]).toMatchObject({ 客户编号: "NEW-1", 客户名称: "手工加的客户", 我的备注: "待录入登记表" });
    // The computed score is ours again.
    expect(r2.find((r) => r["客户编号"] === "C002")!["最终得分"]).not.toBe(99.5);
    const p2 = tabRecords(again.getWorksheet("客户维护方案")!).find((r) => r["客户编号"] === "C003")!;
    expect(p2["审核状态"]).toBe("待定");
    expect(p2["备注"]).toBe("先电话再上门");
    // The call the user annotated is past and no longer planned: kept whole for its own column.
    const c2 = tabRecords(again.getWorksheet("电话回访计划")!).filter((r) => r["Follow-up owner"] === "小王");
    expect(c2).toHaveLength(1);
    expect(c2[0]).toMatchObject({ 客户编号: callKey, 回访类型: callType });

    const problems = tabRecords(again.getWorksheet("数据问题")!).map((r) => `${r["工作表"]}!${r["单元格"]} ${r["问题"]}`);
    expect(problems.some((p) => p.includes("最终得分") && p.includes("99.5"))).toBe(true);
    expect(problems.some((p) => p.includes("NEW-1") && p.includes("用户自行添加"))).toBe(true);
    expect(problems.some((p) => p.includes("待定") && p.includes("下拉列表"))).toBe(true);

    // A third run: everything still there, and the replaced computed cell is not reported again.
    const third = await cli([input, "--as-of", "2024-08-31"]);
    expect(third.stdout).toContain("计算列中的改动 0 处");
    const r3 = tabRecords((await readBack(out)).getWorksheet("客户分级名册")!);
    expect(r3.find((r) => r["客户编号"] === "C003")!["我的备注"]).toBe("老客户，年底拜访");
    expect(r3.filter((r) => r["客户编号"] === "NEW-1")).toHaveLength(1);
  });
});

describe("the output workbook is a working tool (file parts)", () => {
  test("drop-downs warn, colours follow edits, every tab prints, the chart has colours, a theme, and it opens on the roster", async () => {
    const dir = tempDir();
    const input = copyFixture("long.xlsx", dir);
    const out = path.join(dir, "long.tiers.xlsx");
    await cli([input, "--as-of", "2024-06-30"]);
    const parts = zipEntries(out);
    const text = (name: string): string => parts.get(name)?.toString("utf8") ?? "";
    const roster = text("xl/worksheets/sheet1.xml");
    const manual = /sqref="([A-Z]+)2:[A-Z]+\d+"><formula1>&quot;A,B,C,D&quot;<\/formula1>/.exec(roster);
    expect(manual).not.toBeNull();
    expect(roster).toMatch(/<dataValidation type="list" errorStyle="warning"[^>]*><formula1>&quot;A,B,C,D&quot;/);
    expect(roster).toContain('<cfRule type="expression"');
    expect(roster).toContain(`UPPER(TRIM($${manual![1]}2))=&quot;A&quot;`);
    expect(roster).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(roster).toContain("<oddFooter>&amp;C&amp;A — &amp;P / &amp;N</oddFooter>");
    expect(roster).toContain('<legacyDrawing r:id="rId3"/>');
    expect(text("xl/comments1.xml")).toContain("人工等级：选 A–D");
    const calls = text("xl/worksheets/sheet3.xml");
    expect(calls).toContain("已完成");
    expect(calls).toMatch(/<formula>AND\(ISNUMBER\(\$A2\),\$A2&lt;\d+,NOT\(OR\(TRIM\(\$[A-Z]+2\)=&quot;已完成&quot;/);
    const workbook = text("xl/workbook.xml");
    expect(workbook).toContain('activeTab="0"');
    // Every visible tab (all but the very hidden metadata sheet) repeats its header row when printed.
    const visibleTabs = (workbook.match(/<sheet [^>]*>/g) ?? []).filter((x) => !x.includes("veryHidden")).length;
    expect(visibleTabs).toBeGreaterThanOrEqual(8);
    expect((workbook.match(/_xlnm.Print_Titles/g) ?? []).length).toBe(visibleTabs);
    expect(text("xl/theme/theme1.xml")).toContain("<a:clrScheme");
    expect(text("[Content_Types].xml")).toContain("/xl/theme/theme1.xml");
    const chart = text("xl/charts/chart1.xml");
    expect((chart.match(/<c:dPt>/g) ?? []).length).toBe(5);
    expect(chart).toContain('<c:showVal val="1"/>');
    expect(text("xl/styles.xml")).toMatch(/<dxfs count="[1-9]\d*">/);
  });
});
