import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import { cellUnder, cli, copyFixture, readBack, sha256, tabRecords, tempDir } from "./helpers/cli-run";

const ROSTER = "客户分级名册";

describe("command line on LibreOffice-written fixtures", () => {
  const dir = tempDir();

  test("a clean register: exit 0, output beside the input, input unchanged, every tab a table", async () => {
    const input = copyFixture("clean.xlsx", dir);
    const before = sha256(input);
    const r = await cli([input, "--as-of", "2024-06-30"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    const out = path.join(dir, "clean.tiers.xlsx");
    expect(r.stdout).toContain(out);
    expect(r.stdout).toContain("评估日期 2024-06-30；客户 12 名");
    const wb = await readBack(out);
    const visible = wb.worksheets.filter((w) => w.state === "visible");
    expect(visible.map((w) => w.name)).toContain(ROSTER);
    for (const ws of visible) {
      expect(ws.getTables().length).toBe(1);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    expect(wb.getWorksheet(META_SHEET_NAME)!.state).toBe("veryHidden");
    const roster = tabRecords(wb.getWorksheet(ROSTER)!);
    expect(roster).toHaveLength(12);
    // Ids stay text; scores are numbers with one decimal shown.
    expect(roster.map((x) => x["客户编号"]).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `K${String(i + 1).padStart(3, "0")}`));
    expect(typeof roster[0]["最终得分"]).toBe("number");
    expect(cellUnder(wb.getWorksheet(ROSTER)!, "最终得分", 2).numFmt).toBe("0.0");
  });

  test("a messy register: exit 1, outputs still written, hostile names stay text, duplicates and 合计 left out", async () => {
    const input = copyFixture("register-messy.xlsx", dir);
    const before = sha256(input);
    const r = await cli([input, "--as-of", "2024-06-30", "--lang", "zh-CN"]);
    expect(r.code).toBe(1);
    expect(sha256(input)).toBe(before);
    expect(r.stdout).toMatch(/问题：错误 [1-9]/);
    const out = path.join(dir, "register-messy.tiers.xlsx");
    const wb = await readBack(out);
    const ws = wb.getWorksheet(ROSTER)!;
    const roster = tabRecords(ws);
    const keys = roster.map((x) => x["客户编号"]);
    expect(keys).toEqual(expect.arrayContaining(["M001", "M002", "M003", "M004", "M005"]));
    expect(keys).not.toContain("合计");
    expect(keys.filter((k) => k === "M002")).toHaveLength(1);
    const hostile = roster.find((x) => x["客户编号"] === "M002")!;
    expect(hostile["客户名称"]).toBe('=HYPERLINK("http://example.invalid/x","点我")');
    expect(roster.find((x) => x["客户编号"] === "M003")!["客户名称"]).toBe("<img src=x onerror=alert(1)>");
    // No cell of any output tab is a formula.
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
    const problems = tabRecords(wb.getWorksheet("数据问题")!);
    expect(problems.some((p) => String(p["问题"]).includes("M002") && String(p["问题"]).includes("重复"))).toBe(true);
    expect(problems.some((p) => String(p["问题"]).includes("#N/A"))).toBe(true);
  });

  test.each(["long.xlsx", "wide.xlsx", "forms.xlsx"])("%s gives the spec's worked example", async (name) => {
    const input = copyFixture(name, dir);
    const r = await cli([input, "--as-of", "2024-06-30", "--json"]);
    expect(r.code).toBe(1); // C005 is 资料不全
    const summary = JSON.parse(r.stdout) as { customers: number; byTier: Record<string, number>; output: string };
    expect(summary.customers).toBe(5);
    expect(summary.byTier).toMatchObject({ A: 1, B: 1, C: 0, D: 2, incomplete: 1 });
    const wb = await readBack(summary.output);
    const roster = tabRecords(wb.getWorksheet(ROSTER)!);
    const by = new Map(roster.map((x) => [x["客户编号"], x]));
    expect(by.get("C001")!["最终得分"]).toBeCloseTo(89.5, 6);
    expect(by.get("C002")!["最终得分"]).toBeCloseTo(71.25, 6);
    expect(by.get("C003")!["最终得分"]).toBeCloseTo(46.75, 6);
    expect(by.get("C004")!["最终得分"] as number).toBeCloseTo(24.72, 2);
    expect(by.get("C004")!["数据完整度"]).toBeCloseTo(0.9, 6);
    expect(roster.map((x) => x["等级"])).toEqual(["A", "B", "D", "D", "资料不全"]);
    expect(by.get("C001")!["建议"]).toBe("维持关系");
    expect(by.get("C003")!["建议"]).toBe("改善关系");
    expect(by.get("C004")!["建议"]).toBe("终止关系");
  });

  test("--json prints the documented summary shape", async () => {
    const input = copyFixture("clean.xlsx", dir);
    const r = await cli([input, "--as-of", "2024-06-30", "--json", "--out", path.join(dir, "json-out.xlsx")]);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(j).sort()).toEqual(["asOf", "byTier", "byVerdict", "customers", "exitCode", "indicators", "lang", "output", "problems", "sheets"]);
    expect(j.asOf).toBe("2024-06-30");
    expect(j.lang).toBe("zh-CN");
    expect(j.exitCode).toBe(r.code);
    expect(j.problems).toEqual({ error: expect.any(Number), warning: expect.any(Number), note: expect.any(Number) });
  });

  test("English headers give English tabs; --lang overrides", async () => {
    const input = copyFixture("english.xlsx", dir);
    const r = await cli([input, "--as-of", "2024-06-30"]);
    expect(r.stdout).toContain("As of 2024-06-30; 4 customers");
    const wb = await readBack(path.join(dir, "english.tiers.xlsx"));
    expect(wb.getWorksheet("Tier Roster")).toBeDefined();
    const zh = await cli([input, "--as-of", "2024-06-30", "--lang", "zh-CN", "--out", path.join(dir, "english-zh.xlsx")]);
    expect(zh.stdout).toContain("客户 4 名");
    expect((await readBack(path.join(dir, "english-zh.xlsx"))).getWorksheet(ROSTER)).toBeDefined();
  });

  test("the bundled samples run (Chinese and English)", async () => {
    const sample = path.join(__dirname, "..", "..", "assets", "sample");
    for (const [name, lang] of [["sample.xlsx", "评估日期"], ["sample-en.xlsx", "As of"]]) {
      const out = path.join(dir, `${name}.out.xlsx`);
      const r = await cli([path.join(sample, name), "--as-of", "2024-06-30", "--out", out]);
      expect([0, 1]).toContain(r.code);
      expect(r.stdout).toContain(lang);
      expect(fs.existsSync(out)).toBe(true);
      const roster = tabRecords((await readBack(out)).worksheets[0]);
      expect(roster.length).toBe(220);
    }
  });
});
