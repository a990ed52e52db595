import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { cli, copyFixture, FIXTURES, sha256, tempDir } from "./helpers/cli-run";

describe("command line: arguments", () => {
  test("--help prints the usage and exits 0", async () => {
    const r = await cli(["--help"], { LANG: "en_US.UTF-8" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: customer-tiers <input.xlsx>");
    expect(r.stdout).toContain("--as-of");
    const zh = await cli(["-h"], { LANG: "zh_CN.UTF-8" });
    expect(zh.stdout).toContain("用法：customer-tiers");
  });

  test("--version prints the package version", async () => {
    const r = await cli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^customer-tiers \d+\.\d+\.\d+\n$/);
  });

  test.each([
    [[], "缺少输入文件"],
    [["a.xlsx", "--bogus"], "未知选项 --bogus"],
    [["a.xlsx", "--as-of", "2024-02-30"], "日期“2024-02-30”无效"],
    [["a.xlsx", "--lang", "fr"], "不支持的语言“fr”"],
    [["a.xlsx", "b.xlsx", "--out", "x.xlsx"], "请用 --out-dir"],
    [["a.xlsx", "b.xlsx", "--jobs", "0"], "--jobs 的值“0”无效"],
    [["a.xlsx", "--format", "xml", "r.xml"], "不支持的结果格式“xml”"],
    [["a.xlsx", "--format", "csv"], "选项 --format csv 需要一个值"],
    [["a.xlsx", "--out"], "选项 --out 需要一个值"],
  ])("bad arguments %j exit 2 with a message", async (args, message) => {
    const r = await cli([...args, "--lang", "zh-CN"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  test("--json turns a failure into a JSON error on stdout too", async () => {
    const r = await cli(["nope.xlsx", "--json", "--lang", "en-US"]);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as { exitCode: number; error: { code: string; message: string } };
    expect(j.exitCode).toBe(2);
    expect(j.error.code).toBe("input.missing");
    expect(j.error.message).toContain("File not found");
  });
});

describe("command line: inputs that cannot be used exit 2 with a clear message", () => {
  const dir = tempDir();

  test.each([
    ["missing.xlsx", "找不到文件", "File not found"],
    ["not-a-workbook.xlsx", "不是 Excel 工作簿", "Not an Excel workbook"],
    ["encrypted.xlsx", "设有打开密码", "password-protected"],
    ["legacy.xls", "旧版 .xls", "old .xls format"],
  ])("%s", async (name, zh, en) => {
    const input = fs.existsSync(path.join(FIXTURES, name)) ? copyFixture(name, dir) : path.join(dir, name);
    const r1 = await cli([input, "--lang", "zh-CN"]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(zh);
    const r2 = await cli([input, "--lang", "en-US"]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(en);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".tiers."))).toEqual([]);
  });

  test("a workbook without a register or evaluation", async () => {
    const input = path.join(dir, "notes.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("随手记").addRow(["今天天气不错", "明天开会"]);
    await wb.xlsx.writeFile(input);
    const r = await cli([input, "--lang", "zh-CN"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有找到客户状况登记表或客户关系评估表");
    expect(fs.existsSync(path.join(dir, "notes.tiers.xlsx"))).toBe(false);
  });

  test("the output may not be the input", async () => {
    const input = copyFixture("clean.xlsx", dir);
    const before = sha256(input);
    const r = await cli([input, "--out", input, "--lang", "en-US"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot be the input");
    expect(sha256(input)).toBe(before);
  });

  test("a file at the output path that the tool did not write is never overwritten", async () => {
    const input = copyFixture("clean.xlsx", dir);
    const foreign = path.join(dir, "clean.tiers.xlsx");
    fs.copyFileSync(path.join(FIXTURES, "long.xlsx"), foreign);
    const before = sha256(foreign);
    const r = await cli([input, "--lang", "zh-CN"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不是本工具生成的");
    expect(sha256(foreign)).toBe(before);
    // Not even a text file with that name is replaced.
    const txt = path.join(dir, "other.xlsx");
    fs.writeFileSync(txt, "mine");
    const r2 = await cli([input, "--out", txt, "--lang", "en-US"]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("was not written by this tool");
    expect(fs.readFileSync(txt, "utf8")).toBe("mine");
  });

  test("an output of ours to which a user added a sheet is not overwritten (the sheet would be lost)", async () => {
    const input = copyFixture("clean.xlsx", dir);
    const out = path.join(dir, "with-notes.xlsx");
    expect((await cli([input, "--out", out, "--as-of", "2024-06-30"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.addWorksheet("我的笔记").addRow(["下周拜访华星"]);
    await wb.xlsx.writeFile(out);
    const before = sha256(out);
    const r = await cli([input, "--out", out, "--lang", "zh-CN"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("我的笔记");
    expect(sha256(out)).toBe(before);
  });

  test("--out into folders that do not exist yet creates them", async () => {
    const input = copyFixture("clean.xlsx", dir);
    const out = path.join(dir, "2024", "06", "tiers.xlsx");
    const r = await cli([input, "--out", out, "--as-of", "2024-06-30"]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});
