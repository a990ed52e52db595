import { inspectPreviousOutput } from "../../src/cli/previous-output";
import { runJob } from "../../src/core/job/run-job";
import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import type { SheetGrid, WorkbookModel } from "../../src/core/workbook/grid";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { cellUnder, cli, copyFixture, nextColumn, readBack, rowOf, tabRecords, tempDir } from "./helpers/cli-run";

const NOW = new Date("2024-08-01T08:00:00Z");
/** 2024-07-31 as an Excel serial day. */
const AS_OF = 45504;

function columnOf(grid: SheetGrid, header: string): number {
  const c = grid.values[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header} on ${grid.name}`);
  return c;
}

function gridRow(grid: SheetGrid, keyHeader: string, key: string, nth = 0): (string | number | boolean | null)[] {
  const k = columnOf(grid, keyHeader);
  const rows = grid.values.filter((r) => r[k] === key);
  if (!rows[nth]) throw new Error(`no row ${key} (${nth}) on ${grid.name}`);
  return rows[nth];
}

function sheet(wb: WorkbookModel, name: string): SheetGrid {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/**
 * A first run of long.xlsx, then a user's work in its output: a manual tier, a column of their own, a row
 * of their own with values in computed columns, a second row for one customer and a changed score.
 * `bigTabs` strips the row fingerprints from the metadata sheet, as a run writes it for tabs over 20,000 rows.
 */
async function editedOutput(bigTabs: boolean): Promise<{ input: string; out: string }> {
  const input = copyFixture("long.xlsx", tempDir());
  const out = input.replace(/\.xlsx$/, ".tiers.xlsx");
  await cli([input, "--as-of", "2024-06-30"]);
  const wb = await readBack(out);
  const roster = wb.getWorksheet("客户分级名册")!;
  const note = nextColumn(roster);
  roster.getRow(1).getCell(note).value = "我的备注";
  roster.getRow(rowOf(roster, "客户编号", "C003")).getCell(note).value = "老客户";
  cellUnder(roster, "人工等级", rowOf(roster, "客户编号", "C004")).value = "A";
  cellUnder(roster, "调整原因", rowOf(roster, "客户编号", "C004")).value = "战略客户";
  cellUnder(roster, "最终得分", rowOf(roster, "客户编号", "C002")).value = 99.5;
  const added = tabRecords(roster).length + 2;
  cellUnder(roster, "客户编号", added).value = "NEW-1";
  cellUnder(roster, "客户名称", added).value = "手工加的客户";
  cellUnder(roster, "等级名称", added).value = "重点";
  const twice = added + 1;
  cellUnder(roster, "客户编号", twice).value = "C005";
  cellUnder(roster, "等级名称", twice).value = "第二行";
  const plan = wb.getWorksheet("客户维护方案")!;
  cellUnder(plan, "审核状态", rowOf(plan, "客户编号", "C003")).value = "已执行";
  if (bigTabs) {
    const meta = wb.getWorksheet(META_SHEET_NAME)!;
    meta.eachRow((row) => {
      if (row.getCell(1).value === "rows") row.values = [];
    });
  }
  await wb.xlsx.writeFile(out);
  return { input, out };
}

async function previousOf(out: string): Promise<WorkbookModel> {
  const prev = await inspectPreviousOutput(out);
  if (prev.kind !== "ours") throw new Error(`previous output read as ${prev.kind}`);
  return prev.workbook;
}

describe("a second run reads of its previous output only what it needs", () => {
  test("tabs without fingerprints: the plan and the problems are those of a full read", async () => {
    const { input, out } = await editedOutput(true);
    const full = runJob(await readWorkbookFile(input), { now: NOW, asOf: AS_OF, previous: await readWorkbookFile(out) });
    const part = runJob(await readWorkbookFile(input), { now: NOW, asOf: AS_OF, previous: await previousOf(out) });
    expect(part.plan).toEqual(full.plan);
    expect(part.problems).toEqual(full.problems);
    expect(part.summary).toEqual(full.summary);
    // The user's work is in that plan: manual tier, own column, own rows, the review status.
    const roster = part.plan.tabs.find((t) => t.id === "roster")!;
    const col = (h: string) => roster.columns.findIndex((c) => c.header === h);
    const c004 = roster.rows.find((r) => r[col("客户编号")] === "C004")!;
    expect(c004[col("人工等级")]).toBe("A");
    expect(roster.rows.find((r) => r[col("客户编号")] === "C003")![col("我的备注")]).toBe("老客户");
    expect(roster.rows.find((r) => r[col("客户编号")] === "NEW-1")![col("等级名称")]).toBe("重点");
  });

  test("tabs without fingerprints: computed cells of rows the run rebuilds are not kept; keys, edits, users' rows and columns are", async () => {
    const { out } = await editedOutput(true);
    const full = sheet(await readWorkbookFile(out), "客户分级名册");
    const part = sheet(await previousOf(out), "客户分级名册");
    const tierName = columnOf(full, "等级名称");
    const rank = columnOf(full, "排名");
    // A row of ours: keys, carried and editable columns stay; computed ones are gone.
    const c004 = gridRow(part, "客户编号", "C004");
    expect(c004[tierName] ?? null).toBeNull();
    expect(c004[rank] ?? null).toBeNull();
    expect(c004[columnOf(full, "人工等级")]).toBe("A");
    expect(c004[columnOf(full, "最终得分")]).toBe(gridRow(full, "客户编号", "C004")[columnOf(full, "最终得分")]);
    expect(gridRow(part, "客户编号", "C003")[columnOf(full, "我的备注")]).toBe("老客户");
    // Rows the core may keep as typed are kept whole: a key no run wrote, a customer's second row.
    expect(gridRow(part, "客户编号", "NEW-1")).toEqual(gridRow(full, "客户编号", "NEW-1"));
    expect(gridRow(part, "客户编号", "C005", 1)).toEqual(gridRow(full, "客户编号", "C005", 1));
    // The header row and the history are read whole.
    expect(part.values[0]).toEqual(full.values[0]);
    expect(sheet(await previousOf(out), "评估历史").values).toEqual(sheet(await readWorkbookFile(out), "评估历史").values);
    const cells = (g: SheetGrid) => g.values.reduce((n, r) => n + r.filter((v) => v !== null && v !== undefined).length, 0);
    expect(cells(part)).toBeLessThan(cells(full) * 0.7);
  });

  test("tabs with fingerprints are read whole: a changed computed cell is still found and reported", async () => {
    const { input, out } = await editedOutput(false);
    const prev = await previousOf(out);
    const roster = sheet(prev, "客户分级名册");
    expect(gridRow(roster, "客户编号", "C002")[columnOf(roster, "最终得分")]).toBe(99.5);
    expect(gridRow(roster, "客户编号", "C004")[columnOf(roster, "等级名称")]).not.toBeNull();
    const { problems } = runJob(await readWorkbookFile(input), { now: NOW, asOf: AS_OF, previous: prev });
    const replaced = problems.filter((p) => p.code === "edit.computedReplaced");
    expect(replaced).toHaveLength(1);
    expect(replaced[0].params).toMatchObject({ old: "99.5" });
  });
});
