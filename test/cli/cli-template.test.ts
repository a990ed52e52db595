import * as fs from "fs";
import * as path from "path";
import { cli, readBack, tabRecords, tempDir } from "./helpers/cli-run";
import { zipEntries } from "./helpers/zip-entries";

describe("customer-tiers --template writes a blank input template the tool reads back", () => {
  test.each([
    ["zh-CN", ["客户状况登记表", "客户关系评估表", "评估模型", "设置"]],
    ["en-US", ["Customer Register", "Evaluation", "Model", "Settings"]],
  ])("%s: four sheets with headers, drop-downs and one example row; a run on it has no errors", async (lang, sheets) => {
    const dir = tempDir();
    const file = path.join(dir, "template.xlsx");
    const made = await cli(["--template", file, "--lang", lang]);
    expect(made.code).toBe(0);
    const wb = await readBack(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
    for (const ws of wb.worksheets) expect(tabRecords(ws)).toHaveLength(1);
    const register = zipEntries(file).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(register).toContain('type="list" errorStyle="warning"');
    expect(register).toContain(lang === "zh-CN" ? "良好,一般,较差" : "Good,Fair,Poor");
    expect([...zipEntries(file).keys()].some((k) => k.includes("sheet5"))).toBe(false); // no metadata sheet

    const run = await cli([file, "--as-of", "2024-06-30", "--json"]);
    const summary = JSON.parse(run.stdout) as { customers: number; problems: { error: number; warning: number; note: number }; sheets: { role: string }[] };
    expect(summary.customers).toBe(1);
    // Notes may explain the plan (calls due before the as-of date); nothing is wrong with the template.
    expect(summary.problems).toMatchObject({ error: 0, warning: 0 });
    expect(summary.sheets.map((s) => s.role).sort()).toEqual(["evaluation", "model", "register", "settings"]);
  });

  test("never overwrites an existing file", async () => {
    const dir = tempDir();
    const file = path.join(dir, "mine.xlsx");
    fs.writeFileSync(file, "keep me");
    const r = await cli(["--template", file]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(file, "utf8")).toBe("keep me");
  });
});
