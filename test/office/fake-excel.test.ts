import { createFakeExcel, FakeExcelError } from "./fake-excel";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof FakeExcelError ? e.code : `not an Excel error: ${String(e)}`;
  }
  return "no error";
}

function codeOfSync(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof FakeExcelError ? e.code : `not an Excel error: ${String(e)}`;
  }
  return "no error";
}

describe("the fake Excel behaves like the documented API", () => {
  test("properties throw PropertyNotLoaded until loaded and synced", async () => {
    const xl = createFakeExcel([{ name: "S", values: [["a", 1]] }]);
    const ctx = xl.context();
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
    expect(codeOfSync(() => r.values)).toBe("PropertyNotLoaded");
    r.load("values");
    expect(codeOfSync(() => r.values)).toBe("PropertyNotLoaded");
    await ctx.sync();
    expect(r.values).toEqual([["a", 1]]);
    expect(codeOfSync(() => r.valueTypes)).toBe("PropertyNotLoaded");
    expect(codeOfSync(() => ctx.workbook.worksheets.items)).toBe("PropertyNotLoaded");
  });

  test("commands run at sync, in order, not before", async () => {
    const xl = createFakeExcel([{ name: "S", values: [] }]);
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
    expect(xl.sheet("S").valueAt(0, 0)).toBe("");
    await ctx.sync();
    expect(xl.sheet("S").valueAt(0, 0)).toBe("x");
  });

  test("values of the wrong shape are refused with InvalidArgument", async () => {
    const xl = createFakeExcel([{ name: "S", values: [] }]);
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("S").getRange("A1:B2").values = [["a", "b"]];
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["a", "b", "c"]];
    expect(await codeOf(ctx2.sync())).toBe("InvalidArgument");
  });

  test("sheet names follow Excel's rules", async () => {
    const xl = createFakeExcel([{ name: "Data", values: [] }]);
    for (const bad of ["", "   ", "a".repeat(32), "a/b", "a[1]", "x:y", "q?", "star*", "back\\slash", "DATA", "History", "'quoted'"]) {
      const ctx = xl.context();
      ctx.workbook.worksheets.add(bad);
      expect([bad, await codeOf(ctx.sync())]).toEqual([bad, bad === "DATA" ? "ItemAlreadyExists" : "InvalidArgument"]);
    }
    const ctx = xl.context();
    ctx.workbook.worksheets.add("a".repeat(31));
    const ws = ctx.workbook.worksheets.getItem("Data");
    ws.name = "数据 (2)";
    await ctx.sync();
    expect(xl.sheetNames()).toEqual(["数据 (2)", "a".repeat(31)]);
  });

  test("getItemOrNullObject gives a null object, known after sync", async () => {
    const xl = createFakeExcel([{ name: "S", values: [] }]);
    const ctx = xl.context();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("nope");
    const there = ctx.workbook.worksheets.getItemOrNullObject("s");
    expect(codeOfSync(() => missing.isNullObject)).toBe("PropertyNotLoaded");
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(there.isNullObject).toBe(false);
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem("nope");
    expect(await codeOf(ctx2.sync())).toBe("ItemNotFound");
  });

  test("strings starting with = become formulas unless the cell is Text; numeric text becomes a number", async () => {
    const xl = createFakeExcel([{ name: "S", values: [] }]);
    const ctx = xl.context();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("B:B").numberFormat = "@";
    ws.getRange("A1:C1").values = [['=HYPERLINK("http://x")', '=HYPERLINK("http://x")', "'=1+1"]];
    ws.getRange("A2:B2").values = [["00123", "00123"]];
    await ctx.sync();
    const s = xl.sheet("S");
    expect(s.formulaAt(0, 0)).toBe('=HYPERLINK("http://x")');
    expect(s.formulaAt(0, 1)).toBeUndefined();
    expect(s.valueAt(0, 1)).toBe('=HYPERLINK("http://x")');
    expect(s.valueAt(0, 2)).toBe("=1+1");
    expect(s.formulaAt(0, 2)).toBeUndefined();
    expect(s.valueAt(1, 0)).toBe(123);
    expect(s.valueAt(1, 1)).toBe("00123");
  });

  test("value types, used range and number formats are reported like Excel's", async () => {
    const xl = createFakeExcel([{ name: "S", top: 2, left: 1, values: [["a", 1.5, true], ["#N/A", null, 3]], formats: [[null, "0%", null]] }]);
    const ctx = xl.context();
    const used = ctx.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true).load("address,rowIndex,columnIndex,values,valueTypes,numberFormat");
    const empty = ctx.workbook.worksheets.add("E").getUsedRangeOrNullObject(true);
    await ctx.sync();
    expect(used.address).toBe("S!B3:D4");
    expect([used.rowIndex, used.columnIndex]).toEqual([2, 1]);
    expect(used.values).toEqual([["a", 1.5, true], ["#N/A", "", 3]]);
    expect(used.valueTypes).toEqual([["String", "Double", "Boolean"], ["Error", "Empty", "Double"]]);
    expect(used.numberFormat).toEqual([["General", "0%", "General"], ["General", "General", "General"]]);
    expect(empty.isNullObject).toBe(true);
  });

  test("tables: names unique in the workbook, no overlap, gone with their sheet", async () => {
    const xl = createFakeExcel([{ name: "A", values: [["h1", "h2"], [1, 2]] }, { name: "B", values: [["h"], [1]] }]);
    const ctx = xl.context();
    const t = ctx.workbook.worksheets.getItem("A").tables.add("A1:B2", true);
    t.name = "Roster";
    await ctx.sync();
    expect(xl.state.table("roster")?.sheet.name).toBe("A");
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem("B").tables.add("A1:A2", true).name = "ROSTER";
    expect(await codeOf(ctx2.sync())).toBe("InvalidArgument");
    const ctx3 = xl.context();
    ctx3.workbook.worksheets.getItem("A").tables.add("B2:C3", true);
    expect(await codeOf(ctx3.sync())).toBe("InvalidOperation");
    const ctx4 = xl.context();
    ctx4.workbook.worksheets.getItem("A").tables.add("A1:A2", true);
    expect(await codeOf(ctx4.sync())).toBe("InvalidOperation");
    const ctx5 = xl.context();
    ctx5.workbook.tables.getItem("Roster").name = "1bad";
    expect(await codeOf(ctx5.sync())).toBe("InvalidArgument");
    const ctx6 = xl.context();
    ctx6.workbook.worksheets.getItem("A").delete();
    await ctx6.sync();
    expect(xl.state.table("Roster")).toBeUndefined();
  });

  test("visibility, delete, freeze panes, fills, widths", async () => {
    const xl = createFakeExcel([{ name: "A", values: [] }, { name: "B", values: [] }]);
    const ctx = xl.context();
    const a = ctx.workbook.worksheets.getItem("A");
    a.freezePanes.freezeRows(1);
    a.visibility = "VeryHidden";
    const r = ctx.workbook.worksheets.getItem("B").getRangeByIndexes(1, 0, 3, 2);
    r.format.fill.color = "#C6EFCE";
    r.getEntireColumn().format.columnWidth = 80;
    await ctx.sync();
    expect(xl.sheet("A").visibility).toBe("VeryHidden");
    expect(xl.sheet("A").frozenRows).toBe(1);
    expect(xl.sheet("B").layerAt(3, 1, "fill")).toBe("#C6EFCE");
    expect(xl.sheet("B").layerAt(4, 1, "fill")).toBeUndefined();
    expect(xl.sheet("B").columnWidths.get(1)).toBe(80);
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem("B").visibility = "Hidden";
    expect(await codeOf(ctx2.sync())).toBe("InvalidOperation");
    const ctx3 = xl.context();
    ctx3.workbook.worksheets.getItem("B").delete();
    expect(await codeOf(ctx3.sync())).toBe("InvalidOperation");
    const ctx5 = xl.context();
    ctx5.workbook.worksheets.getItem("A").freezePanes.freezeRows(2);
    expect(await codeOf(ctx5.sync())).toBe("InvalidOperation");
    // Excel refuses to delete a very hidden sheet (InvalidOperation); hidden first, it goes.
    const ctx6 = xl.context();
    ctx6.workbook.worksheets.getItem("A").delete();
    expect(await codeOf(ctx6.sync())).toBe("InvalidOperation");
    const ctx4 = xl.context();
    ctx4.workbook.worksheets.getItem("A").visibility = "Hidden";
    ctx4.workbook.worksheets.getItem("A").delete();
    await ctx4.sync();
    expect(xl.sheetNames()).toEqual(["B"]);
  });

  test("a request over 5 MB is refused whole; counters record syncs, calls and bytes", async () => {
    const xl = createFakeExcel([{ name: "S", values: [] }]);
    const ctx = xl.context();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [["first"]];
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(90)]);
    ws.getRange(`A2:A${big.length + 1}`).values = big;
    expect(await codeOf(ctx.sync())).toBe("RequestPayloadSizeLimitExceeded");
    expect(xl.sheet("S").valueAt(0, 0)).toBe("");
    expect(xl.stats.syncs).toBe(1);
    expect(xl.stats.calls).toBe(3); // getItem and two value writes
    expect(xl.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem("S").getRange("A1").values = [["ok"]];
    await ctx2.sync();
    expect(xl.stats.requestBytes[1]).toBeLessThan(200);
  });

  test("a large read is refused when the response is over 5 MB", async () => {
    const xl = createFakeExcel([{ name: "S", values: Array.from({ length: 60_000 }, () => ["y".repeat(90)]) }]);
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true).load("values");
    expect(await codeOf(ctx.sync())).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("loaded values are not published when the batch fails", async () => {
    const xl = createFakeExcel([{ name: "S", values: [["v"]] }]);
    const ctx = xl.context();
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
    ctx.workbook.worksheets.getItem("missing");
    expect(await codeOf(ctx.sync())).toBe("ItemNotFound");
    expect(codeOfSync(() => r.values)).toBe("PropertyNotLoaded");
  });

  test("cell-edit mode and injected failures", async () => {
    const xl = createFakeExcel([{ name: "S", values: [] }]);
    xl.faults.cellEditModeSyncs = 1;
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
    expect(await codeOf(ctx.sync())).toBe("InvalidOperationInCellEditMode");
    expect(xl.sheet("S").valueAt(0, 0)).toBe("");
    xl.faults.failCommand = (op) => op === "setName";
    const ctx2 = xl.context();
    const ws = ctx2.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [["y"]];
    ws.name = "T";
    expect(await codeOf(ctx2.sync())).toBe("GeneralException");
    expect(xl.sheet("S").valueAt(0, 0)).toBe("y");
  });

  test("per-cell format calls are counted only where a larger block would do", async () => {
    const xl = createFakeExcel([{ name: "S", values: [] }]);
    const ctx = xl.context();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRangeByIndexes(0, 0, 1, 1).format.fill.color = "#111111";
    ws.getRangeByIndexes(1, 0, 1, 1).format.fill.color = "#111111";
    ws.getRangeByIndexes(5, 5, 1, 1).format.fill.color = "#222222";
    ws.getRangeByIndexes(10, 0, 4, 1).format.fill.color = "#333333";
    ws.getRangeByIndexes(14, 0, 1, 1).format.fill.color = "#333333";
    ws.getRangeByIndexes(20, 0, 10, 3).format.fill.color = "#444444";
    await ctx.sync();
    expect(xl.stats.formatCalls).toHaveLength(6);
    expect(xl.stats.perCellFormatCalls()).toBe(3);
  });

  test("formulas refer to a sheet, not its name: renamed is followed, deleted is #REF! for good", async () => {
    const xl = createFakeExcel([{ name: "Data", values: [["t"], ["A"], ["B"], ["A"]] }, { name: "Mine", values: [] }]);
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Mine").getRange("A1:B1").values = [['=COUNTIF(Data!A:A,"A")', "=COUNTA('Data'!A1:A3)"]];
    await ctx.sync();
    const mine = xl.sheet("Mine");
    expect([mine.valueAt(0, 0), mine.valueAt(0, 1)]).toEqual([2, 3]);
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem("Data").name = "Renamed data";
    await ctx2.sync();
    expect(mine.formulaAt(0, 0)).toBe("=COUNTIF('Renamed data'!A:A,\"A\")");
    expect(mine.valueAt(0, 0)).toBe(2);
    const ctx3 = xl.context();
    ctx3.workbook.worksheets.getItem("Renamed data").delete();
    ctx3.workbook.worksheets.add("Data").getRange("A1:A3").values = [["A"], ["A"], ["A"]];
    const used = ctx3.workbook.worksheets.getItem("Mine").getRange("A1").load("values,valueTypes");
    await ctx3.sync();
    expect([used.values, used.valueTypes]).toEqual([[["#REF!"]], [["Error"]]]);
  });

  test("inserting or deleting cells inside a table grows or shrinks it; shifting part of a table is refused", async () => {
    const xl = createFakeExcel([{ name: "S", values: [["h1", "h2", "x"], [1, 2, "a"], [3, 4, "b"], [5, 6, "c"]] }]);
    const ctx = xl.context();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.tables.add("A1:B4", true).name = "T";
    ws.getRangeByIndexes(3, 0, 2, 2).insert("Down");
    await ctx.sync();
    expect(xl.state.table("T")?.rect).toEqual({ row: 0, col: 0, rows: 6, cols: 2 });
    const s = xl.sheet("S");
    expect(s.read({ row: 3, col: 0, rows: 3, cols: 3 })).toEqual([["", "", "c"], ["", "", ""], [5, 6, ""]]);
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem("S").getRangeByIndexes(2, 0, 3, 2).delete("Up");
    await ctx2.sync();
    expect(xl.state.table("T")?.rect.rows).toBe(3);
    expect(s.read({ row: 0, col: 0, rows: 3, cols: 2 })).toEqual([["h1", "h2"], [1, 2], [5, 6]]);
    const ctx3 = xl.context();
    ctx3.workbook.worksheets.getItem("S").getRangeByIndexes(1, 1, 1, 2).insert("Down");
    expect(await codeOf(ctx3.sync())).toBe("InvalidOperation");
    const ctx4 = xl.context();
    ctx4.workbook.worksheets.getItem("S").getRangeByIndexes(1, 0, 2, 2).delete("Up");
    expect(await codeOf(ctx4.sync())).toBe("InvalidOperation");
  });

  test("copyFrom copies the values shown, text stays text; a protected structure refuses sheet changes", async () => {
    const xl = createFakeExcel([{ name: "Src", values: [] }, { name: "Dst", values: [] }]);
    const ctx = xl.context();
    const src = ctx.workbook.worksheets.getItem("Src");
    src.getRange("A:A").numberFormat = "@";
    src.getRange("A1:B1").values = [["=HYPERLINK(1)", "00123"]];
    ctx.workbook.worksheets.getItem("Dst").getRange("C3:D3").copyFrom("'Src'!A1:B1", "Values");
    await ctx.sync();
    const dst = xl.sheet("Dst");
    expect(dst.read({ row: 2, col: 2, rows: 1, cols: 2 })).toEqual([["=HYPERLINK(1)", 123]]);
    expect(dst.formulas.size).toBe(0);
    const locked = createFakeExcel([{ name: "S", values: [] }], { structureProtected: true });
    for (const change of [(c: ReturnType<typeof locked.context>) => c.workbook.worksheets.add("N"), (c: ReturnType<typeof locked.context>) => (c.workbook.worksheets.getItem("S").name = "T")]) {
      const c = locked.context();
      change(c);
      expect(await codeOf(c.sync())).toBe("AccessDenied");
    }
    const c = locked.context();
    const p = c.workbook.protection.load("protected");
    await c.sync();
    expect(p.protected).toBe(true);
  });

  test("COUNTA counts what is not empty: a formula giving \"\" and a lone apostrophe count, an empty cell does not; value types agree", async () => {
    const xl = createFakeExcel([{ name: "S", values: [["a", null, 3, null]] }]);
    const ctx = xl.context();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("B1").values = [['=""']];
    ws.getRange("A2").values = [["'"]];
    const all = ctx.workbook.functions.countA(ws.getRange("A1:D2")).load("value,error");
    const row = ws.getRange("A1:D2").load("values,valueTypes");
    await ctx.sync();
    expect(all.value).toBe(4);
    expect(all.error).toBeNull();
    expect(row.values).toEqual([["a", "", 3, ""], ["", "", "", ""]]);
    expect(row.valueTypes).toEqual([["String", "String", "Double", "Empty"], ["String", "Empty", "Empty", "Empty"]]);
    const ctx2 = xl.context();
    const r = ctx2.workbook.functions.countA(ctx2.workbook.worksheets.getItem("S").getRange("D1:D2"));
    expect(() => r.value).toThrow();
    r.load("value");
    await ctx2.sync();
    expect(r.value).toBe(0);
  });

  test("getRanges colours every area in one command; an address over 255 characters is refused", async () => {
    const xl = createFakeExcel([{ name: "S", values: [] }]);
    const ctx = xl.context();
    const areas = ctx.workbook.worksheets.getItem("S").getRanges("A2:C3,E5");
    areas.format.fill.color = "#C6EFCE";
    const calls = xl.stats.calls;
    areas.format.font.color = "#006100";
    expect(xl.stats.calls).toBe(calls + 1);
    await ctx.sync();
    const s = xl.sheet("S");
    expect([s.layerAt(1, 0, "fill"), s.layerAt(2, 2, "fill"), s.layerAt(4, 4, "font"), s.layerAt(3, 3, "fill")]).toEqual(["#C6EFCE", "#C6EFCE", "#006100", undefined]);
    const long = Array.from({ length: 40 }, (_, i) => `A${i * 3 + 1}:B${i * 3 + 2}`).join(",");
    expect(long.length).toBeGreaterThan(255);
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem("S").getRanges(long).format.fill.color = "#FFFFFF";
    expect(await codeOf(ctx2.sync())).toBe("InvalidArgument");
  });
});
