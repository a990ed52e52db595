import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import { readOwnedTabs } from "../../src/core/output-tabs/previous-outputs";
import { writePlan, type WriteProgress } from "../../src/office/write-plan";
import { PAYLOAD_LIMIT_BYTES, REQUEST_BUDGET_BYTES } from "../../src/office/request-size";
import type { AdapterNotice } from "../../src/office/retry";
import { readWorkbook } from "../../src/office/read-workbook";
import { createFakeExcel, FakeExcelError, FakeStats, type SheetState } from "./fake-excel/node";
import { planOf, problemsTab, rosterTab } from "./plans";

const noWait = { sleep: async () => undefined, tag: "t1" };

function register() {
  return createFakeExcel([{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C0001", "华星贸易"]] }]);
}

function column(s: SheetState, col: number): unknown[] {
  return s.read(s.usedRect()!).map((r) => r[col]);
}

describe("writePlan on the fake Excel", () => {
  test("writes tabs as tables with header, values, frozen header, widths and a very hidden meta sheet", async () => {
    const xl = register();
    const plan = planOf([rosterTab(10), problemsTab(3)]);
    const progress: WriteProgress[] = [];
    const result = await xl.run((ctx) => writePlan(ctx, plan, { ...noWait, onProgress: (p) => progress.push(p) }));
    expect(xl.sheetNames()).toEqual(["客户状况登记表", META_SHEET_NAME, "客户分级名册", "数据问题"]);
    const roster = xl.sheet("客户分级名册");
    expect(roster.read({ row: 0, col: 0, rows: 2, cols: 3 })).toEqual([["客户编号", "客户名称", "最终得分"], ["C0001", "客户0", 100]]);
    expect(roster.usedRect()).toEqual({ row: 0, col: 0, rows: 11, cols: 3 });
    expect(roster.frozenRows).toBe(1);
    expect(roster.columnWidths.get(2)).toBeGreaterThan(0);
    expect(xl.state.table("TierRoster")).toMatchObject({ sheet: roster, rect: { row: 0, col: 0, rows: 11, cols: 3 } });
    expect(xl.state.table("DataProblems")?.sheet.name).toBe("数据问题");
    expect(roster.layerAt(0, 0, "fill")).toBe("#1F4E79");
    expect(roster.layerAt(1, 2, "fill")).toBe("#C6EFCE");
    expect(roster.layerAt(10, 2, "fill")).toBe("#DDEBF7");
    const meta = xl.sheet(META_SHEET_NAME);
    expect(meta.visibility).toBe("VeryHidden");
    const owned = readOwnedTabs({ sheets: [{ name: META_SHEET_NAME, values: meta.read(meta.usedRect()!) }] });
    expect([...owned.entries()]).toEqual([["客户分级名册", "roster"], ["数据问题", "problems"]]);
    expect(result.tabs.map((t) => t.name)).toEqual(["客户分级名册", "数据问题"]);
    expect(progress[progress.length - 1]).toEqual({ phase: "done", fraction: 1 });
    expect(xl.state.active?.name).toBe("客户分级名册");
    // Every call was mirrored by real office.js, which measured the requests.
    expect(xl.meter.misses).toEqual([]);
  });

  test("a small plan takes a constant number of syncs, with calculation suspended", async () => {
    const xl = register();
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(50), problemsTab(5)]), noWait));
    // look, lock and prepare, values with the lock check, the tabs' commit with their formats, record and freeze
    expect(xl.stats.syncs).toBe(5);
    expect(xl.stats.suspendCalculation).toBe(4); // every batch that writes many cells
    expect(xl.stats.suspendScreenUpdating).toBe(1);
  });

  test("a run that saw the metadata sheet when it read looks in one sync; one that finds it gone since, in two, as a first run", async () => {
    const xl = register();
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(50), problemsTab(5)]), noWait));
    const syncs = async (metaSheetSeen: boolean): Promise<number> => {
      xl.stats = new FakeStats();
      await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(60), problemsTab(5)]), { ...noWait, metaSheetSeen }));
      return xl.stats.syncs;
    };
    const two = await syncs(false);
    expect(await syncs(true)).toBe(two - 1);
    // Gone since it was read (a user deleted it): the tabs are no longer known as ours, and are not touched.
    const ctx = xl.context();
    const meta = ctx.workbook.worksheets.getItem(META_SHEET_NAME);
    meta.visibility = "Hidden";
    meta.delete();
    await ctx.sync();
    await xl.run((c) => writePlan(c, planOf([rosterTab(60), problemsTab(5)]), { ...noWait, metaSheetSeen: true }));
    expect(xl.sheetNames()).toEqual(["客户状况登记表", "客户分级名册", "数据问题", META_SHEET_NAME, "客户分级名册 (2)", "数据问题 (2)"]);
  });

  test("text stays text: formulas, numeric text and leading + are written as text", async () => {
    const xl = register();
    const names = ['=HYPERLINK("http://x")', "+86 138 0000 0000", "00123", "-5", "=1+1"];
    const tab = rosterTab(names.length, "客户分级名册", (i) => names[i]);
    tab.rows[0][2] = "=SUM(A1:A9)";
    await xl.run((ctx) => writePlan(ctx, planOf([tab]), noWait));
    const s = xl.sheet("客户分级名册");
    expect(column(s, 1).slice(1)).toEqual(names);
    expect(s.formulas.size).toBe(0);
    expect(s.valueAt(1, 2)).toBe("=SUM(A1:A9)");
    expect(s.formatAt(100000, 1)).toBe("@");
  });

  test("colours whole blocks: no per-cell format calls, one call per merged block and property", async () => {
    const xl = register();
    const tab = rosterTab(1000);
    tab.styles = Array.from({ length: 1000 }, (_, i) => ({ role: i < 400 ? "tierA" : "tierB", row: i, rows: 1, col: 0, cols: 3 }) as const);
    tab.styles.push(...Array.from({ length: 1000 }, (_, i) => ({ role: i % 2 ? "maintain" : "improve", row: i, rows: 1, col: 2, cols: 1 }) as const));
    await xl.run((ctx) => writePlan(ctx, planOf([tab]), noWait));
    expect(xl.stats.perCellFormatCalls()).toBe(0);
    const fills = xl.stats.formatCalls.filter((c) => c.prop === "fill");
    expect(fills.filter((c) => c.cols === 3 && c.row > 0)).toEqual([
      expect.objectContaining({ row: 1, rows: 400 }),
      expect.objectContaining({ row: 401, rows: 600 }),
    ]);
    // The verdict cells alternate, so each is its own block: single cells, but none a larger block could replace.
    expect(fills.filter((c) => c.cols === 1)).toHaveLength(1000);
    expect(xl.sheet("客户分级名册").layerAt(3, 2, "fill")).toBe("#FFEB9C");
  });

  test("a second run rewrites only our tabs; the user's tab of the planned name is never touched", async () => {
    const xl = register();
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(5), problemsTab(2)]), noWait));
    const ctx = xl.context();
    ctx.workbook.worksheets.add("Tier Roster").getRange("A1:B1").values = [["mine", "keep"]];
    await ctx.sync();
    const second = planOf([rosterTab(3, "Tier Roster"), problemsTab(1)], "2026-11-24T09:00:00.000Z");
    const result = await xl.run((c) => writePlan(c, second, { ...noWait, tag: "t2" }));
    // Our roster stays the sheet it was (rewritten in place) since the planned name is the user's.
    expect(result.renamed).toEqual([{ id: "roster", planned: "Tier Roster", written: "客户分级名册", reason: "userSheet" }]);
    expect(xl.sheet("Tier Roster").read({ row: 0, col: 0, rows: 1, cols: 2 })).toEqual([["mine", "keep"]]);
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(4);
    expect(xl.sheet("数据问题").usedRect()?.rows).toBe(2);
    expect(xl.state.table("TierRoster")?.sheet.name).toBe("客户分级名册");
    const meta = xl.sheet(META_SHEET_NAME);
    expect(meta.read(meta.usedRect()!)[0][5]).toBe("2026-11-24T09:00:00.000Z");
    expect(xl.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
  });

  test("a name Excel refuses (History is reserved) is written under a free variant, and replaced next run", async () => {
    const xl = register();
    const tab = problemsTab(2, "History");
    tab.id = "history";
    const first = await xl.run((ctx) => writePlan(ctx, planOf([tab]), noWait));
    expect(first.renamed).toEqual([{ id: "history", planned: "History", written: "History (2)", reason: "invalidName" }]);
    await xl.run((ctx) => writePlan(ctx, planOf([tab]), { ...noWait, tag: "t2" }));
    expect(xl.sheetNames()).toEqual(["客户状况登记表", META_SHEET_NAME, "History (2)"]);
  });

  test("a table of the same name on a user's sheet keeps its name; ours takes another", async () => {
    const xl = createFakeExcel([{ name: "Mine", values: [["a", "b"], [1, 2]] }]);
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Mine").tables.add("A1:B2", true).name = "TierRoster";
    await ctx.sync();
    await xl.run((c) => writePlan(c, planOf([rosterTab(3)]), noWait));
    expect(xl.state.table("TierRoster")?.sheet.name).toBe("Mine");
    expect(xl.state.table("TierRoster_2")?.sheet.name).toBe("客户分级名册");
  });

  test("a failure halfway leaves the previous outputs intact and no temporary sheets", async () => {
    const xl = register();
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(20), problemsTab(4)]), noWait));
    const before = xl.sheetNames();
    const rosterBefore = xl.sheet("客户分级名册").read({ row: 0, col: 0, rows: 21, cols: 3 });
    let values = 0;
    xl.faults.failCommand = (op) => op === "setValues" && ++values === 3;
    await expect(xl.run((ctx) => writePlan(ctx, planOf([rosterTab(30_000), problemsTab(30_000)]), { ...noWait, tag: "t2", budgetBytes: 400_000 }))).rejects.toBeInstanceOf(FakeExcelError);
    xl.faults.failCommand = undefined;
    expect(xl.sheetNames()).toEqual(before);
    expect(xl.sheet("客户分级名册").read({ row: 0, col: 0, rows: 21, cols: 3 })).toEqual(rosterBefore);
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(21);
    expect(xl.state.table("TierRoster")?.sheet.name).toBe("客户分级名册");
  });

  test("tabs are built in hidden temporary sheets and shown only at the swap", async () => {
    const xl = register();
    const seen: string[][] = [];
    xl.faults.failCommand = (op) => {
      if (op === "addTable") seen.push(xl.state.sheets.filter((s) => s.name.startsWith("~")).map((s) => s.visibility));
      return false;
    };
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(5), problemsTab(2)]), noWait));
    expect(seen).toEqual([["Hidden", "Hidden"], ["Hidden", "Hidden"]]);
    expect(xl.sheet("客户分级名册").visibility).toBe("Visible");
    expect(xl.sheet("数据问题").visibility).toBe("Visible");
  });

  test("cell-edit mode: the user is told, the batch is retried and the write completes", async () => {
    const xl = register();
    xl.faults.cellEditModeSyncs = 2;
    const notices: AdapterNotice[] = [];
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(10)]), { ...noWait, onNotice: (n) => notices.push(n) }));
    expect(notices.map((n) => n.kind)).toEqual(["cellEditMode", "cellEditMode"]);
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(11);
  });

  test("cell-edit mode that never ends gives up with Excel's error and leaves no temporary sheet", async () => {
    const xl = register();
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(10)]), noWait));
    xl.faults.cellEditModeSyncs = 3;
    let failed: unknown;
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(12)]), { ...noWait, tag: "t3", attempts: 2 })).catch((e: unknown) => (failed = e));
    expect((failed as FakeExcelError).code).toBe("InvalidOperationInCellEditMode");
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(11);
  });

  test("a request refused as too large is sent again with half the rows", async () => {
    const xl = register();
    xl.payloadLimit = 300_000;
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(20_000)]), { ...noWait, budgetBytes: 2_000_000 }));
    const s = xl.sheet("客户分级名册");
    expect(s.usedRect()?.rows).toBe(20_001);
    expect(s.valueAt(20_000, 0)).toBe("C20000");
    const refused = xl.stats.requestBytes.filter((b) => b > 300_000);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(xl.stats.requestBytes.filter((b) => b <= 300_000).length).toBeGreaterThan(5);
  });

  test("values go in byte-budgeted chunks of thousands of rows, every request under the budget's ceiling", async () => {
    const xl = register();
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(60_000), problemsTab(20_000)]), noWait));
    expect(xl.stats.maxRequestBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(xl.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const valueSyncs = xl.stats.syncs - 4;
    const rowsPerSync = 80_000 / valueSyncs;
    expect(rowsPerSync).toBeGreaterThanOrEqual(5_000);
    const written = await xl.run((ctx) => readWorkbook(ctx));
    expect(written.sheets.find((s) => s.name === "数据问题")?.values).toHaveLength(20_001);
  });

  test("a tab longer than a sheet is refused before anything is written", async () => {
    const xl = register();
    const tab = problemsTab(0);
    tab.rows = new Array<(typeof tab.rows)[number]>(1_048_576);
    await expect(xl.run((ctx) => writePlan(ctx, planOf([tab]), noWait))).rejects.toThrow('"数据问题" has 1048576 data rows and a header, more than the 1048576 rows');
    expect(xl.stats.syncs).toBe(0);
    expect(xl.sheetNames()).toEqual(["客户状况登记表"]);
  });

  test("a format batch that adds a chart is not sent again after Excel's generic error (the commands before the failure stand)", async () => {
    const xl = register();
    const tab = problemsTab(5);
    tab.id = "kpi";
    tab.chart = { kind: "column", title: "等级分布", firstRow: 0, rows: 4, labelCol: 0, valueCol: 2 };
    // A real failure after the chart was added, in the same batch: a resend would add the chart twice.
    let failed = false;
    xl.faults.failCommand = (op) => {
      if (op !== "setChartTitle" || failed) return false;
      failed = true;
      return true;
    };
    await expect(xl.run((ctx) => writePlan(ctx, planOf([tab]), noWait))).rejects.toThrow("Injected failure at setChartTitle");
    expect(xl.sheet("数据问题").charts).toHaveLength(1);
  });

  test("a chart plan becomes a chart of the value column with the labels on the x axis", async () => {
    const xl = register();
    const tab = problemsTab(5);
    tab.id = "kpi";
    tab.chart = { kind: "column", title: "等级分布", firstRow: 0, rows: 4, labelCol: 0, valueCol: 2 };
    await xl.run((ctx) => writePlan(ctx, planOf([tab]), noWait));
    const [chart] = xl.sheet("数据问题").charts;
    expect(chart).toMatchObject({ type: "ColumnClustered", title: "等级分布", source: { row: 1, col: 2, rows: 4, cols: 1 }, xValues: { row: 1, col: 0, rows: 4, cols: 1 } });
  });
});
