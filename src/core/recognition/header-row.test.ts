import fc from "fast-check";
import type { RawValue, SheetGrid } from "../workbook/grid";
import { registerFieldMatcher } from "./alias-matcher";
import { findHeaderRow } from "./header-row";

const grid = (values: RawValue[][]): SheetGrid => ({ name: "客户状况登记表", values });
const HEADER: RawValue[] = ["客户编号", "客户名称", "日均存款", "客户满意度"];
const DATA: RawValue[] = ["C001", "甲公司", 1200, 85];

describe("the header row names at least two known columns", () => {
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

describe("the header row is the row with the most known names (spec: grouped headers)", () => {
  const GROUP: RawValue[] = ["客户编号", "客户名称", "存贷情况", null];
  const SUB: RawValue[] = [null, null, "日均存款", "日均贷款"];
  it("a later row with more known names wins; on a tie the first", () => {
    expect(findHeaderRow(grid([["客户编号", "客户名称", "说明"], HEADER]), registerFieldMatcher)?.row).toBe(1);
    expect(findHeaderRow(grid([HEADER, HEADER]), registerFieldMatcher)?.row).toBe(0);
  });
  it("cells merged down across both rows count for the lower row, and only for it", () => {
    const g: SheetGrid = { ...grid([GROUP, SUB, DATA]), merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 2, bottom: 0, right: 3 }] };
    const h = findHeaderRow(g, registerFieldMatcher);
    expect(h?.row).toBe(1);
    expect([...(h?.columns ?? [])]).toEqual([["id", 0], ["name", 1], ["dailyDeposit", 2], ["dailyLoan", 3]]);
    expect(h?.texts.get(0)).toBe("客户编号");
    expect(h?.unmatched).toEqual([]);
  });
  it("a lower row with a single real name still wins when the cells above it are merged down", () => {
    const g: SheetGrid = { ...grid([["客户编号", "客户名称", "客户情况"], [null, null, "客户满意度"], ["C1", "甲", 80]]), merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }] };
    expect(findHeaderRow(g, registerFieldMatcher)?.row).toBe(1);
  });
  it("without a merge list from the source, a known name above an empty cell counts for a row that names a column itself", () => {
    expect(findHeaderRow(grid([GROUP, SUB, DATA]), registerFieldMatcher)?.row).toBe(1);
    expect(findHeaderRow(grid([["客户编号", "客户名称", "客户情况"], [null, null, "客户满意度"], ["C1", "甲", 80]]), registerFieldMatcher)?.row).toBe(1);
  });
  it("a source that says there are no merges gets no guessing: the group row (two names) beats the row with two", () => {
    expect(findHeaderRow({ ...grid([GROUP, SUB, DATA]), merges: [] }, registerFieldMatcher)?.row).toBe(0);
  });
  it("a sparse data row under the header never wins by inheriting (its filled cells are under known names)", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (filled) => {
        // A data row with some cells empty, one of them holding a word that is itself a header name (电话 as a channel).
        const row: RawValue[] = ["C1", "甲", 1200, "电话"].map((v, i) => (filled[i] || i === 3 ? v : null));
        const h = findHeaderRow(grid([["客户编号", "客户名称", "日均存款", "沟通方式"], row]), registerFieldMatcher);
        expect(h?.row).toBe(0);
      }),
    );
  });
});
