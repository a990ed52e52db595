import type { CellKind, RawValue, SheetGrid } from "../workbook/grid";
import { isBlankRow, isTotalRow } from "./row-kinds";

const grid = (values: RawValue[][], kinds?: CellKind[][]): SheetGrid => ({ name: "S", values, kinds });

describe("blank rows are skipped", () => {
  it("treats a row of nulls and empty strings as blank", () => {
    expect(isBlankRow(grid([[null, "", null]]), 0)).toBe(true);
  });
  it("treats a row of spaces (incl. U+3000 and NBSP) as blank", () => {
    expect(isBlankRow(grid([[" ", "\u3000", "\u00A0\t"]]), 0)).toBe(true);
  });
  it("treats an empty row array and a row past the end as blank", () => {
    expect(isBlankRow(grid([[]]), 0)).toBe(true);
    expect(isBlankRow(grid([["a"]]), 5)).toBe(true);
  });
  it.each([
    ["text", ["", "x"]],
    ["a zero", [0, null]],
    ["FALSE", [null, false]],
    ["an error", ["#N/A"]],
  ] as const)("does not treat a row holding %s as blank", (_label, row) => {
    expect(isBlankRow(grid([[...row]]), 0)).toBe(false);
  });
  it("trusts the source's kinds: an error cell is not blank", () => {
    expect(isBlankRow(grid([["#N/A"]], [["error"]]), 0)).toBe(false);
  });
});

describe("a trailing row whose first text cell is 合计 / 总计 / 小计 / Total is not a customer", () => {
  it.each(["合计", "总计", "小计", "Total", "TOTAL", "total:", "合 计", "合\u3000计：", "Ｔｏｔａｌ", "Subtotal", "Grand Total"])(
    "reads a row starting with %s as a total row",
    (label) => {
      expect(isTotalRow(grid([[label, 1200, 300]]), 0)).toBe(true);
    },
  );
  it("skips empty cells and numbers before the first text cell", () => {
    expect(isTotalRow(grid([[null, 12, "", "合计", 1200]]), 0)).toBe(true);
  });
  it("decides by the first text cell only", () => {
    expect(isTotalRow(grid([["C001", "合计"]]), 0)).toBe(false);
  });
  it.each(["合计公司", "Total Co.", "总计划部", "C001"])("reads a customer row starting with %s as no total", (text) => {
    expect(isTotalRow(grid([[text, 1]]), 0)).toBe(false);
  });
  it("reads a row without text as no total", () => {
    expect(isTotalRow(grid([[1, 2, null]]), 0)).toBe(false);
    expect(isTotalRow(grid([]), 0)).toBe(false);
  });
});
