import * as path from "path";
import { cellUnder, cli, copyFixture, readBack, tabRecords, tempDir } from "./helpers/cli-run";

describe("command line: a second run onto the same output", () => {
  test("edits typed in the output survive, the history gains a column pair per run, the previous tier shows", async () => {
    const dir = tempDir();
    const input = copyFixture("long.xlsx", dir);
    const out = path.join(dir, "long.tiers.xlsx");
    const first = await cli([input, "--as-of", "2024-06-30"]);
    expect(first.code).toBe(1);

    // A user opens the output and types a manual tier and a reason for C003 (ExcelJS stands in for Excel).
    const wb = await readBack(out);
    const ws = wb.getWorksheet("客户分级名册")!;
    const rows = tabRecords(ws);
    const row = rows.findIndex((x) => x["客户编号"] === "C003") + 2;
    cellUnder(ws, "人工等级", row).value = "A";
    cellUnder(ws, "调整原因", row).value = "行长指定的重点客户";
    const historyBefore = tabRecords(wb.getWorksheet("评估历史")!).length;
    expect(historyBefore).toBe(5);
    await wb.xlsx.writeFile(out);

    const second = await cli([input, "--as-of", "2024-07-31"]);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain("已保留上次输出中的编辑和历史");
    const again = await readBack(out);
    const roster = tabRecords(again.getWorksheet("客户分级名册")!);
    const c003 = roster.find((x) => x["客户编号"] === "C003")!;
    expect(c003["人工等级"]).toBe("A");
    expect(c003["调整原因"]).toBe("行长指定的重点客户");
    expect(c003["等级"]).toBe("D"); // the computed tier stays visible beside the manual one
    expect(c003["上次等级"]).toBe("D");
    const history = tabRecords(again.getWorksheet("评估历史")!);
    expect(history.length).toBe(5);
    expect(history.find((x) => x["客户编号"] === "C003")).toMatchObject({ "2024-07 等级": "D→A", "2024-06 等级": "D" });

    // And a third run keeps them still (the edit is not a one-off carry).
    await cli([input, "--as-of", "2024-08-31"]);
    const third = tabRecords((await readBack(out)).getWorksheet("客户分级名册")!);
    expect(third.find((x) => x["客户编号"] === "C003")!["人工等级"]).toBe("A");
    const last = await readBack(out);
    const h3 = tabRecords(last.getWorksheet("评估历史")!);
    expect(h3.length).toBe(5);
    expect(Object.keys(h3[0])).toEqual(["客户编号", "客户名称", "2024-08 得分", "2024-08 等级", "2024-07 得分", "2024-07 等级", "2024-06 得分", "2024-06 等级"]);
    expect(tabRecords(last.getWorksheet("运行记录")!).map((x) => x["历史列"])).toEqual(["2024-08", "2024-07", "2024-06"]);
  });
});

describe("command line: a second run reads only the columns it needs of the previous output", () => {
  test("still carries every edit: roster, retention plan, callbacks", async () => {
    const dir = tempDir();
    const input = copyFixture("long.xlsx", dir);
    const out = path.join(dir, "long.tiers.xlsx");
    await cli([input, "--as-of", "2024-06-30"]);
    const wb = await readBack(out);
    const edit = (sheet: string, keyHeader: string, header: string, value: string): string => {
      const ws = wb.getWorksheet(sheet)!;
      const recs = tabRecords(ws);
      cellUnder(ws, header, 2).value = value;
      return String(recs[0][keyHeader]);
    };
    const k1 = edit("客户分级名册", "客户编号", "调整原因", "重点客户");
    const k2 = edit("客户维护方案", "客户编号", "审核状态", "已审核");
    edit("客户维护方案", "客户编号", "执行情况", "已拜访");
    edit("客户维护方案", "客户编号", "备注", "主管已知悉");
    const callType = String(tabRecords(wb.getWorksheet("电话回访计划")!)[0]["回访类型"]);
    const k3 = edit("电话回访计划", "客户编号", "回访结果", "客户满意");
    await wb.xlsx.writeFile(out);

    await cli([input, "--as-of", "2024-07-31"]);
    const again = await readBack(out);
    const find = (sheet: string, key: string) => tabRecords(again.getWorksheet(sheet)!).filter((x) => x["客户编号"] === key);
    expect(find("客户分级名册", k1)[0]["调整原因"]).toBe("重点客户");
    expect(find("客户维护方案", k2)[0]).toMatchObject({ 审核状态: "已审核", 执行情况: "已拜访", 备注: "主管已知悉" });
    const calls = find("电话回访计划", k3);
    // The call is still planned (same key, type and date) and keeps its result.
    expect(calls.some((x) => x["回访类型"] === callType && x["回访结果"] === "客户满意")).toBe(true);
  });
});
