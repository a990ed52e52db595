import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import type { ColumnPlan, PlanValue, WritePlan } from "../../src/core/output-tabs/write-plan";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { BIG_SHEET_CELLS, isBigSheet, writePlanToFile } from "../../src/xlsx/write-plan";
import { zipEntries } from "./helpers/zip-entries";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ct-big-sheet-"));

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A history-shaped tab: key, name, then score/tier pairs, `rows` customers. */
function historyPlan(rows: number, pairs: number): WritePlan {
  const columns: ColumnPlan[] = [
    { id: "key", header: "客户编号", kind: "text", numberFormat: "@", width: 14 },
    { id: "name", header: "客户名称", kind: "text", numberFormat: "@", width: 24 },
  ];
  for (let p = 0; p < pairs; p++) {
    columns.push({ id: `score:${p}`, header: `run${p} 得分`, kind: "number", numberFormat: "0.0", width: 13 });
    columns.push({ id: `tier:${p}`, header: `run${p} 等级`, kind: "text", numberFormat: "@", width: 13 });
  }
  const data: PlanValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: PlanValue[] = [`C${r}`, `客户${r}`];
    for (let p = 0; p < pairs; p++) {
      row.push(((r * 7 + p * 13) % 1000) / 10);
      row.push("ABCD"[(r + p) % 4]);
    }
    data.push(row);
  }
  return {
    lang: "zh-CN",
    tabs: [{ id: "history", name: "评估历史", tableName: "EvaluationHistory", columns, rows: data, styles: [] }],
    meta: { product: "customer-tiers", version: 1, runAt: "2026-11-30T08:00:00.000Z", tabs: [{ id: "history", name: "评估历史" }] },
  };
}

describe("big sheets are deflated for speed by their cells, not their rows alone", () => {
  test("isBigSheet: over 20,000 rows, or over BIG_SHEET_CELLS cells", () => {
    const tab = (rows: number, cols: number) => ({ rows: new Array<PlanValue[]>(rows), columns: new Array<ColumnPlan>(cols) });
    expect(isBigSheet(tab(20001, 2))).toBe(true);
    expect(isBigSheet(tab(20000, 17))).toBe(false); // a 20,000-customer roster
    expect(isBigSheet(tab(20000, 12))).toBe(false); // its history after 5 runs
    expect(isBigSheet(tab(20000, 50))).toBe(true); // after 24 runs
    expect(isBigSheet(tab(BIG_SHEET_CELLS / 20, 20))).toBe(false);
    expect(isBigSheet(tab(BIG_SHEET_CELLS / 20 + 1, 20))).toBe(true);
  });

  test("a 20,000-row history of 24 runs is written at the big parts' level, and reads back cell for cell", async () => {
    const plan = historyPlan(20000, 24);
    const file = path.join(tmp, "history.xlsx");
    await writePlanToFile(plan, file);
    const raw = fs.readFileSync(file);
    const xml = zipEntries(file).get("xl/worksheets/sheet1.xml")!;
    // The entry's compressed size from its local header (the first entry named so).
    const at = raw.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 30;
    const compressed = raw.readUInt32LE(at + 18);
    const level6 = zlib.deflateRawSync(xml, { level: 6 }).length;
    const level2 = zlib.deflateRawSync(xml, { level: 2 }).length;
    expect(level2).toBeGreaterThan(level6 * 1.1);
    expect(Math.abs(compressed - level2)).toBeLessThan(Math.abs(compressed - level6));

    const wb = await readWorkbookFile(file);
    const grid = wb.sheets.find((s) => s.name === "评估历史")!;
    expect(grid.values.length).toBe(20001);
    expect(grid.values[0]).toEqual(plan.tabs[0].columns.map((c) => c.header));
    for (const r of [0, 1, 9999, 19999]) expect(grid.values[r + 1]).toEqual(plan.tabs[0].rows[r]);
  });
});
