import { readWorkbook } from "../../src/office/read-workbook";
import { selectCell } from "../../src/office/select-cell";
import { a1, kindAt } from "../../src/core/workbook/grid";
import { createFakeExcel } from "./fake-excel";

describe("readWorkbook on the fake Excel", () => {
  test("reads every sheet's used range with kinds, formats and position in three syncs", async () => {
    const xl = createFakeExcel([
      { name: "客户状况登记表", top: 2, left: 1, values: [["客户编号", "日均存款", "满意度", "未结投诉"], [1001, 1200000, "85%", true], ["C2", "#N/A", 0.85, null]], formats: [[], [null, "#,##0", null], [null, null, "0%"]] },
      { name: "Empty", values: [] },
      { name: "Hidden", values: [["x"]], visibility: "VeryHidden" },
    ]);
    const wb = await xl.run((ctx) => readWorkbook(ctx));
    expect(xl.stats.syncs).toBe(3);
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([["客户状况登记表", false], ["Empty", false], ["Hidden", true]]);
    const reg = wb.sheets[0];
    expect([reg.top, reg.left]).toEqual([2, 1]);
    expect(reg.values[1]).toEqual([1001, 1200000, "85%", true]);
    expect(reg.values[2][3]).toBeNull();
    expect(kindAt(reg, 2, 1)).toBe("error");
    expect(kindAt(reg, 2, 3)).toBe("empty");
    expect(kindAt(reg, 1, 3)).toBe("boolean");
    expect(kindAt(reg, 1, 0)).toBe("number");
    expect(reg.formats?.[2][2]).toBe("0%");
    expect(reg.formats?.[1][1]).toBe("#,##0");
    expect(a1(reg, 2, 1)).toBe("C5");
    expect(wb.sheets[1].values).toEqual([]);
  });

  test("a large sheet is read in slices that keep each response under 5 MB", async () => {
    const values = Array.from({ length: 30_000 }, (_, i) => [`客户名称很长的一家公司${i}`, i, "良好", "每月", "华东区"]);
    const xl = createFakeExcel([{ name: "Customers", values }]);
    const wb = await xl.run((ctx) => readWorkbook(ctx, {}, 40_000));
    expect(xl.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(xl.stats.syncs).toBe(2 + Math.ceil((30_000 * 5) / 40_000));
    expect(wb.sheets[0].values).toHaveLength(30_000);
    expect(wb.sheets[0].values[29_999]).toEqual(values[29_999]);
  });
});

test("a response Excel refuses as too large is asked for again in halves", async () => {
  const values = Array.from({ length: 4_000 }, (_, i) => [`很长的客户名称与地址描述文字重复多次以占用字节${i}`.repeat(3), i]);
  const xl = createFakeExcel([{ name: "长文本", values }, { name: "Other", values: [["a"]] }]);
  xl.payloadLimit = 400_000;
  const wb = await xl.run((ctx) => readWorkbook(ctx));
  expect(xl.stats.responseBytes.filter((b) => b > 400_000).length).toBeGreaterThanOrEqual(1);
  expect(wb.sheets[0].values).toEqual(values);
  expect(wb.sheets[1].values).toEqual([["a"]]);
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell", async () => {
    const xl = createFakeExcel([{ name: "A", values: [] }, { name: "客户状况登记表", values: [["x"]] }]);
    expect(await xl.run((ctx) => selectCell(ctx, "客户状况登记表", "F12"))).toBe(true);
    expect(xl.state.active?.name).toBe("客户状况登记表");
    expect(xl.state.selection?.rect).toEqual({ row: 11, col: 5, rows: 1, cols: 1 });
  });

  test("a sheet that is gone gives false, not an error", async () => {
    const xl = createFakeExcel([{ name: "A", values: [] }]);
    expect(await xl.run((ctx) => selectCell(ctx, "Gone", "A1"))).toBe(false);
    expect(await xl.run((ctx) => selectCell(ctx, "A", "not an address"))).toBe(false);
  });
});
