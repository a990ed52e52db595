import fc from "fast-check";
import type { RawValue, SheetGrid } from "../workbook/grid";
import { registerFieldMatcher } from "./alias-matcher";
import { findHeaderRow } from "./header-row";

const grid = (values: RawValue[][]): SheetGrid => ({ name: "客户状况登记表", values });
const HEADER: RawValue[] = ["客户编号", "客户名称", "日均存款", "客户满意度"];
const DATA: RawValue[] = ["C001", "甲公司", 1200, 85];

describe("the header row is the first row naming at least two known columns", () => {
  it("finds a header in the first row", () => {
    const h = findHeaderRow(grid([HEADER, DATA]), registerFieldMatcher);
    expect(h?.row).toBe(0);
    expect([...(h?.columns ?? [])]).toEqual([["id", 0], ["name", 1], ["dailyDeposit", 2], ["satisfaction", 3]]);
    expect(h?.unmatched).toEqual([]);
  });
  it("takes a row with exactly two matches", () => {
    expect(findHeaderRow(grid([["客户编号", "备注", "客户名称"]]), registerFieldMatcher)?.row).toBe(0);
  });
  it("does not take a row with only one match", () => {
    expect(findHeaderRow(grid([["客户名称", "备注", "说明"]]), registerFieldMatcher)).toBeNull();
  });
  it("takes the first qualifying row when several qualify", () => {
    expect(findHeaderRow(grid([HEADER, HEADER]), registerFieldMatcher)?.row).toBe(0);
  });
  it("reads headers typed with full-width colons, spaces and other case", () => {
    const h = findHeaderRow(grid([["客户编号：", " Customer  Name ", "ＩＤ"]]), registerFieldMatcher);
    expect(h?.columns.get("id")).toBe(0);
    expect(h?.columns.get("name")).toBe(1);
  });
  it("finds English headers", () => {
    const h = findHeaderRow(grid([["Customer ID", "Customer Name", "Satisfaction"]]), registerFieldMatcher);
    expect(h?.columns.get("satisfaction")).toBe(2);
  });
  it("counts distinct fields: the same field twice is one match", () => {
    expect(findHeaderRow(grid([["电话", "电话", "x"]]), registerFieldMatcher)).toBeNull();
  });
  it("honours minMatches: 1 for sheets keyed by a single column", () => {
    const h = findHeaderRow(grid([["客户名称", "资金实力", "信用等级"]]), registerFieldMatcher, { minMatches: 1 });
    expect(h?.row).toBe(0);
    expect(h?.unmatched).toEqual([{ col: 1, text: "资金实力" }, { col: 2, text: "信用等级" }]);
  });
  it("gives null for an empty sheet", () => {
    expect(findHeaderRow(grid([]), registerFieldMatcher)).toBeNull();
  });
});

describe("title rows above the header are ignored", () => {
  it("skips a merged banner title 客户状况登记表", () => {
    const h = findHeaderRow(grid([["客户状况登记表", null, null, null], HEADER, DATA]), registerFieldMatcher);
    expect(h?.row).toBe(1);
  });
  it("skips a banner and a subtitle line with one header-like word", () => {
    const h = findHeaderRow(
      grid([["客户状况登记表"], ["编制单位：XX支行", null, "日期：2024-03-05"], HEADER]),
      registerFieldMatcher,
    );
    expect(h?.row).toBe(2);
  });
});

describe("blank rows are skipped and do not count toward the first 10", () => {
  it("finds the header after blank rows", () => {
    const h = findHeaderRow(grid([[], [null, ""], [" ", "\u3000"], HEADER]), registerFieldMatcher);
    expect(h?.row).toBe(3);
  });
  it("finds the header as the 10th non-empty row, even after many blank rows", () => {
    const rows: RawValue[][] = [];
    for (let i = 0; i < 9; i++) rows.push([`说明 ${i}`], [null], []);
    rows.push(HEADER);
    expect(findHeaderRow(grid(rows), registerFieldMatcher)?.row).toBe(rows.length - 1);
  });
  it("does not look past the 10th non-empty row", () => {
    const rows: RawValue[][] = [];
    for (let i = 0; i < 10; i++) rows.push([`说明 ${i}`]);
    rows.push(HEADER);
    expect(findHeaderRow(grid(rows), registerFieldMatcher)).toBeNull();
  });
  it("finds the header wherever it is among the first 10 non-empty rows", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), fc.integer({ min: 0, max: 12 }), (blanks, titles) => {
        // Interleave `titles` one-cell title rows with blank rows, then the header.
        const rows: RawValue[][] = [];
        let t = 0;
        for (const blank of blanks) {
          if (blank) rows.push([null, " "]);
          else if (t < titles) rows.push([`标题 ${t++}`]);
        }
        while (t < titles) rows.push([`标题 ${t++}`]);
        rows.push(HEADER, DATA);
        const h = findHeaderRow(grid(rows), registerFieldMatcher);
        if (titles < 10) expect(h?.row).toBe(rows.length - 2);
        else expect(h).toBeNull();
      }),
    );
  });
});

describe("columns of the header row", () => {
  it("keeps the first column when a field appears twice, and reports the later one", () => {
    const h = findHeaderRow(grid([["客户名称", "客户编号", "名称", "地址"]]), registerFieldMatcher);
    expect(h?.columns.get("name")).toBe(0);
    expect(h?.duplicates).toEqual([{ col: 2, text: "名称", field: "name" }]);
    expect(h?.unmatched).toEqual([]);
  });
  it("lists unmatched headers with their column and text as typed (trimmed)", () => {
    const h = findHeaderRow(grid([["客户编号", " 备注 ", null, "客户名称", 2024]]), registerFieldMatcher);
    expect(h?.unmatched).toEqual([{ col: 1, text: "备注" }, { col: 4, text: "2024" }]);
  });
  it("reads ragged rows without failing", () => {
    const h = findHeaderRow(grid([["客户状况登记表"], ["客户编号", "客户名称"]]), registerFieldMatcher);
    expect(h?.row).toBe(1);
  });
  it("skips error cells in the header row", () => {
    const h = findHeaderRow(grid([["客户编号", "#REF!", "客户名称"]]), registerFieldMatcher);
    expect(h?.unmatched).toEqual([]);
    expect(h?.columns.get("name")).toBe(2);
  });
});
