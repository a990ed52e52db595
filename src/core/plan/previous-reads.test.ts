import { HISTORY_SPEC } from "../plans/history";
import type { RawValue, SheetGrid } from "../workbook/grid";
import { previousTabReads, rowsReadWhole } from "./previous-reads";
import { ROSTER_SPEC } from "./roster-tab";

const HEADER = ["排名", "客户编号", "客户名称", "最终得分", "等级", "人工等级", "调整原因", "我的备注"];

function grid(rows: RawValue[][]): SheetGrid {
  return { name: "客户分级名册", values: [HEADER, ...rows] };
}

describe("which previous output cells a next run reads", () => {
  test("a big tab: keys, editable, carried and users' columns; not the computed ones", () => {
    const reads = previousTabReads(grid([]), ROSTER_SPEC, false)!;
    const names = (cols: number[]) => cols.map((c) => HEADER[c]);
    expect(names(reads.columns)).toEqual(["客户编号", "最终得分", "人工等级", "调整原因", "我的备注"]);
    expect(names(reads.formatColumns)).toEqual(["我的备注"]);
    expect(names(reads.skipped)).toEqual(["排名", "客户名称", "等级"]);
  });

  test("a tab with fingerprints, and the history, are read whole", () => {
    expect(previousTabReads(grid([]), ROSTER_SPEC, true)!.skipped).toEqual([]);
    const history: SheetGrid = { name: "评估历史", values: [["客户编号", "客户名称", "2026-11 得分", "2026-11 等级"]] };
    expect(previousTabReads(history, HISTORY_SPEC, false)!.columns).toEqual([0, 1, 2, 3]);
  });

  test("no header in the first ten rows: nothing to read (the carry-over reads no rows either)", () => {
    expect(previousTabReads({ name: "x", values: [["a", "b"]] }, ROSTER_SPEC, false)).toBeNull();
  });

  test("rows read whole: no key, a value in a user's column, a customer the history does not know, a repeated key", () => {
    const g = grid([
      [null, "C1", null, 80, null, null, null, null],
      [null, "C2", null, 70, null, "A", null, null],
      [null, null, null, 60, null, null, null, null],
      [null, "C3", null, 50, null, null, null, "下周拜访"],
      [null, "X9", null, 40, null, null, null, null],
      [null, "C1", null, 30, null, null, null, null],
    ]);
    const reads = previousTabReads(g, ROSTER_SPEC, false)!;
    expect(rowsReadWhole(g, ROSTER_SPEC, reads, new Set(["C1", "C2", "C3"]))).toEqual([3, 4, 5, 6]);
    // A tab read whole has nothing skipped, so no row needs a second read.
    expect(rowsReadWhole(g, ROSTER_SPEC, previousTabReads(g, ROSTER_SPEC, true)!, new Set())).toEqual([]);
  });
});
