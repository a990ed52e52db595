import { toCellRow } from "../../src/office/cell-values";
import { rowBytes, rowsWithinBudget, utf8Length } from "../../src/office/payload";
import { freeSheetName, freeTableName, isValidSheetName } from "../../src/office/sheet-names";
import { mergeBlocks } from "../../src/office/style-merge";
import { kindOfValueType } from "../../src/office/value-kinds";
import { widthInPoints } from "../../src/office/decorate-tab";
import { column } from "./plans";

describe("adapter parts", () => {
  test("mergeBlocks joins touching blocks of one role into rectangles, widest first", () => {
    const merged = mergeBlocks([
      { role: "tierA", row: 0, rows: 2, col: 0, cols: 5 },
      { role: "tierA", row: 2, rows: 3, col: 0, cols: 5 },
      { role: "tierB", row: 5, rows: 1, col: 0, cols: 5 },
      { role: "maintain", row: 0, rows: 1, col: 3, cols: 1 },
      { role: "maintain", row: 1, rows: 1, col: 3, cols: 1 },
      { role: "end", row: 0, rows: 1, col: 6, cols: 1 },
      { role: "end", row: 0, rows: 1, col: 7, cols: 1 },
      { role: "end", row: 4, rows: 0, col: 7, cols: 1 },
    ]);
    expect(merged).toEqual([
      { role: "tierA", row: 0, rows: 5, col: 0, cols: 5 },
      { role: "tierB", row: 5, rows: 1, col: 0, cols: 5 },
      { role: "end", row: 0, rows: 1, col: 6, cols: 2 },
      { role: "maintain", row: 0, rows: 2, col: 3, cols: 1 },
    ]);
  });

  test("toCellRow: empty cells, text columns as is, formula-like text elsewhere prefixed", () => {
    const cols = [column("a", "A"), column("b", "B", "number"), column("c", "C", "number")];
    expect(toCellRow(["=x", "=y", null], cols)).toEqual(["=x", "'=y", ""]);
    expect(toCellRow(["+1", 5, "-"], cols)).toEqual(["+1", 5, "'-"]);
  });

  test("payload estimates count UTF-8 bytes and budgets always take at least one row", () => {
    expect(utf8Length("a客😀")).toBe(1 + 3 + 4);
    expect(rowBytes(["客", 1])).toBe(JSON.stringify(["客", 1]).length + 2 + 1);
    expect(rowsWithinBudget([10, 10, 10, 10], 1, 25)).toBe(2);
    expect(rowsWithinBudget([100, 10], 0, 25)).toBe(1);
    expect(rowsWithinBudget([10], 1, 25)).toBe(0);
  });

  test("sheet and table names", () => {
    expect(isValidSheetName("客户分级名册")).toBe(true);
    expect(isValidSheetName("History")).toBe(false);
    expect(isValidSheetName("a/b")).toBe(false);
    const taken = new Set(["tier roster", "tier roster (2)"]);
    expect(freeSheetName("Tier Roster", (n) => taken.has(n.toLowerCase()))).toBe("Tier Roster (3)");
    expect(freeSheetName("x".repeat(31), (n) => n.length === 31 && !n.endsWith(")"))).toBe(`${"x".repeat(27)} (2)`);
    expect(freeSheetName("History", () => false)).toBe("History (2)");
    expect(freeTableName("TierRoster", (n) => n === "TierRoster")).toBe("TierRoster_2");
  });

  test("value types map to cell kinds; widths convert characters to points", () => {
    expect(["Empty", "String", "Double", "Integer", "Boolean", "Error", "RichValue"].map((t) => kindOfValueType(t as "Empty"))).toEqual(["empty", "text", "number", "number", "boolean", "error", "text"]);
    expect(widthInPoints(10)).toBe(56.25);
  });
});
